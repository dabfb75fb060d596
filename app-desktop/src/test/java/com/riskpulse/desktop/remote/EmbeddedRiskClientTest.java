package com.riskpulse.desktop.remote;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on the in-process engine (embedded mode), plus the first-admin set-up only the console does. */
class EmbeddedRiskClientTest extends RiskClientContract {

    @Override
    protected RiskEngine.Mode mode() {
        return RiskEngine.Mode.EMBEDDED;
    }

    @Override
    protected RiskClient openClient() {
        return new EmbeddedRiskClient(engine, false, Clock.systemUTC());
    }

    @Test
    void aFreshDatabaseAsksForTheFirstAdminAndRefusesAWeakPassword() {
        assertThat(client.kind()).isEqualTo(RiskClient.Kind.EMBEDDED);
        assertThat(client.needsFirstAdmin()).isTrue();

        RiskClientException weak = refused(() -> client.createFirstAdmin("short"), 400, "bad_request");
        assertThat(weak.error().field()).isEqualTo("password");
        assertThat(client.needsFirstAdmin()).isTrue();

        assertThat(client.createFirstAdmin(ADMIN_PASSWORD).username()).isEqualTo("admin");
        assertThat(client.needsFirstAdmin()).isFalse();
        refused(() -> client.createFirstAdmin(ADMIN_PASSWORD), 409, "conflict");
        assertThat(client.login("admin", ADMIN_PASSWORD).role()).isEqualToIgnoringCase("admin");
    }
}
