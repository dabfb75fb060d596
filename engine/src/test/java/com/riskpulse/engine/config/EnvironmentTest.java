package com.riskpulse.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentTest {

    @TempDir
    Path dir;

    private Path dotEnv(String... lines) throws IOException {
        return Files.write(dir.resolve(".env"), List.of(lines));
    }

    @Test
    void dotEnvLinesAreParsedWithCommentsQuotesAndExport() throws IOException {
        Environment env = Environment.of(Map.of(), dotEnv(
                "# the seed's example",
                "",
                "APP_NAME=Real-Time Risk Management System",
                "export DEBUG=True",
                "SECRET_KEY=\"s3cr=t with spaces\"",
                "OPENAI_API_KEY='sk-#not-a-comment'",
                "RISK_HIGH_THRESHOLD=0.7   # lower than the seed",
                "CORS_ORIGINS=http://localhost:3000,http://localhost:5173",
                "  REDIS_PORT = 6380  ",
                "EMPTY="));

        assertThat(env.string("APP_NAME")).contains("Real-Time Risk Management System");
        assertThat(env.bool("DEBUG", false)).isTrue();
        assertThat(env.string("SECRET_KEY")).contains("s3cr=t with spaces");
        assertThat(env.string("OPENAI_API_KEY")).contains("sk-#not-a-comment");
        assertThat(env.number("RISK_HIGH_THRESHOLD", 0.8)).isEqualTo(0.7);
        assertThat(env.list("CORS_ORIGINS", List.of())).containsExactly("http://localhost:3000", "http://localhost:5173");
        assertThat(env.integer("REDIS_PORT", 6379)).isEqualTo(6380);
        assertThat(env.isSet("EMPTY")).isFalse(); // blank counts as unset: the default applies
        assertThat(env.string("EMPTY", "fallback")).isEqualTo("fallback");
    }

    @Test
    void realEnvironmentVariablesWinOverTheDotEnvFile() throws IOException {
        Environment env = Environment.of(Map.of("RISK_HIGH_THRESHOLD", "0.9"),
                dotEnv("RISK_HIGH_THRESHOLD=0.7", "RISK_LOW_THRESHOLD=0.2"));

        assertThat(env.number("RISK_HIGH_THRESHOLD", 0.8)).isEqualTo(0.9);
        assertThat(env.number("RISK_LOW_THRESHOLD", 0.3)).isEqualTo(0.2);
        assertThat(env.fromDotEnv("RISK_LOW_THRESHOLD")).isTrue();
        assertThat(env.fromDotEnv("RISK_HIGH_THRESHOLD")).isFalse();
    }

    @Test
    void unsetVariablesTakeTheDefault() {
        Environment env = Environment.of(Map.of());
        assertThat(env.number("RISK_HIGH_THRESHOLD", 0.8)).isEqualTo(0.8);
        assertThat(env.bool("RAG_ENABLED", true)).isTrue();
        assertThat(env.list("CORS_ORIGINS", List.of("x"))).containsExactly("x");
    }

    @Test
    void badValuesFailNamingTheVariable() {
        Environment env = Environment.of(Map.of("RISK_HIGH_THRESHOLD", "abc", "REDIS_PORT", "63.79", "DEBUG", "maybe",
                "ALERT_MIN_LEVEL", "severe", "RETENTION_DAYS", "NaN"));

        assertThatThrownBy(() -> env.number("RISK_HIGH_THRESHOLD", 0.8)).hasMessage("RISK_HIGH_THRESHOLD='abc' is not a number");
        assertThatThrownBy(() -> env.integer("REDIS_PORT", 6379)).hasMessage("REDIS_PORT='63.79' is not a whole number");
        assertThatThrownBy(() -> env.bool("DEBUG", false)).hasMessage("DEBUG='maybe' is not true or false");
        assertThatThrownBy(() -> env.enumValue("ALERT_MIN_LEVEL", com.riskpulse.engine.score.RiskLevel.class))
                .hasMessage("ALERT_MIN_LEVEL='severe' is not one of [LOW, MEDIUM, HIGH, CRITICAL]");
        assertThatThrownBy(() -> env.integer("RETENTION_DAYS", 30)).hasMessageStartingWith("RETENTION_DAYS='NaN'");
    }

    @Test
    void secretsAreNotEchoedInErrors() {
        Environment env = Environment.of(Map.of("OPENAI_API_KEY", "sk-secret"));
        assertThatThrownBy(() -> env.number("OPENAI_API_KEY", 0)).hasMessage("OPENAI_API_KEY=(hidden) is not a number");
    }

    @Test
    void aLineThatIsNotKeyEqualsValueFailsNamingTheLine() throws IOException {
        Path file = dotEnv("APP_NAME=RiskPulse", "this is not a setting");
        assertThatThrownBy(() -> Environment.of(Map.of(), file))
                .hasMessageContaining(".env line 2: expected KEY=VALUE, got 'this is not a setting'");
        Path quote = dotEnv("SECRET_KEY=\"unterminated");
        assertThatThrownBy(() -> Environment.of(Map.of(), quote)).hasMessageContaining("line 1: unterminated quote");
    }

    @Test
    void everyRecognisedVariableHasADescriptionAndTheSeedNamesAreAllThere() {
        assertThat(Environment.recognised()).allSatisfy(v -> assertThat(v.description()).isNotBlank());
        assertThat(Environment.recognised()).extracting(EnvironmentVariable::name).contains(
                "APP_NAME", "DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_HOST", "REDIS_PORT", "RISK_HIGH_THRESHOLD",
                "RISK_MEDIUM_THRESHOLD", "RISK_LOW_THRESHOLD", "CORS_ORIGINS", "OPENAI_API_KEY", "RAG_ENABLED",
                "RISK_CRITICAL_THRESHOLD", "ALERT_MIN_LEVEL", "RETENTION_DAYS").doesNotHaveDuplicates();
    }
}
