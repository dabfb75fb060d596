package com.riskpulse.server;

import com.riskpulse.server.http.ServerSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerMainTest {

    @Test
    void portDefaultsTo8000AndFlagOverridesIt() {
        assertThat(ServerMain.settings(new String[0], ServerSettings.defaults()).port()).isEqualTo(8000);
        assertThat(ServerMain.settings(new String[] {"--port", "9123"}, ServerSettings.defaults()).port()).isEqualTo(9123);
    }

    @Test
    void badFlagsAreRefused() {
        assertThatThrownBy(() -> ServerMain.settings(new String[] {"--port"}, ServerSettings.defaults())).hasMessageContaining("--port");
        assertThatThrownBy(() -> ServerMain.settings(new String[] {"--port", "x"}, ServerSettings.defaults())).hasMessageContaining("not a port");
        assertThatThrownBy(() -> ServerMain.settings(new String[] {"--nope"}, ServerSettings.defaults())).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> ServerMain.settings(new String[] {"--tls-port", "9443"}, ServerSettings.defaults())).hasMessageContaining("keystore");
        ServerSettings withTls = ServerSettings.defaults().withTls(new ServerSettings.Tls(java.nio.file.Path.of("a.p12"), "pw", 8443));
        assertThat(ServerMain.settings(new String[] {"--tls-port", "9443"}, withTls).tls().orElseThrow().port()).isEqualTo(9443);
        assertThat(ServerMain.settings(new String[] {"--tls-keystore", "b.p12"}, withTls).tls().orElseThrow().keystore()).hasToString("b.p12");
    }
}
