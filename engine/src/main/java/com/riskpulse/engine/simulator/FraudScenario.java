package com.riskpulse.engine.simulator;

/**
 * One injected fraud pattern. It plans its events through the session, which labels each of them with
 * the scenario; it may read the entity's habits to decide what "large" or "foreign" means.
 */
interface FraudScenario {

    ScenarioType type();

    /** Plays the scenario for {@code e} from {@code t}; returns the earliest time the entity is free again. */
    long play(SimEntity e, long t, Session s);

    /** Where fraudsters act from: weighted towards the usual origins, never the entity's own country. */
    static Countries.Country foreignOrigin(SimEntity e) {
        return Countries.pick(e.rnd, Countries.Country::fraud, c -> c != e.home && c != e.current());
    }
}
