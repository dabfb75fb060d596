package com.riskpulse.engine.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordsTest {

    private final PasswordHasher hasher = new PasswordHasher(4);
    private final PasswordPolicy policy = PasswordPolicy.defaults();

    @Test
    void hashMatchesOnlyTheRightPassword() {
        String hash = hasher.hash("securepass123");

        assertThat(hash).startsWith("$2b$04$").doesNotContain("securepass123");
        assertThat(hasher.matches("securepass123", hash)).isTrue();
        assertThat(hasher.matches("securepass124", hash)).isFalse();
        assertThat(hasher.hash("securepass123")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void malformedHashesAndMissingInputNeverMatch() {
        assertThat(hasher.matches("x", "not a hash")).isFalse();
        assertThat(hasher.matches(null, hasher.hash("securepass123"))).isFalse();
        assertThat(hasher.matches("x".repeat(100), hasher.hash("securepass123"))).isFalse();
        assertThat(hasher.matchesNothing("anything")).isFalse();
    }

    @Test
    void costIsASettingWithinBcryptsRange() {
        assertThat(new PasswordHasher(5).hash("securepass123")).startsWith("$2b$05$");
        assertThatThrownBy(() -> new PasswordHasher(3)).hasMessageContaining("bcrypt cost must be from 4 to 31, got 3");
        assertThat(new PasswordHasher(5).needsRehash(hasher.hash("securepass123"))).isTrue();
        assertThat(hasher.needsRehash(new PasswordHasher(5).hash("securepass123"))).isFalse();
    }

    @Test
    void policyExplainsWhatIsWrong() {
        assertThat(policy.problem("ann", "short")).contains("password must be at least 8 characters long");
        assertThat(policy.problem("ann", "")).contains("password is required");
        assertThat(policy.problem("ann", null)).contains("password is required");
        assertThat(policy.problem("ann", "        ")).contains("password may not be only spaces");
        assertThat(policy.problem("annabelle", "Annabelle")).contains("password may not be the username");
        assertThat(policy.problem("ann", "é".repeat(40))).hasValueSatisfying(m -> assertThat(m).contains("at most 71 bytes"));
        assertThat(policy.problem("ann", "securepass123")).isEmpty();
        assertThat(new PasswordPolicy(12).problem("ann", "securepass1")).contains("password must be at least 12 characters long");
    }
}
