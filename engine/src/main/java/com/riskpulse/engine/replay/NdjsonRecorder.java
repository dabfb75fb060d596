package com.riskpulse.engine.replay;

import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.RiskEvent;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes events as NDJSON in the wire format, one per line, so that a run (of the simulator, say) can be
 * kept and replayed by {@link NdjsonReplaySource}. A file name ending in {@code .gz} is gzipped.
 * Not thread-safe.
 */
public final class NdjsonRecorder implements Closeable, Flushable {

    private final Writer out;
    private long count;

    /** Writes to a writer; closing the recorder closes it. */
    public NdjsonRecorder(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Creates (or replaces) a file; gzipped if its name ends in {@code .gz}. */
    public static NdjsonRecorder create(Path file) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) stream = new GZIPOutputStream(stream, 1 << 16);
        return new NdjsonRecorder(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16));
    }

    /** Records all of a finite stream into a file; returns the number of events written. */
    public static long record(Stream<RiskEvent> events, Path file) throws IOException {
        try (NdjsonRecorder recorder = create(file); events) {
            Iterator<RiskEvent> it = events.iterator();
            while (it.hasNext()) recorder.write(it.next());
            return recorder.count();
        }
    }

    public void write(RiskEvent event) throws IOException {
        out.write(EventJson.write(event));
        // \n, not the platform separator: the same run gives the same bytes everywhere
        out.write('\n');
        count++;
    }

    /** Events written so far. */
    public long count() {
        return count;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
