package com.riskpulse.engine.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class SecretKeysTest {

    static final String GOOD = "a-properly-random-secret-of-more-than-32-bytes";

    @TempDir
    Path dataDir;

    private AuthSettings settings(String secret, boolean debug) {
        return AuthSettings.defaults(secret, debug, dataDir);
    }

    @Test
    void configuredSecretOfAtLeast32BytesIsUsedAsIs() {
        assertThat(SecretKeys.resolve(settings(GOOD, false)).getEncoded()).isEqualTo(GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(dataDir.resolve(SecretKeys.FILE_NAME)).doesNotExist();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void missingSecretIsRefusedOutsideDebug(String secret) {
        assertThatThrownBy(() -> SecretKeys.resolve(settings(secret, false))).isInstanceOf(SecretKeys.InsecureSecret.class)
                .hasMessageContaining("SECRET_KEY is not set").hasMessageContaining("DEBUG=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"your-secret-key-here", "production-secret-key", "changeme", " ChangeMe "})
    void sampleSecretsAreRefusedOutsideDebug(String secret) {
        assertThatThrownBy(() -> SecretKeys.resolve(settings(secret, false))).isInstanceOf(SecretKeys.InsecureSecret.class)
                .hasMessageContaining("sample value");
    }

    @Test
    void shortSecretIsRefusedWithItsLengthButNotShown() {
        assertThatThrownBy(() -> SecretKeys.resolve(settings("only-twenty-bytes-xx", false)))
                .hasMessageContaining("20 bytes long; HS256 needs at least 32").hasMessageNotContaining("only-twenty");
        assertThatThrownBy(() -> SecretKeys.resolve(settings("only-twenty-bytes-xx", true))).hasMessageContaining("20 bytes long");
    }

    @Test
    void debugWithoutSecretGeneratesOneOnceAndReusesIt() throws Exception {
        byte[] first = SecretKeys.resolve(settings(null, true)).getEncoded();
        Path file = dataDir.resolve(SecretKeys.FILE_NAME);

        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(file).exists();
        assertThat(SecretKeys.resolve(settings(null, true)).getEncoded()).as("survives a restart").isEqualTo(first);
        assertThat(SecretKeys.resolve(settings("your-secret-key-here", true)).getEncoded()).as("sample value ignored in debug").isEqualTo(first);
        assumeThat(file.getFileSystem().supportedFileAttributeViews()).contains("posix");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void debugCreatesTheDataFolderAndStillPrefersAConfiguredSecret() {
        Path nested = dataDir.resolve("not/yet/there");
        byte[] generated = SecretKeys.resolve(AuthSettings.defaults(null, true, nested)).getEncoded();

        assertThat(nested.resolve(SecretKeys.FILE_NAME)).exists();
        assertThat(SecretKeys.resolve(AuthSettings.defaults(GOOD, true, nested)).getEncoded())
                .isEqualTo(GOOD.getBytes(StandardCharsets.UTF_8)).isNotEqualTo(generated);
    }

    @Test
    void corruptSecretFileIsReportedNotSilentlyReplaced() throws Exception {
        Files.writeString(dataDir.resolve(SecretKeys.FILE_NAME), "not base64 at all!");

        assertThatThrownBy(() -> SecretKeys.resolve(settings(null, true))).hasMessageContaining("delete it to generate a new one");
    }

    @Test
    void settingsNeverShowTheSecretAndNeverLetRegistrationGrantAdmin() {
        assertThat(settings(GOOD, false).toString()).doesNotContain(GOOD).contains("secretKey=***");
        assertThatThrownBy(() -> settings(GOOD, false).withRegistrationMaxRole(Role.ADMIN))
                .hasMessageContaining("self-registration may not grant admin");
    }
}
