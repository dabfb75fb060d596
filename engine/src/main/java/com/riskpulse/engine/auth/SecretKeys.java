package com.riskpulse.engine.auth;

import io.jsonwebtoken.security.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves the token signing secret from {@link AuthSettings}.
 *
 * <ul>
 *   <li>A configured {@code SECRET_KEY} must be at least {@value #MIN_BYTES} bytes (HS256's key size) and not
 *       one of the well-known sample values ({@code your-secret-key-here} from the seed's {@code .env} example,
 *       {@code production-secret-key}, {@code changeme}, ...): anyone could forge tokens with those.</li>
 *   <li>Outside debug mode a missing, short or sample secret is refused with an {@link InsecureSecret} that
 *       says what to do: the server must not start with it.</li>
 *   <li>In debug mode a missing or sample secret is replaced by a random one, generated once and kept in
 *       {@code <dataDir>/}{@value #FILE_NAME} (readable by the owner only, where the file system allows), so
 *       tokens survive a restart. A short secret that was set on purpose is still refused.</li>
 * </ul>
 */
public final class SecretKeys {

    public static final String FILE_NAME = "secret.key";
    public static final int MIN_BYTES = 32;
    /** Sample secrets seen in examples and seeds; compared ignoring case and surrounding spaces. */
    public static final Set<String> SAMPLE_VALUES = Set.of("your-secret-key-here", "production-secret-key", "changeme",
            "change-me", "secret", "your-secret-key", "secret-key");
    private static final int GENERATED_BYTES = 64;
    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    private SecretKeys() {
    }

    /** Thrown when the configured secret is unusable; the message says why and how to fix it, never the secret. */
    public static final class InsecureSecret extends IllegalStateException {
        public InsecureSecret(String message) {
            super(message);
        }
    }

    /** The HS256 key to sign and verify tokens with; see the class comment for the rules. */
    public static SecretKey resolve(AuthSettings settings) {
        String configured = settings.secretKey();
        boolean missing = configured == null || configured.isBlank();
        boolean sample = !missing && SAMPLE_VALUES.contains(configured.strip().toLowerCase(Locale.ROOT));
        if (settings.debug() && (missing || sample)) {
            if (sample) log.warn("SECRET_KEY is a sample value; debug mode uses a generated secret instead");
            return Keys.hmacShaKeyFor(generatedSecret(settings.dataDir()));
        }
        String hint = " Set SECRET_KEY to a random value of at least " + MIN_BYTES + " bytes (e.g. `openssl rand -base64 48`),"
                + " or run with DEBUG=true for a generated development secret.";
        if (missing) throw new InsecureSecret("SECRET_KEY is not set: tokens cannot be signed safely." + hint);
        if (sample) throw new InsecureSecret("SECRET_KEY is a published sample value: anyone could forge tokens with it." + hint);
        byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new InsecureSecret("SECRET_KEY is " + bytes.length + " bytes long; HS256 needs at least " + MIN_BYTES + "." + hint);
        }
        return Keys.hmacShaKeyFor(bytes);
    }

    /** The generated secret in {@code dataDir}, created on first use. */
    private static byte[] generatedSecret(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) return read(file);
            Files.createDirectories(dataDir);
            byte[] secret = new byte[GENERATED_BYTES];
            new SecureRandom().nextBytes(secret);
            try {
                // created with owner-only permissions, so the secret is never readable by others, not even briefly
                Files.createFile(file, ownerOnly(dataDir));
            } catch (FileAlreadyExistsException raced) {
                return read(file); // another process was first: use its secret
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            log.warn("generated a signing secret in {} (debug or embedded mode); a server needs SECRET_KEY", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated signing secret in " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new InsecureSecret(file + " is not a generated secret (not base64): delete it to generate a new one");
        }
        if (secret.length < MIN_BYTES) throw new InsecureSecret(file + " holds a secret shorter than " + MIN_BYTES + " bytes: delete it to generate a new one");
        return secret;
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
