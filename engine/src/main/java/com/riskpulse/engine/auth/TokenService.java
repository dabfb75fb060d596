package com.riskpulse.engine.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecurityException;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues and verifies access tokens: JWTs signed with HS256 and the {@link SecretKeys secret}; subject = user
 * id, claims {@code username} and {@code role}, issued-at and expiry ({@link AuthSettings#tokenTtl()}).
 *
 * <p>{@link #verify} trusts a token only as far as the account behind it: the user must still exist and be
 * enabled, and the role is the stored one, not the one written in the token (so a demotion takes effect at
 * once). Unsigned ({@code alg: none}) tokens, other algorithms, bad signatures, expired and malformed tokens
 * are refused with a reason.
 */
public final class TokenService {

    public static final String ISSUER = "riskpulse";
    public static final String USERNAME_CLAIM = "username";
    public static final String ROLE_CLAIM = "role";

    private final SecretKey key;
    private final Duration ttl;
    private final AccountDirectory accounts;
    private final Clock clock;
    private final JwtParser parser;

    public TokenService(SecretKey key, Duration ttl, AccountDirectory accounts, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.parser = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(ISSUER)
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public TokenService(AuthSettings settings, AccountDirectory accounts, Clock clock) {
        this(SecretKeys.resolve(settings), settings.tokenTtl(), accounts, clock);
    }

    /** A signed token and when it expires. */
    public record IssuedToken(String token, Instant expiresAt, Duration expiresIn) {
        /** Never shows the token itself. */
        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }

    /** What a token turned out to be. */
    public sealed interface Verification {
    }

    /**
     * A good token of an existing, enabled user.
     *
     * @param actor     the user as stored now (role from the database), with origin {@link Origin#API}
     * @param expiresAt when the token stops being accepted
     */
    public record Valid(Actor actor, Instant expiresAt) implements Verification {
        /** The same user, acting from {@code origin}. */
        public Actor actor(Origin origin) {
            return new Actor(actor.userId(), actor.username(), actor.role(), origin);
        }
    }

    /** A refused token, with a reason fit for a 401 response (it never echoes the token). */
    public record Invalid(Reason reason, String message) implements Verification {
    }

    public enum Reason { MISSING, MALFORMED, BAD_SIGNATURE, UNSIGNED, WRONG_ALGORITHM, EXPIRED, UNKNOWN_USER, DISABLED_USER }

    public IssuedToken issue(long userId, String username, Role role) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        String token = Jwts.builder()
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .claim(USERNAME_CLAIM, username)
                .claim(ROLE_CLAIM, role.wireName())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedToken(token, expiresAt, ttl);
    }

    public Verification verify(String token) {
        if (token == null || token.isBlank()) return new Invalid(Reason.MISSING, "no token given");
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token.strip());
        } catch (ExpiredJwtException e) {
            return new Invalid(Reason.EXPIRED, "token expired at " + e.getClaims().getExpiration().toInstant());
        } catch (UnsupportedJwtException e) {
            // an unsigned token (alg "none") or an encrypted one: we only accept our own signatures
            return new Invalid(Reason.UNSIGNED, "token is not signed with HS256");
        } catch (SecurityException e) {
            return new Invalid(Reason.BAD_SIGNATURE, "token signature does not match");
        } catch (MalformedJwtException e) {
            return new Invalid(Reason.MALFORMED, "token is malformed");
        } catch (JwtException | IllegalArgumentException e) {
            return new Invalid(Reason.MALFORMED, "token is not valid: " + e.getClass().getSimpleName());
        }
        if (!Jwts.SIG.HS256.getId().equals(jws.getHeader().getAlgorithm())) {
            // a longer secret would also verify HS384/HS512: accept only what we issue
            return new Invalid(Reason.WRONG_ALGORITHM, "token is not signed with HS256");
        }
        Claims claims = jws.getPayload();
        if (claims.getExpiration() == null) return new Invalid(Reason.MALFORMED, "token has no expiry");
        long userId;
        try {
            userId = Long.parseLong(String.valueOf(claims.getSubject()));
        } catch (NumberFormatException e) {
            return new Invalid(Reason.MALFORMED, "token subject is not a user id");
        }
        Optional<AccountStatus> account = accounts.status(userId);
        if (account.isEmpty()) return new Invalid(Reason.UNKNOWN_USER, "token belongs to a user that no longer exists");
        AccountStatus status = account.get();
        if (!status.enabled()) return new Invalid(Reason.DISABLED_USER, "user " + status.username() + " is disabled");
        return new Valid(new Actor(status.userId(), status.username(), status.role(), Origin.API), claims.getExpiration().toInstant());
    }
}
