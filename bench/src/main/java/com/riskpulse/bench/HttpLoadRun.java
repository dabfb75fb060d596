package com.riskpulse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.simulator.Simulator;
import com.riskpulse.engine.simulator.SimulatorSettings;
import com.riskpulse.server.RiskPulseServer;
import com.riskpulse.server.http.ServerSettings;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end load run over the network stack: N HTTP clients post NDJSON batches to {@code POST /api/v1/events} of a
 * {@link RiskPulseServer} started in this JVM, and one WebSocket client subscribed to every assessment receives them
 * from {@code /ws/risk-stream}. Reports the events accepted per second over HTTP after warm-up and the latency from
 * the moment a batch's POST is sent to the moment its events' assessments arrive on the WebSocket (p50 / p99 / max).
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar com.riskpulse.bench.HttpLoadRun --db h2 --seconds 30
 * java -Xmx2g -cp bench/target/benchmarks.jar com.riskpulse.bench.HttpLoadRun \
 *      --db 'jdbc:postgresql://127.0.0.1:5432/riskpulse_bench?user=postgres' --seconds 30 --rate 2000
 * </pre>
 * Options: {@code --threads N} HTTP client threads (4), {@code --batch N} events per request (200), {@code --seconds}
 * measured (30), {@code --warmup} (5), {@code --rate N} paces all clients together to about N events/s (latency below
 * saturation; without it the clients post flat out and 503 / Retry-After sets the pace), {@code --seed} (11).
 * The engine runs in SERVER mode with a secret key generated for the run and bcrypt cost 4; the admin is bootstrapped
 * with a generated password. On PostgreSQL the assessments table is truncated and the users table emptied first
 * (the bootstrap only runs on an empty users table), so every run starts from the same state: use a scratch database.
 * Clients, simulator, server, engine and (for H2) the database share this JVM, and all share the machine's cores.
 */
public final class HttpLoadRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RETRY_FROM = Pattern.compile("retry event (\\S+) and after it");
    private static final String EVENT_ID = "\"event_id\":\"";

    public static void main(String[] args) throws Exception {
        String db = "h2";
        int seconds = 30, warmup = 5, threads = 4, batch = 200;
        long seed = 11;
        double rate = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--db" -> db = args[i + 1];
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--batch" -> batch = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dataDir = Files.createTempDirectory("riskpulse-httpbench");
        byte[] key = new byte[48];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        String adminPassword = "bench-" + Base64.getUrlEncoder().withoutPadding().encodeToString(key).substring(0, 20);
        random.nextBytes(key);
        Map<String, String> env = new HashMap<>();
        if (!db.equals("h2")) env.put("DATABASE_URL", db);
        env.put("RISKPULSE_DATA_DIR", dataDir.toString());
        env.put("BCRYPT_COST", "4");
        env.put("SECRET_KEY", Base64.getEncoder().encodeToString(key));

        try (RiskEngine engine = RiskEngine.start(Environment.of(env), RiskEngine.Mode.SERVER, Clock.systemUTC())) {
            try (Connection c = engine.database().dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("TRUNCATE TABLE assessments"); // not DELETE: dead rows and bloated indexes would slow each later run
                s.execute("DELETE FROM users"); // a scratch database: the bootstrap below needs an empty users table
            }
            engine.users().bootstrapAdmin(Optional.of(adminPassword));
            RiskPulseServer server = new RiskPulseServer(engine, new ServerSettings(0, List.of(), ServerSettings.DEFAULT_MAX_BODY)).start(0);
            try {
                run(server.port(), adminPassword, engine.database().dialect().toString(), seconds, warmup, threads, batch, rate, seed);
            } finally {
                server.stop();
            }
        }
    }

    private static void run(int port, String adminPassword, String dialect, int seconds, int warmup, int threads, int batch,
                            double rate, long seed) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
        String token = JSON.readTree(login.body()).get("access_token").asText();

        // event id → nanoTime its (last) POST was sent; removed when its assessment arrives
        ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>(1 << 20);
        Recorder latency = new Recorder(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong received = new AtomicLong(), unmatched = new AtomicLong(), dropped = new AtomicLong();
        Listener listener = new Listener(sentAt, latency, received, unmatched, dropped);
        WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/risk-stream?token=" + token), listener).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"subscribe\",\"min_level\":\"low\",\"types\":[\"assessment\"]}", true).get(10, TimeUnit.SECONDS);
        if (!listener.subscribed.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("no subscribed answer on the WebSocket");

        Iterator<RiskEvent> events = Simulator.events(SimulatorSettings.unpaced(seed, 0)).iterator();
        AtomicLong accepted = new AtomicLong(), requests = new AtomicLong(), unavailable = new AtomicLong(), failures = new AtomicLong();
        AtomicLong slot = new AtomicLong();
        long startNanos = System.nanoTime();
        long batchIntervalNanos = rate > 0 ? (long) (batch * 1e9 / rate) : 0;
        final long[] stopAt = {Long.MAX_VALUE};
        int batchSize = batch;
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(Thread.ofPlatform().name("http-client-" + t).start(() -> {
                List<String> ids = new ArrayList<>(batchSize);
                StringBuilder body = new StringBuilder(batchSize * 320);
                while (System.nanoTime() < stopAt[0]) {
                    if (batchIntervalNanos > 0) {
                        long due = startNanos + slot.getAndIncrement() * batchIntervalNanos;
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                    }
                    ids.clear();
                    body.setLength(0);
                    synchronized (events) {
                        for (int i = 0; i < batchSize; i++) {
                            RiskEvent e = events.next();
                            ids.add(e.eventId());
                            body.append(EventJson.write(e)).append('\n');
                        }
                    }
                    int from = 0;
                    while (from < ids.size()) {
                        String payload = from == 0 ? body.toString() : ndjsonFrom(body, from);
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/x-ndjson")
                                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
                        long sent = System.nanoTime();
                        for (int i = from; i < ids.size(); i++) sentAt.put(ids.get(i), sent);
                        HttpResponse<String> r;
                        try {
                            r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        } catch (Exception ex) {
                            failures.incrementAndGet();
                            LockSupport.parkNanos(100_000_000);
                            continue;
                        }
                        requests.incrementAndGet();
                        if (r.statusCode() == 202) {
                            accepted.addAndGet(ids.size() - from);
                            from = ids.size();
                        } else if (r.statusCode() == 503) {
                            unavailable.incrementAndGet();
                            int resumeAt = resumeIndex(r.body(), ids, from);
                            accepted.addAndGet(resumeAt - from);
                            from = resumeAt;
                            long retryAfter = r.headers().firstValueAsLong("Retry-After").orElse(1);
                            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(retryAfter));
                        } else {
                            failures.incrementAndGet();
                            System.err.println("unexpected answer " + r.statusCode() + ": " + abbreviate(r.body()));
                            for (int i = from; i < ids.size(); i++) sentAt.remove(ids.get(i));
                            from = ids.size();
                        }
                    }
                }
            }));
        }
        System.out.printf("database %s, %d HTTP client threads, %d events per request, %s, %d s after %d s warm-up, %d cores%n",
                dialect, threads, batch, rate > 0 ? String.format("paced at ~%.0f events/s", rate) : "unpaced", seconds, warmup,
                Runtime.getRuntime().availableProcessors());
        Thread.sleep(warmup * 1_000L);
        long acceptedStart = accepted.get(), receivedStart = received.get();
        long t0 = System.nanoTime();
        listener.measureFrom = t0;
        latency.reset();
        Histogram total = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        for (int s = 5; s <= seconds; s += 5) {
            Thread.sleep(5_000);
            Histogram interval = latency.getIntervalHistogram();
            total.add(interval);
            System.out.printf("  %3d s: %,.0f accepted/s so far, last 5 s: %,d assessments, p50 %.1f ms, p99 %.1f ms; 503s %,d%n", s,
                    (accepted.get() - acceptedStart) / ((System.nanoTime() - t0) / 1e9), interval.getTotalCount(),
                    interval.getValueAtPercentile(50) / 1e3, interval.getValueAtPercentile(99) / 1e3, unavailable.get());
        }
        long t1 = System.nanoTime();
        stopAt[0] = t1;
        long acceptedEnd = accepted.get(), receivedEnd = received.get();
        double elapsed = (t1 - t0) / 1e9;
        for (Thread c : clients) c.join();
        // let the assessments of events sent in the window arrive (at saturation they wait in full queues)
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!sentAt.isEmpty() && System.nanoTime() < drainUntil) Thread.sleep(100);
        total.add(latency.getIntervalHistogram());
        long missing = sentAt.size();
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "  requests %,d, 503 answers %,d, failures %,d; assessments received %,d, measured %,d, "
                        + "not received %,d, unmatched %,d, dropped by the server %,d%n",
                requests.get(), unavailable.get(), failures.get(), received.get(), total.getTotalCount(), missing, unmatched.get(),
                dropped.get());
        System.out.printf(Locale.ROOT, "RESULT db=%s threads=%d batch=%d rate=%s accepted_per_s=%.0f received_per_s=%.0f p50_ms=%.1f "
                        + "p99_ms=%.1f max_ms=%.1f%n",
                dialect, threads, batch, rate > 0 ? String.valueOf((long) rate) : "unpaced",
                (acceptedEnd - acceptedStart) / elapsed, (receivedEnd - receivedStart) / elapsed,
                total.getValueAtPercentile(50) / 1e3, total.getValueAtPercentile(99) / 1e3, total.getMaxValue() / 1e3);
    }

    /** Index in {@code ids} of the event a 503 asks to retry from; the whole rest of the batch if it cannot tell. */
    private static int resumeIndex(String body, List<String> ids, int from) {
        try {
            Matcher m = RETRY_FROM.matcher(JSON.readTree(body).path("message").asText());
            if (m.find()) {
                int i = ids.indexOf(m.group(1));
                if (i >= from) return i;
            }
        } catch (Exception ignored) {
            // resend everything: event ids make it idempotent
        }
        return from;
    }

    private static String ndjsonFrom(StringBuilder body, int line) {
        int at = 0;
        for (int i = 0; i < line; i++) at = body.indexOf("\n", at) + 1;
        return body.substring(at);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The one WebSocket client: matches each assessment's event id to its send time. Called on one thread at a time. */
    private static final class Listener implements WebSocket.Listener {
        final CountDownLatch subscribed = new CountDownLatch(1);
        final ConcurrentHashMap<String, Long> sentAt;
        final Recorder latency;
        final AtomicLong received, unmatched, dropped;
        final StringBuilder partial = new StringBuilder();
        volatile long measureFrom = Long.MAX_VALUE;

        Listener(ConcurrentHashMap<String, Long> sentAt, Recorder latency, AtomicLong received, AtomicLong unmatched, AtomicLong dropped) {
            this.sentAt = sentAt;
            this.latency = latency;
            this.received = received;
            this.unmatched = unmatched;
            this.dropped = dropped;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                handle(partial.toString(), now);
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void handle(String msg, long now) {
            if (msg.startsWith("{\"type\":\"assessment\"")) {
                received.incrementAndGet();
                int at = msg.indexOf(EVENT_ID);
                if (at < 0) {
                    unmatched.incrementAndGet();
                    return;
                }
                at += EVENT_ID.length();
                String id = msg.substring(at, msg.indexOf('"', at));
                Long sent = sentAt.remove(id);
                if (sent == null) unmatched.incrementAndGet();
                else if (sent >= measureFrom) latency.recordValue(Math.max(0, (now - sent) / 1_000));
            } else if (msg.startsWith("{\"type\":\"subscribed\"")) {
                subscribed.countDown();
            } else {
                try {
                    JsonNode node = JSON.readTree(msg);
                    switch (node.path("type").asText()) {
                        case "dropped" -> dropped.addAndGet(node.path("count").asLong());
                        case "error" -> System.err.println("WebSocket error message: " + msg);
                        default -> { }
                    }
                } catch (Exception e) {
                    System.err.println("unreadable WebSocket message: " + msg);
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            if (status != WebSocket.NORMAL_CLOSURE) System.err.println("WebSocket closed by the server: " + status + " " + reason);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            System.err.println("WebSocket error: " + error);
        }
    }
}
