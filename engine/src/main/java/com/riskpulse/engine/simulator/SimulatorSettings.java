package com.riskpulse.engine.simulator;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one simulator run. Equal settings give the same events, byte for byte: the seed
 * drives every random choice and {@code start} is the only clock the content ever sees.
 *
 * @param seed            drives every random choice of the run
 * @param entities        number of simulated accounts ({@code acct-00001} ...)
 * @param eventsPerSecond mean event rate in event time, all entities together, averaged over a day
 *                        (the entities' daily rhythm makes their nights quieter than their evenings)
 * @param speedFactor     event time per wall time when run as a source: 1 is real time, 60 is one
 *                        event-hour per wall minute, 0 is unpaced (as fast as the pipeline takes events)
 * @param start           event time at which the run begins
 * @param fraudRate       share of activity sessions (one turn of one entity) that are replaced by an
 *                        injected fraud scenario, 0 for genuine traffic only
 * @param scenarioWeights relative weight of each scenario among the injected ones; a missing or zero
 *                        weight disables that scenario
 * @param maxEvents       stop after this many events; 0 or less means unbounded
 */
public record SimulatorSettings(
        long seed,
        int entities,
        double eventsPerSecond,
        double speedFactor,
        Instant start,
        double fraudRate,
        Map<ScenarioType, Double> scenarioWeights,
        long maxEvents) {

    /** A fixed Monday, so that default runs are reproducible; a live console passes its own start. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

    public SimulatorSettings {
        Objects.requireNonNull(start, "start");
        if (entities < 1) throw new IllegalArgumentException("entities must be at least 1, got " + entities);
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("eventsPerSecond must be a positive number, got " + eventsPerSecond);
        }
        if (!(speedFactor >= 0) || Double.isInfinite(speedFactor)) {
            throw new IllegalArgumentException("speedFactor must be 0 (unpaced) or positive, got " + speedFactor);
        }
        if (!(fraudRate >= 0 && fraudRate <= 1)) {
            throw new IllegalArgumentException("fraudRate must be within [0, 1], got " + fraudRate);
        }
        EnumMap<ScenarioType, Double> weights = new EnumMap<>(ScenarioType.class);
        for (ScenarioType type : ScenarioType.values()) {
            Double w = scenarioWeights == null ? null : scenarioWeights.get(type);
            double weight = w == null ? 0 : w;
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of " + type.label() + " must be 0 or positive, got " + w);
            }
            weights.put(type, weight);
        }
        // EnumMap keeps ordinal order, so weighted picks do not depend on how the caller built the map
        scenarioWeights = java.util.Collections.unmodifiableMap(weights);
    }

    /** 5,000 entities at one event per second of event time, shown 60 times faster than real time. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(42, 5_000, 1.0, 60, DEFAULT_START, 0.002, allScenarios(1.0), 0);
    }

    /** Defaults for tests and benchmarks: unpaced, with this seed and event budget. */
    public static SimulatorSettings unpaced(long seed, long maxEvents) {
        return defaults().withSeed(seed).withSpeedFactor(0).withMaxEvents(maxEvents);
    }

    public boolean paced() {
        return speedFactor > 0;
    }

    public boolean bounded() {
        return maxEvents > 0;
    }

    /** The weight of one scenario, 0 when disabled. */
    public double weight(ScenarioType type) {
        return scenarioWeights.get(type);
    }

    public SimulatorSettings withSeed(long value) {
        return new SimulatorSettings(value, entities, eventsPerSecond, speedFactor, start, fraudRate, scenarioWeights, maxEvents);
    }

    public SimulatorSettings withEntities(int value) {
        return new SimulatorSettings(seed, value, eventsPerSecond, speedFactor, start, fraudRate, scenarioWeights, maxEvents);
    }

    public SimulatorSettings withEventsPerSecond(double value) {
        return new SimulatorSettings(seed, entities, value, speedFactor, start, fraudRate, scenarioWeights, maxEvents);
    }

    public SimulatorSettings withSpeedFactor(double value) {
        return new SimulatorSettings(seed, entities, eventsPerSecond, value, start, fraudRate, scenarioWeights, maxEvents);
    }

    public SimulatorSettings withStart(Instant value) {
        return new SimulatorSettings(seed, entities, eventsPerSecond, speedFactor, value, fraudRate, scenarioWeights, maxEvents);
    }

    public SimulatorSettings withFraudRate(double value) {
        return new SimulatorSettings(seed, entities, eventsPerSecond, speedFactor, start, value, scenarioWeights, maxEvents);
    }

    public SimulatorSettings withScenarioWeights(Map<ScenarioType, Double> value) {
        return new SimulatorSettings(seed, entities, eventsPerSecond, speedFactor, start, fraudRate, value, maxEvents);
    }

    /** Changes one scenario's weight, 0 to disable it. */
    public SimulatorSettings withScenarioWeight(ScenarioType type, double weight) {
        EnumMap<ScenarioType, Double> weights = new EnumMap<>(scenarioWeights);
        weights.put(type, weight);
        return withScenarioWeights(weights);
    }

    /** Injects only this scenario. */
    public SimulatorSettings onlyScenario(ScenarioType type) {
        return withScenarioWeights(Map.of(type, 1.0));
    }

    public SimulatorSettings withMaxEvents(long value) {
        return new SimulatorSettings(seed, entities, eventsPerSecond, speedFactor, start, fraudRate, scenarioWeights, value);
    }

    private static Map<ScenarioType, Double> allScenarios(double weight) {
        EnumMap<ScenarioType, Double> weights = new EnumMap<>(ScenarioType.class);
        for (ScenarioType type : ScenarioType.values()) weights.put(type, weight);
        return weights;
    }
}
