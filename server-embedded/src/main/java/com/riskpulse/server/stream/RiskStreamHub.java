package com.riskpulse.server.stream;

import com.riskpulse.engine.alert.AlertChange;
import com.riskpulse.engine.api.LiveStats;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.stream.AssessmentListener;
import com.riskpulse.engine.api.LiveStatsMeter;
import com.riskpulse.engine.stream.PipelineStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Fans the live stream out to {@code /ws/risk-stream} clients, whatever the transport ({@link ClientChannel}).
 *
 * <p>Threading: {@link #onAssessment} (pipeline workers) and {@link #accept} (alert feed) serialise a message
 * once, then only offer it to each matching client's bounded buffer and return: they never wait for a client.
 * Each client has its own sender, a virtual thread, so a client whose channel blocks or refuses holds up only
 * itself. Its buffer coalesces when full and the dropped count is reported once it catches up. One scheduler
 * thread publishes the stats message every interval and disconnects (1008) clients stuck beyond the limit.
 */
public final class RiskStreamHub implements AssessmentListener, Consumer<AlertChange>, AutoCloseable {

    public static final int POLICY_VIOLATION = 1008;
    public static final int TRY_AGAIN_LATER = 1013;

    private static final Logger log = LoggerFactory.getLogger(RiskStreamHub.class);
    private static final long WATCHDOG_PERIOD_MILLIS = 250;

    private final StreamSettings settings;
    private final DoubleSupplier lowFloor;
    private final StreamMessages messages = new StreamMessages();
    private final SubscriptionProtocol protocol = new SubscriptionProtocol(messages.json());
    private final ConcurrentHashMap<String, ClientSession> clients = new ConcurrentHashMap<>();
    private final LiveStatsMeter meter;
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder disconnectedForSlowness = new LongAdder();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("risk-stream-hub").daemon().factory());

    /**
     * @param lowFloor      the live-feed floor ({@code Thresholds.low} of the current configuration)
     * @param pipelineStats the pipeline's counters, read once per stats message
     */
    public RiskStreamHub(StreamSettings settings, DoubleSupplier lowFloor, Supplier<PipelineStats> pipelineStats) {
        this.settings = settings;
        this.lowFloor = lowFloor;
        this.meter = new LiveStatsMeter(pipelineStats);
    }

    /** Starts the stats publisher and the watchdog. */
    public RiskStreamHub start() {
        long interval = settings.statsInterval().toMillis();
        scheduler.scheduleAtFixedRate(guarded(this::publishStats), interval, interval, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(guarded(this::disconnectStuckClients), WATCHDOG_PERIOD_MILLIS, WATCHDOG_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        return this;
    }

    public ConnectOutcome connect(ClientChannel channel, Actor actor, Subscription subscription) {
        if (clients.size() >= settings.maxClients()) {
            String reason = "too many live clients (" + settings.maxClients() + ")";
            channel.close(TRY_AGAIN_LATER, reason);
            return new ConnectOutcome.Refused(TRY_AGAIN_LATER, reason);
        }
        Subscription allowed = subscription.restrictedTo(actor);
        ClientSession session = new ClientSession(channel, actor, allowed, settings.bufferCapacity(), messages::dropped, sent, dropped);
        ClientSession previous = clients.put(channel.id(), session);
        if (previous != null) previous.stop(0, null);
        session.start();
        return new ConnectOutcome.Connected(allowed);
    }

    /** Forgets a client whose connection closed; its queued messages are discarded. */
    public boolean disconnect(ClientChannel channel) {
        ClientSession session = clients.remove(channel.id());
        return session != null && session.stop(0, null);
    }

    /**
     * A client's text message: a {@code subscribe} ({@link SubscriptionProtocol}) is answered with
     * {@code subscribed}, anything else with a typed {@code error}. Answers whether the subscription changed.
     */
    public boolean onMessage(ClientChannel channel, String text) {
        ClientSession session = clients.get(channel.id());
        if (session == null) return false;
        return switch (protocol.read(text)) {
            case SubscriptionProtocol.Subscribed s -> {
                Subscription allowed = s.subscription().restrictedTo(session.actor);
                session.subscribe(allowed);
                session.enqueue(null, messages.subscribed(allowed));
                yield true;
            }
            case SubscriptionProtocol.Invalid invalid -> {
                session.enqueue(null, messages.error(invalid.code(), invalid.message()));
                yield false;
            }
        };
    }

    @Override
    public void onAssessment(Assessment a) {
        boolean belowFloor = a.score() < lowFloor.getAsDouble();
        meter.count(a.level(), belowFloor);
        String text = null;
        for (ClientSession session : clients.values()) {
            if (!session.subscription().wantsAssessment(a.level(), belowFloor, a.entityId())) continue;
            if (text == null) text = messages.assessment(a);
            session.enqueue("entity:" + a.entityId(), text);
        }
    }

    @Override
    public void accept(AlertChange change) {
        String text = null;
        for (ClientSession session : clients.values()) {
            if (!session.subscription().wantsAlert(change.alert())) continue;
            if (text == null) text = messages.alert(change);
            session.enqueue("alert:" + change.alert().id(), text);
        }
    }

    public StreamMetrics metrics() {
        return new StreamMetrics(clients.size(), sent.sum(), dropped.sum(), disconnectedForSlowness.sum(),
                messages.assessmentsSerialised());
    }

    /** Sends one stats message to the clients that want it; the scheduler calls it every interval. */
    void publishStats() {
        LiveStats stats = meter.next(clients.size());
        String text = null;
        for (ClientSession session : clients.values()) {
            if (!session.subscription().wantsStats()) continue;
            if (text == null) text = messages.stats(stats);
            session.enqueue("stats", text);
        }
    }

    /** Closes (1008) the clients unable to take messages for longer than the limit; the scheduler calls it. */
    void disconnectStuckClients() {
        long now = System.nanoTime();
        long limit = settings.stuckLimit().toNanos();
        for (ClientSession session : clients.values()) {
            long stuck = session.stuckNanos(now);
            if (stuck <= limit) continue;
            String reason = "too slow: no message taken for " + TimeUnit.NANOSECONDS.toSeconds(stuck) + " s";
            if (clients.remove(session.channel.id(), session) && session.stop(POLICY_VIOLATION, reason)) {
                disconnectedForSlowness.increment();
                log.info("disconnected live client {} ({}): {}", session.channel.id(), session.actor.username(), reason);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (ClientSession session : clients.values()) session.stop(1001, "server shutting down");
        clients.clear();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("live stream task failed", e);
            }
        };
    }
}
