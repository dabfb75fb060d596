package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.RiskEvent;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The simulator's engine, as a plain iterator: the events of a run in event-time order, without pacing
 * and without a pipeline. Entities take turns through one priority queue ordered by time, then by the
 * order things were planned, so the interleaving is as reproducible as the seed.
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class EventGenerator implements Iterator<RiskEvent> {

    /** Quiet time after an injected scenario; longer than any scenario's own pauses. */
    static final long SCENARIO_COOL_DOWN_MILLIS = 90 * 60_000L;

    private final SimulatorSettings settings;
    private final String idPrefix;
    private final PriorityQueue<Node> queue = new PriorityQueue<>();
    private final Session session;
    private final GenuineActivity genuine;
    private final List<FraudScenario> scenarios = new ArrayList<>();
    private final SimEntity[] entities;
    private final double[] weights;
    private final double totalWeight;
    private final long[] injected = new long[ScenarioType.values().length];
    private long planned;
    private long emitted;
    private long sessions;

    public EventGenerator(SimulatorSettings settings) {
        this.settings = settings;
        this.idPrefix = "sim-" + settings.seed() + "-";
        this.session = new Session((at, draft) -> queue.add(new Node(at, planned++, draft, null)));

        // the order of these splits is part of the output: changing it changes every run
        SplittableRandom master = new SplittableRandom(settings.seed());
        MerchantCatalog catalog = new MerchantCatalog(master.split());
        this.genuine = new GenuineActivity(catalog);
        scenarios.add(new CardTesting(catalog));
        scenarios.add(new AccountTakeover());
        scenarios.add(new ImpossibleTravel(catalog));
        scenarios.add(new AmountSpike(catalog, genuine));
        scenarios.add(new MuleFanOut());
        weights = new double[scenarios.size()];
        double total = 0;
        for (int i = 0; i < scenarios.size(); i++) total += weights[i] = settings.weight(scenarios.get(i).type());
        totalWeight = total;

        EntityFactory factory = new EntityFactory(catalog, settings);
        long start = settings.start().toEpochMilli();
        entities = new SimEntity[settings.entities()];
        for (int i = 1; i <= settings.entities(); i++) {
            SimEntity entity = factory.create(i, master.split());
            entities[i - 1] = entity;
            queue.add(new Node(entity.nextSessionAfter(start), planned++, null, entity));
        }
    }

    @Override
    public boolean hasNext() {
        return !settings.bounded() || emitted < settings.maxEvents();
    }

    @Override
    public RiskEvent next() {
        if (!hasNext()) throw new NoSuchElementException("the run's " + settings.maxEvents() + " events are out");
        while (true) {
            Node node = queue.poll();
            if (node.draft != null) {
                emitted++;
                return node.draft.eventId(idPrefix + emitted).build();
            }
            turn(node.entity, node.at);
        }
    }

    /** Events handed out so far. */
    public long emitted() {
        return emitted;
    }

    /** Entity turns played so far, genuine and fraudulent: the denominator of the fraud rate. */
    public long sessions() {
        return sessions;
    }

    /** Instances of this scenario started so far (their later events may still be in the queue). */
    public long injected(ScenarioType type) {
        return injected[type.ordinal()];
    }

    /** Instances of all scenarios started so far. */
    public long injected() {
        long total = 0;
        for (long n : injected) total += n;
        return total;
    }

    /** The entity behind an id, for tests that check events against its habits. */
    SimEntity entity(String entityId) {
        return entities[Integer.parseInt(entityId.substring(entityId.indexOf('-') + 1)) - 1];
    }

    private void turn(SimEntity entity, long at) {
        sessions++;
        long free;
        // drawn on every turn, so that a fraud rate of 0 and a small one differ only where fraud happens
        boolean fraud = entity.rnd.nextDouble() < settings.fraudRate() && totalWeight > 0;
        if (fraud) {
            FraudScenario scenario = pickScenario(entity.rnd);
            injected[scenario.type().ordinal()]++;
            // one attribute only: RiskEvent keeps attributes in a Map.copyOf, whose iteration order (and so
            // the JSON written) changes from one JVM to the next as soon as there are two
            session.begin(entity, at, Map.of(RiskEvent.SCENARIO_ATTRIBUTE, scenario.type().label()));
            // the fraudster is gone before the owner is back: two incidents of one entity never run into
            // each other, so every labelled stretch of events is exactly one incident
            free = scenario.play(entity, at, session) + SCENARIO_COOL_DOWN_MILLIS;
        } else {
            session.begin(entity, at, Map.of());
            free = genuine.play(entity, at, session);
        }
        queue.add(new Node(entity.nextSessionAfter(free), planned++, null, entity));
    }

    private FraudScenario pickScenario(SplittableRandom rnd) {
        double r = rnd.nextDouble() * totalWeight;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0 && weights[i] > 0) return scenarios.get(i);
        }
        for (int i = weights.length - 1; ; i--) {
            if (weights[i] > 0) return scenarios.get(i);
        }
    }

    /** A planned event ({@code draft}) or an entity's next turn ({@code entity}), at a time. */
    private record Node(long at, long seq, RiskEvent.Builder draft, SimEntity entity) implements Comparable<Node> {
        @Override
        public int compareTo(Node o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
