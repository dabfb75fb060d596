package com.riskpulse.engine.replay;

import com.riskpulse.engine.stream.Pacer;
import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.ParseResult;
import com.riskpulse.engine.event.Rejection;
import com.riskpulse.engine.stream.EventSource;
import com.riskpulse.engine.stream.SourceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Replays NDJSON, one event per line, from a file (gzip is recognised by its content) or any reader.
 * Every non-blank line goes to {@link SourceContext#emitJson}, so a malformed line becomes a dead letter
 * with its content and the rest goes on; the source logs the line numbers of rejected lines and keeps
 * the first {@value #KEPT_REJECTIONS} of them for callers. With a speed factor it paces itself by the
 * events' own timestamps.
 */
public final class NdjsonReplaySource implements EventSource {

    /** A rejected line: its 1-based number in the input and why it was rejected. */
    public record RejectedLine(long line, Rejection rejection) {}

    /** Longer lines are cut and so rejected: one runaway line must not exhaust the heap. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    static final int KEPT_REJECTIONS = 1_000;
    private static final int LOGGED_REJECTIONS = 20;
    private static final Logger log = LoggerFactory.getLogger(NdjsonReplaySource.class);

    /** Opens the input afresh for each run, where the input allows it. */
    private interface Opener {
        Reader open() throws IOException;
    }

    private final String name;
    private final Opener opener;
    private final double speedFactor;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final List<RejectedLine> rejections = new ArrayList<>();

    private NdjsonReplaySource(String name, Opener opener, double speedFactor) {
        this.name = Objects.requireNonNull(name, "name");
        this.opener = opener;
        this.speedFactor = speedFactor;
    }

    /** Replays a file (plain or gzip) as fast as the pipeline takes it. */
    public static NdjsonReplaySource of(Path file) {
        return of(file, 0);
    }

    /** Replays a file (plain or gzip), {@code speedFactor} times as fast as its events happened (0: unpaced). */
    public static NdjsonReplaySource of(Path file, double speedFactor) {
        Objects.requireNonNull(file, "file");
        return new NdjsonReplaySource("replay:" + file.getFileName(), () -> open(file), speedFactor);
    }

    /** Replays a reader, once; the source closes it when done. {@code name} shows as {@code replay:<name>}. */
    public static NdjsonReplaySource of(String name, Reader reader, double speedFactor) {
        Objects.requireNonNull(reader, "reader");
        boolean[] used = {false};
        return new NdjsonReplaySource("replay:" + name, () -> {
            if (used[0]) throw new IOException("a reader can be replayed only once");
            used[0] = true;
            return reader;
        }, speedFactor);
    }

    @Override
    public String name() {
        return name;
    }

    /** Non-blank lines read by the current or last run. */
    public long lines() {
        return lines.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** The first rejected lines of the current or last run, in input order. */
    public synchronized List<RejectedLine> rejectedLines() {
        return List.copyOf(rejections);
    }

    @Override
    public void run(SourceContext context) throws IOException, InterruptedException {
        lines.set(0);
        accepted.set(0);
        rejected.set(0);
        synchronized (this) {
            rejections.clear();
        }
        Pacer pacer = new Pacer(speedFactor);
        long lineNumber = 0;
        try (LineReader reader = new LineReader(opener.open(), MAX_LINE_CHARS)) {
            String line;
            while (context.running() && (line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                if (pacer.paced() && !reader.truncated()) {
                    // reads the line once more for its timestamp; a paced replay has time to spare
                    if (EventJson.parse(line) instanceof ParseResult.Accepted(var event)
                            && !pacer.await(event.epochMillis(), context::running)) {
                        break;
                    }
                }
                lines.incrementAndGet();
                ParseResult result = context.emitJson(line);
                if (result instanceof ParseResult.Rejected(Rejection rejection)) {
                    reject(lineNumber, rejection, reader.truncated());
                } else {
                    accepted.incrementAndGet();
                }
            }
        }
        log.info("{}: {} lines, {} accepted, {} rejected{}", name, lines.get(), accepted.get(), rejected.get(),
                context.running() ? "" : " (stopped)");
    }

    private void reject(long lineNumber, Rejection rejection, boolean truncated) {
        long n = rejected.incrementAndGet();
        synchronized (this) {
            if (rejections.size() < KEPT_REJECTIONS) rejections.add(new RejectedLine(lineNumber, rejection));
        }
        String why = truncated ? "longer than " + MAX_LINE_CHARS + " characters; " + rejection : rejection.toString();
        if (n <= LOGGED_REJECTIONS) {
            log.warn("{}: line {} rejected: {}", name, lineNumber, why);
        } else {
            if (n == LOGGED_REJECTIONS + 1) log.warn("{}: more rejected lines; further ones are logged at debug level", name);
            log.debug("{}: line {} rejected: {}", name, lineNumber, why);
        }
    }

    /** UTF-8, with bad bytes replaced rather than fatal, and gzip recognised by its magic number. */
    private static Reader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == 0x1f && b2 == 0x8b) in = new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }
}
