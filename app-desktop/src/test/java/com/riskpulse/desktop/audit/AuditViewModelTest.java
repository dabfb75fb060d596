package com.riskpulse.desktop.audit;

import com.riskpulse.desktop.audit.AuditViewModel.Verdict;
import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.testing.ScreenHarness.RecordingNavigator;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import com.riskpulse.engine.client.RiskClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditViewModelTest {

    @TempDir
    Path data;
    @TempDir
    Path out;
    TestEngine engine;
    RiskClient client;
    RecordingNavigator navigator = new RecordingNavigator();
    AuditViewModel viewModel;

    @BeforeEach
    void someAdministration() {
        engine = TestEngine.start(data);
        client = engine.admin();
        UserView dana = client.createUser("dana", "dana@example.com", "dana-password-1", "viewer");
        client.createUser("eli", "eli@example.com", "eli-password-12", "viewer");
        client.changeRole(dana.id(), "analyst");
        viewModel = viewModel(client);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private AuditViewModel viewModel(RiskClient as) {
        return new AuditViewModel(new ScreenContext(as, Background.direct(), null, navigator, Clock.systemUTC()));
    }

    private List<String> shownActions() {
        return viewModel.rows().stream().map(AuditViewModel.Row::action).toList();
    }

    @Test
    void theTrailListsWhatWasDoneNewestFirst() {
        viewModel.search();
        assertThat(shownActions()).containsSubsequence("USER_ROLE_CHANGED", "USER_CREATED", "USER_CREATED", "LOGIN");
        assertThat(viewModel.rows().getFirst().actor()).isEqualTo("admin");
        assertThat(viewModel.rows().getFirst().details()).startsWith("{").endsWith("}");
        assertThat(navigator.errors).isEmpty();
    }

    @Test
    void filteringByActionShowsOnlyThatAction() {
        viewModel.search();
        long created = shownActions().stream().filter("USER_CREATED"::equals).count();
        viewModel.action().set(AuditAction.USER_CREATED);
        viewModel.search();
        assertThat(shownActions()).containsOnly("USER_CREATED").hasSize((int) created);
        assertThat(created).isGreaterThanOrEqualTo(2);
    }

    @Test
    void filteringByTargetPrefixNarrows() {
        viewModel.search();
        String target = viewModel.rows().stream().filter(r -> r.action().equals("USER_ROLE_CHANGED")).findFirst().orElseThrow().target();
        viewModel.targetPrefix().set(target);
        viewModel.search();
        assertThat(viewModel.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.target()).startsWith(target));
        assertThat(shownActions()).contains("USER_ROLE_CHANGED").doesNotContain("LOGIN");
    }

    @Test
    void verifyingAnUntouchedChainSaysItIsIntact() {
        viewModel.verify();
        assertThat(viewModel.verdict().get()).isEqualTo(Verdict.INTACT);
        assertThat(viewModel.verifyMessage().get()).startsWith("Audit chain intact:").contains("entries verified");
    }

    @Test
    void exportWritesEveryEntryWithItsDetailsQuoted() throws IOException {
        viewModel.search();
        int entries = viewModel.rows().size();
        Path file = out.resolve("audit.csv");
        viewModel.export(file);
        List<String> lines = List.of(Files.readString(file).split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("seq,time,actor,role,origin,action,target,details");
        assertThat(lines).hasSize(1 + entries);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("USER_CREATED").contains(",\"{\"\""));
    }

    @Test
    void aViewerSeesAdminsOnlyAndLoadsNothing() {
        client.createUser("vic", "vic@example.com", "vic-password-12", "viewer");
        try (EmbeddedRiskClient viewer = new EmbeddedRiskClient(engine.engine(), false, Clock.systemUTC())) {
            viewer.login("vic", "vic-password-12");
            AuditViewModel forViewer = viewModel(viewer);
            assertThat(forViewer.allowed()).isFalse();
            assertThat(forViewer.canSearch().get()).isFalse();
            forViewer.search();
            assertThat(forViewer.rows()).isEmpty();
            assertThat(navigator.errors).isEmpty();
        }
    }

    /** Sets the dates and times from the minute of {@code from} to the minute of {@code to}, as typed in the screen. */
    private void between(ZonedDateTime from, ZonedDateTime to) {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        viewModel.fromDate().set(from.toLocalDate());
        viewModel.fromTime().set(hhmm.format(from));
        viewModel.toDate().set(to.toLocalDate());
        viewModel.toTime().set(hhmm.format(to));
    }

    @Test
    void aTimeWindowAroundTheEntriesFindsThemAndOneOutsideFindsNone() {
        List<AuditEntryView> entries = client.audit(AuditQuery.all(100)).items();
        ZonedDateTime newest = entries.getFirst().at().atZone(ZoneOffset.UTC);
        ZonedDateTime oldest = entries.getLast().at().atZone(ZoneOffset.UTC);

        between(oldest.minusMinutes(2), newest.plusMinutes(2));
        viewModel.search();
        assertThat(viewModel.rows()).extracting(AuditViewModel.Row::seq)
                .containsAll(entries.stream().map(AuditEntryView::seq).toList());

        between(oldest.minusMinutes(10), oldest.minusMinutes(5));
        viewModel.search();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.status().get()).isEqualTo("No entries match.");

        between(newest.plusMinutes(5), newest.plusMinutes(10));
        viewModel.search();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(navigator.errors).isEmpty();
    }

    @Test
    void anInvalidTimeBlocksTheSearchWithAMessageUntilFixed() {
        viewModel.fromTime().set("7:5");
        assertThat(viewModel.dateError().get()).isEqualTo("'from' time: '7:5' is not a time of day (HH:mm).");
        assertThat(viewModel.canSearch().get()).isFalse();
        viewModel.search();
        assertThat(viewModel.rows()).isEmpty();

        viewModel.fromTime().set("7:05");
        assertThat(viewModel.dateError().get()).isEqualTo("Give a date for the 'from' time.");
        assertThat(viewModel.canSearch().get()).isFalse();

        viewModel.fromDate().set(LocalDate.now(Clock.systemUTC()).minusDays(1));
        assertThat(viewModel.dateError().get()).isEmpty();
        assertThat(viewModel.canSearch().get()).isTrue();
        viewModel.search();
        assertThat(shownActions()).contains("USER_CREATED", "USER_ROLE_CHANGED");
        assertThat(navigator.errors).isEmpty();
    }
}
