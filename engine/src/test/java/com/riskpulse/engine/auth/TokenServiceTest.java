package com.riskpulse.engine.auth;

import com.riskpulse.engine.auth.TokenService.Invalid;
import com.riskpulse.engine.auth.TokenService.Reason;
import com.riskpulse.engine.auth.TokenService.Valid;
import com.riskpulse.engine.auth.TokenService.Verification;
import com.riskpulse.engine.testing.InMemoryUsers;
import com.riskpulse.engine.user.NewUser;
import com.riskpulse.engine.user.StoredUser;
import com.riskpulse.engine.user.UserAccount;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;

import static com.riskpulse.engine.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Tokens: what is accepted, and every forgery we know of, refused with a reason. */
class TokenServiceTest {

    private static final SecretKey KEY = Keys.hmacShaKeyFor(SecretKeysTest.GOOD.getBytes(StandardCharsets.UTF_8));
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final InMemoryUsers users = new InMemoryUsers();
    private final StoredUser viewer = users.add(new NewUser("vera", "vera@example.com", "$2b$04$x", Role.VIEWER, true, T0));
    private final TokenService tokens = service(KEY, T0);

    private TokenService service(SecretKey key, Instant now) {
        return new TokenService(key, Duration.ofMinutes(60), users, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void issuedTokenVerifiesAsTheStoredUser() {
        TokenService.IssuedToken issued = tokens.issue(viewer.id(), "vera", Role.VIEWER);

        assertThat(issued.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofMinutes(60));
        assertThat(tokens.verify(issued.token())).isEqualTo(new Valid(new Actor(viewer.id(), "vera", Role.VIEWER, Origin.API), issued.expiresAt()));
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        SecretKey other = Keys.hmacShaKeyFor("another-secret-that-is-long-enough-0123".getBytes(StandardCharsets.UTF_8));
        String forged = service(other, T0).issue(viewer.id(), "vera", Role.VIEWER).token();

        assertRefused(forged, Reason.BAD_SIGNATURE);
    }

    @Test
    void unsignedAlgNoneTokenBuiltByHandIsRefused() {
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long exp = T0.plusSeconds(3600).getEpochSecond();
        String payload = B64.encodeToString(("{\"iss\":\"riskpulse\",\"sub\":\"" + viewer.id() + "\",\"username\":\"vera\",\"role\":\"admin\",\"exp\":"
                + exp + "}").getBytes(StandardCharsets.UTF_8));

        assertRefused(header + "." + payload + ".", Reason.UNSIGNED);
        assertRefused(header + "." + payload, Reason.MALFORMED);
    }

    @Test
    void expiredTokenIsRefusedAndOneSecondBeforeIsNot() {
        String token = tokens.issue(viewer.id(), "vera", Role.VIEWER).token();

        assertThat(service(KEY, T0.plus(Duration.ofMinutes(60)).minusSeconds(1)).verify(token)).isInstanceOf(Valid.class);
        Verification late = service(KEY, T0.plus(Duration.ofMinutes(61))).verify(token);
        assertThat(late).isInstanceOf(Invalid.class);
        assertThat(((Invalid) late).reason()).isEqualTo(Reason.EXPIRED);
        assertThat(((Invalid) late).message()).contains("expired at 2026-11-26T11:00:00Z");
    }

    @Test
    void payloadTamperedToAdminIsRefused() {
        String[] parts = tokens.issue(viewer.id(), "vera", Role.VIEWER).token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"role\":\"viewer\"");
        String tampered = B64.encodeToString(payload.replace("\"role\":\"viewer\"", "\"role\":\"admin\"").getBytes(StandardCharsets.UTF_8));

        assertRefused(parts[0] + "." + tampered + "." + parts[2], Reason.BAD_SIGNATURE);
    }

    @Test
    void roleInAValidTokenIsNotTrustedOverTheDatabase() {
        // correctly signed, but the user was demoted (or the token says more than the user is)
        String token = tokens.issue(viewer.id(), "vera", Role.ADMIN).token();

        assertThat(tokens.verify(token)).isInstanceOfSatisfying(Valid.class, v -> assertThat(v.actor().role()).isEqualTo(Role.VIEWER));
    }

    @Test
    void tokenOfADisabledUserIsRefused() {
        String token = tokens.issue(viewer.id(), "vera", Role.VIEWER).token();
        UserAccount a = viewer.account();
        users.update(new StoredUser(new UserAccount(a.id(), a.username(), a.email(), a.role(), false, a.createdAt()),
                viewer.passwordHash(), 0, null, T0, viewer.version()));

        assertRefused(token, Reason.DISABLED_USER);
    }

    @Test
    void tokenOfADeletedUserIsRefused() {
        String token = tokens.issue(viewer.id(), "vera", Role.VIEWER).token();
        users.delete(viewer.id());

        assertRefused(token, Reason.UNKNOWN_USER);
    }

    @Test
    void otherAlgorithmWithTheSameSecretIsRefused() {
        SecretKey longKey = Keys.hmacShaKeyFor("x".repeat(64).getBytes(StandardCharsets.UTF_8));
        String hs512 = Jwts.builder().issuer(TokenService.ISSUER).subject(Long.toString(viewer.id()))
                .expiration(Date.from(T0.plusSeconds(60))).signWith(longKey, Jwts.SIG.HS512).compact();

        assertRefused(hs512, longKey, Reason.WRONG_ALGORITHM);
    }

    @Test
    void tokenWithoutExpiryOrWithAForeignSubjectIsRefused() {
        String noExpiry = Jwts.builder().issuer(TokenService.ISSUER).subject(Long.toString(viewer.id())).signWith(KEY, Jwts.SIG.HS256).compact();
        String foreignSubject = Jwts.builder().issuer(TokenService.ISSUER).subject("vera")
                .expiration(Date.from(T0.plusSeconds(60))).signWith(KEY, Jwts.SIG.HS256).compact();
        String foreignIssuer = Jwts.builder().issuer("someone-else").subject(Long.toString(viewer.id()))
                .expiration(Date.from(T0.plusSeconds(60))).signWith(KEY, Jwts.SIG.HS256).compact();

        assertRefused(noExpiry, Reason.MALFORMED);
        assertRefused(foreignSubject, Reason.MALFORMED);
        assertRefused(foreignIssuer, Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "...", "eyJhbGciOiJIUzI1NiJ9", "eyJhbGciOiJIUzI1NiJ9.e30", "Bearer x", "ä.ö.ü", "{}"})
    void garbageIsRefusedAsMalformed(String garbage) {
        Verification v = tokens.verify(garbage);

        assertThat(v).isInstanceOf(Invalid.class);
        assertThat(((Invalid) v).reason()).isIn(Reason.MALFORMED, Reason.BAD_SIGNATURE, Reason.UNSIGNED);
    }

    @Test
    void missingTokenIsRefused() {
        assertRefused(null, Reason.MISSING);
        assertRefused("  ", Reason.MISSING);
    }

    private void assertRefused(String token, Reason reason) {
        assertRefused(token, KEY, reason);
    }

    private void assertRefused(String token, SecretKey key, Reason reason) {
        Verification v = service(key, T0).verify(token);
        assertThat(v).isInstanceOfSatisfying(Invalid.class, i -> {
            assertThat(i.reason()).isEqualTo(reason);
            assertThat(i.message()).isNotBlank();
            if (token != null && token.length() > 10) assertThat(i.message()).doesNotContain(token);
        });
    }
}
