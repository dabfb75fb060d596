package com.riskpulse.desktop.bench;

import atlantafx.base.theme.PrimerLight;
import com.riskpulse.desktop.dashboard.DashboardView;
import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.LiveFeed;
import com.riskpulse.desktop.shell.LiveUpdate;
import com.riskpulse.desktop.shell.Navigator;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.client.RiskClient;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import com.riskpulse.engine.api.LiveAssessment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A benchmark, not a test: the dashboard in a real stage (headless Monocle, software rendering) over an embedded
 * engine whose simulator runs at 5,000 events/s. After a warm-up, an {@code AnimationTimer} counts the frames that
 * actually run, second by second, with what the live feed dropped, the events per second the engine reached
 * ({@code LiveStats}), the assessments the screen received and its lag (scored → frame, median of the last second).
 * Prints per-run and overall medians; the decimated dashboard {@code runs} times, then (unless {@code --no-raw}) once
 * with one chart point per assessment, to show what decimation buys.
 *
 * <pre>
 * ./mvnw -q -o -pl engine,server-embedded install -DskipTests   # once
 * ./mvnw -q -o -pl app-desktop test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
 * cd app-desktop &amp;&amp; $JDK25/bin/java -cp target/test-classes:target/classes:$(cat target/bench.classpath) \
 *     com.riskpulse.desktop.bench.DashboardFrameRateRun 3
 * </pre>
 *
 * ({@code exec:java -Dexec.mainClass=...} does not work here: app-desktop's pom sets the plugin's {@code mainClass}
 * and {@code classpathScope} explicitly, which wins over command-line properties, so it always starts ConsoleMain on
 * the runtime class path.)
 *
 * Arguments: {@code [runs=3] [eventsPerSecond=5000] [warmupSeconds=10] [measureSeconds=30] [--no-raw]}.
 */
public final class DashboardFrameRateRun {

    private DashboardFrameRateRun() {
    }

    /** One second of one run. */
    record Second(double fps, long dropped, double engineRate, long received, long lagMillis, long consoleLagMicros, long queued) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        List<String> flags = new ArrayList<>(List.of(args));
        boolean raw = !flags.remove("--no-raw");
        int runs = flags.size() > 0 ? Integer.parseInt(flags.get(0)) : 3;
        double rate = flags.size() > 1 ? Double.parseDouble(flags.get(1)) : 5000;
        int warmup = flags.size() > 2 ? Integer.parseInt(flags.get(2)) : 10;
        int measure = flags.size() > 3 ? Integer.parseInt(flags.get(3)) : 30;

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });

        Path dataDir = Files.createTempDirectory("riskpulse-dashboard-bench");
        ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().factory());
        System.out.printf(Locale.ROOT, "Dashboard frame-rate run: %d run(s), simulator at %,.0f events/s, warm-up %d s, %d s measured, %d cores, JDK %s%n",
                runs, rate, warmup, measure, Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (TestEngine engine = TestEngine.start(dataDir)) {
            RiskClient client = engine.admin();
            // 1. the console alone: assessments made up at the target rate and handed to the live feed as the client would
            System.out.printf(Locale.ROOT, "-- synthetic feed: %,.0f assessments/s handed to the LiveFeed directly (engine idle)%n", rate);
            List<Second> all = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                List<Second> seconds = run(client, workers, true, warmup, measure, rate);
                report("synthetic run " + run + " decimated", seconds);
                all.addAll(seconds);
            }
            report("synthetic ALL decimated", all);
            if (raw) report("synthetic raw (point per event)", run(client, workers, false, warmup, measure, rate));
            // 2. the whole: the embedded engine's simulator feeding the dashboard
            System.out.printf(Locale.ROOT, "-- embedded engine: simulator aiming at %,.0f events/s%n", rate);
            startAt(engine, client, rate);
            double[] alone = engineRate(client, measure);
            System.out.printf(Locale.ROOT, "%-34s %3d s | engine events/s median %,6.0f | queued median %,d (partition + store queues)%n",
                    "engine alone, no window", measure, alone[0], (long) alone[1]);
            report("engine-fed decimated", run(client, workers, true, warmup, measure, 0));
        } finally {
            workers.shutdownNow();
            Platform.exit();
        }
    }

    /**
     * Starts the simulator so that about {@code target} events/s actually arrive. Its rate is a day's average and
     * follows the simulated accounts' daily rhythm in real time (nights are quiet), so at a given hour the nominal
     * rate is off by a factor: measured here for a few seconds, before any window is shown, and corrected once.
     */
    private static void startAt(TestEngine engine, RiskClient client, double target) throws Exception {
        Thread simulator = engine.engine().startSimulator(target);
        double achieved = engineRate(client, 6)[0];
        System.out.printf(Locale.ROOT, "simulator nominal %,.0f events/s (day average) → %,.0f events/s at this hour, no window shown%n", target, achieved);
        if (achieved > 0 && achieved < 0.9 * target) {
            simulator.interrupt();
            simulator.join(5000);
            double nominal = target * Math.min(20, target / achieved);
            engine.engine().startSimulator(nominal);
            System.out.printf(Locale.ROOT, "simulator restarted at nominal %,.0f events/s → %,.0f events/s, no window shown%n", nominal, engineRate(client, 6)[0]);
        }
    }

    /** The engine's events per second and queued events (LiveStats), medians of the last {@code seconds} reports. */
    private static double[] engineRate(RiskClient client, int seconds) throws Exception {
        List<Double> rates = Collections.synchronizedList(new ArrayList<>());
        List<Double> queued = Collections.synchronizedList(new ArrayList<>());
        try (AutoCloseable ignored = client.subscribe(new com.riskpulse.engine.client.LiveListener() {
            @Override
            public void onAssessment(com.riskpulse.engine.api.LiveAssessment assessment) {
            }

            @Override
            public void onStats(com.riskpulse.engine.api.LiveStats stats) {
                rates.add(stats.eventsPerSecond());
                queued.add((double) (stats.partitionQueued() + stats.storeQueued()));
            }
        })) {
            Thread.sleep(2000L + seconds * 1000L);
        }
        return new double[] {lastMedian(rates, seconds), lastMedian(queued, seconds)};
    }

    private static double lastMedian(List<Double> values, int n) {
        List<Double> last;
        synchronized (values) {
            last = new ArrayList<>(values.subList(Math.max(0, values.size() - n), values.size()));
        }
        Collections.sort(last);
        return last.isEmpty() ? 0 : last.get(last.size() / 2);
    }

    private static List<Second> run(RiskClient client, ExecutorService workers, boolean decimate, int warmup, int measure, double synthetic)
            throws Exception {
        LiveFeed live = new LiveFeed(client);
        ScreenContext ctx = new ScreenContext(client, new Background(workers, Platform::runLater), live, new SilentNavigator(), Clock.systemUTC());
        List<Second> seconds = Collections.synchronizedList(new ArrayList<>());
        Meter meter = new Meter(live, seconds);
        Stage stage = onFx(() -> {
            DashboardView view = new DashboardView(ctx, decimate);
            meter.view = view;
            live.start(true);
            live.register(meter::onBatch);
            Stage s = new Stage();
            s.setScene(new Scene(view.root(), 1280, 800));
            s.setTitle(view.title());
            s.show();
            view.onShow();
            return s;
        });
        Thread generator = synthetic > 0 ? Thread.ofPlatform().daemon().name("synthetic-feed").start(() -> feed(live, synthetic)) : null;
        Thread.sleep(warmup * 1000L);
        onFx(() -> {
            meter.start();
            return null;
        });
        Thread.sleep(measure * 1000L);
        if (generator != null) {
            generator.interrupt();
            generator.join(5000);
        }
        onFx(() -> {
            meter.stop();
            meter.view.close();
            live.close();
            stage.hide();
            return null;
        });
        return new ArrayList<>(seconds);
    }

    /** Hands made-up assessments to the live feed at {@code rate} a second, from one thread, until interrupted. */
    private static void feed(LiveFeed live, double rate) {
        java.util.Random random = new java.util.Random(7);
        long start = System.nanoTime();
        long sent = 0;
        long id = 1;
        String[] types = {"payment", "payment", "payment", "login", "withdrawal", "deposit"};
        while (!Thread.currentThread().isInterrupted()) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
            for (; sent < due; sent++, id++) {
                double u = random.nextDouble();
                double score = u < 0.97 ? random.nextDouble() * 0.3 : u < 0.99 ? 0.5 + random.nextDouble() * 0.2 : 0.75 + random.nextDouble() * 0.25;
                String level = score < 0.5 ? "low" : score < 0.7 ? "medium" : score < 0.9 ? "high" : "critical";
                Instant now = Instant.now();
                live.onAssessment(new LiveAssessment(id, "syn-" + id, "acct-" + (id % 5000), types[(int) (id % types.length)], now.minusMillis(2),
                        now, score, level, 5 + random.nextInt(500) + 0.5, "EUR", "DE", "m-" + id % 40, List.of(), List.of(), 1, "bench", false));
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Counts frames on the FX thread; closes a sample every second of wall time. */
    private static final class Meter extends AnimationTimer {
        private final LiveFeed live;
        private final List<Second> seconds;
        DashboardView view;
        private long secondStart;
        private long frames;
        private long droppedAtStart;
        private long receivedAtStart;
        private double engineRate;
        private long queued;

        Meter(LiveFeed live, List<Second> seconds) {
            this.live = live;
            this.seconds = seconds;
        }

        void onBatch(List<LiveUpdate> batch) {
            for (LiveUpdate u : batch) {
                if (u instanceof LiveUpdate.Stats s) {
                    engineRate = s.stats().eventsPerSecond();
                    queued = s.stats().partitionQueued() + s.stats().storeQueued();
                }
            }
        }

        @Override
        public void start() {
            secondStart = System.nanoTime();
            droppedAtStart = live.dropped();
            receivedAtStart = view.viewModel().received().get();
            super.start();
        }

        @Override
        public void handle(long now) {
            frames++;
            long elapsed = System.nanoTime() - secondStart;
            if (elapsed < 1_000_000_000L) return;
            long dropped = live.dropped();
            long received = view.viewModel().received().get();
            double seconds = elapsed / 1e9;
            this.seconds.add(new Second(frames / seconds, dropped - droppedAtStart, engineRate, Math.round((received - receivedAtStart) / seconds),
                    view.viewModel().lagMillis().get(), view.viewModel().consoleLagMicros().get(), queued));
            frames = 0;
            secondStart = System.nanoTime();
            droppedAtStart = dropped;
            receivedAtStart = received;
        }
    }

    private static void report(String what, List<Second> s) {
        if (s.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-34s no complete second measured (the FX thread never came back within a second)%n", what);
            return;
        }
        long dropped = s.stream().mapToLong(Second::dropped).sum();
        System.out.printf(Locale.ROOT,
                "%-34s %3d s | fps median %5.1f min %5.1f | engine events/s median %,6.0f | received/s median %,6d | dropped %,d | lag median %,d ms (console %.1f ms) | queued median %,d%n",
                what, s.size(), median(s, Second::fps), s.stream().mapToDouble(Second::fps).min().orElse(0),
                median(s, Second::engineRate), (long) median(s, x -> (double) x.received()), dropped,
                (long) median(s, x -> (double) x.lagMillis()), median(s, x -> x.consoleLagMicros() / 1000.0),
                (long) median(s, x -> (double) x.queued()));
    }

    private static double median(List<Second> s, java.util.function.Function<Second, Double> f) {
        double[] v = s.stream().mapToDouble(f::apply).sorted().toArray();
        return v[v.length / 2];
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(action.get());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private static final class SilentNavigator implements Navigator {
        @Override
        public void showAssessment(long riskId) {
        }

        @Override
        public void showAlert(long alertId) {
        }

        @Override
        public void showError(String title, String message) {
            System.out.println("error shown: " + title + ": " + message);
        }

        @Override
        public void notify(String message) {
        }
    }
}
