package com.riskpulse.engine.replay;

import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.simulator.Simulator;
import com.riskpulse.engine.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recording a run and replaying it gives the same events; bad lines are rejected by number, the rest goes on. */
class NdjsonReplaySourceTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedSimulatorRunReplaysAsTheSameEvents() throws Exception {
        SimulatorSettings settings = SimulatorSettings.unpaced(3, 20_000).withFraudRate(0.01);
        List<RiskEvent> original = Simulator.events(settings).toList();
        Path plain = dir.resolve("run.ndjson");
        Path gzip = dir.resolve("run.ndjson.gz");

        assertThat(NdjsonRecorder.record(Simulator.events(settings), plain)).isEqualTo(20_000);
        assertThat(NdjsonRecorder.record(Simulator.events(settings), gzip)).isEqualTo(20_000);

        for (Path file : List.of(plain, gzip)) {
            CollectingContext context = new CollectingContext();
            NdjsonReplaySource source = NdjsonReplaySource.of(file);
            source.run(context);
            assertThat(context.events()).as(file.toString()).isEqualTo(original);
            assertThat(source.accepted()).isEqualTo(20_000);
            assertThat(source.rejected()).isZero();
        }
        try (var in = new GZIPInputStream(Files.newInputStream(gzip))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(plain));
        }
        assertThat(Files.readAllLines(plain).getFirst()).isEqualTo(EventJson.write(original.getFirst()));
    }

    @Test
    void recordingTheSameRunTwiceGivesTheSameBytes() throws IOException {
        SimulatorSettings settings = SimulatorSettings.unpaced(9, 5_000).withFraudRate(0.05);
        Path a = dir.resolve("a.ndjson");
        Path b = dir.resolve("b.ndjson");
        NdjsonRecorder.record(Simulator.events(settings), a);
        NdjsonRecorder.record(Simulator.events(settings), b);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    @Test
    void malformedLinesAreRejectedWithTheirLineNumbersAndTheRestGoesOn() throws Exception {
        String good1 = "{\"event_id\":\"e-1\",\"entity_id\":\"acct-1\",\"timestamp\":\"2026-11-26T10:15:30Z\",\"type\":\"PAYMENT\",\"amount\":12.5}";
        String good2 = "{\"event_id\":\"e-2\",\"entity_id\":\"acct-1\",\"timestamp\":\"2026-11-26T10:15:31Z\",\"type\":\"LOGIN\"}";
        String input = String.join("\n",
                good1,                                   // 1
                "{not json",                             // 2
                "",                                      // 3: blank, skipped
                "{\"event_id\":\"e-x\",\"entity_id\":\"acct-1\",\"timestamp\":\"yesterday\",\"type\":\"PAYMENT\"}", // 4
                "   ",                                   // 5: blank, skipped
                "[1,2,3]",                               // 6
                good2) + "\r\n";                         // 7, with a Windows line end
        NdjsonReplaySource source = NdjsonReplaySource.of("bad.ndjson", new StringReader(input), 0);
        CollectingContext context = new CollectingContext();

        source.run(context);

        assertThat(context.events()).extracting(RiskEvent::eventId).containsExactly("e-1", "e-2");
        assertThat(source.name()).isEqualTo("replay:bad.ndjson");
        assertThat(source.lines()).isEqualTo(5);
        assertThat(source.accepted()).isEqualTo(2);
        assertThat(source.rejected()).isEqualTo(3);
        assertThat(source.rejectedLines()).extracting(NdjsonReplaySource.RejectedLine::line).containsExactly(2L, 4L, 6L);
        assertThat(source.rejectedLines().get(1).rejection().field()).isEqualTo("timestamp");
        assertThat(context.rejections()).extracting(r -> r.input()).containsExactly("{not json",
                "{\"event_id\":\"e-x\",\"entity_id\":\"acct-1\",\"timestamp\":\"yesterday\",\"type\":\"PAYMENT\"}", "[1,2,3]");
    }

    @Test
    void aRunawayLineIsCutAndRejectedNotLoadedWhole() throws Exception {
        String good = "{\"event_id\":\"e-1\",\"entity_id\":\"acct-1\",\"timestamp\":\"2026-11-26T10:15:30Z\",\"type\":\"LOGIN\"}";
        String huge = "{\"event_id\":\"" + "x".repeat(NdjsonReplaySource.MAX_LINE_CHARS * 2) + "\"}";
        NdjsonReplaySource source = NdjsonReplaySource.of("huge", new StringReader(huge + "\n" + good + "\n"), 0);
        CollectingContext context = new CollectingContext();

        source.run(context);

        assertThat(context.events()).hasSize(1);
        assertThat(source.rejectedLines()).extracting(NdjsonReplaySource.RejectedLine::line).containsExactly(1L);
    }

    @Test
    void aReaderReplaysOnlyOnceButAFileAsOftenAsAsked() throws Exception {
        NdjsonReplaySource once = NdjsonReplaySource.of("once", new StringReader(""), 0);
        once.run(new CollectingContext());
        assertThatThrownBy(() -> once.run(new CollectingContext())).isInstanceOf(IOException.class);

        Path file = dir.resolve("twice.ndjson");
        NdjsonRecorder.record(Simulator.events(SimulatorSettings.unpaced(1, 10)), file);
        NdjsonReplaySource twice = NdjsonReplaySource.of(file);
        CollectingContext first = new CollectingContext();
        CollectingContext second = new CollectingContext();
        twice.run(first);
        twice.run(second);
        assertThat(second.events()).hasSize(10).isEqualTo(first.events());
    }

    @Test
    void pacedReplayFollowsTheEventsOwnTimestamps() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i <= 20; i++) {
            // 21 events 100 ms apart: two seconds of event time
            lines.append("{\"event_id\":\"e-").append(i).append("\",\"entity_id\":\"acct-1\",\"timestamp\":")
                    .append(1_700_000_000_000L + i * 100L).append(",\"type\":\"LOGIN\"}\n");
        }
        long realTime = timeReplay(lines.toString(), 1);
        long fourTimes = timeReplay(lines.toString(), 4);

        assertThat(realTime).isGreaterThanOrEqualTo(1_500);
        assertThat(fourTimes).isGreaterThanOrEqualTo(350).isLessThan(realTime);
    }

    @Test
    void replayStopsWhenThePipelineStops() throws Exception {
        Path file = dir.resolve("long.ndjson");
        NdjsonRecorder.record(Simulator.events(SimulatorSettings.unpaced(1, 1_000)), file);
        CollectingContext context = new CollectingContext(10);

        NdjsonReplaySource.of(file).run(context);

        assertThat(context.events()).hasSize(10);
    }

    private static long timeReplay(String ndjson, double speed) throws Exception {
        CollectingContext context = new CollectingContext();
        long started = System.nanoTime();
        NdjsonReplaySource.of("paced", new StringReader(ndjson), speed).run(context);
        assertThat(context.events()).hasSize(21);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
