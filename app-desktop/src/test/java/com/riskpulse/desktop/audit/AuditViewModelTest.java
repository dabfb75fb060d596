package com.riskpulse.desktop.audit;

import com.riskpulse.desktop.audit.AuditViewModel.Verdict;
import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.testing.ScreenHarness.RecordingNavigator;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.audit.AuditAction;
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
}
