package com.riskpulse.engine;

import com.riskpulse.engine.auth.AuthSettings;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.storage.Dialect;
import com.riskpulse.engine.stream.PipelineSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

import static com.riskpulse.engine.config.EnvironmentVariable.*;

/** Turns environment variables into the settings records of the engine's parts, with clear errors. */
final class EngineSettings {

    private EngineSettings() {
    }

    /**
     * Embedded mode (the console or the engine's own main job) may sign with a secret generated into the
     * user's data folder, as debug mode may: its tokens never leave the process. A server may not.
     */
    static AuthSettings auth(Environment env, Path dataDir, RiskEngine.Mode mode) {
        boolean generatedSecretAllowed = env.bool(DEBUG, false) || mode == RiskEngine.Mode.EMBEDDED;
        AuthSettings base = AuthSettings.defaults(env.string(SECRET_KEY).orElse(null), generatedSecretAllowed, dataDir);
        Role maxRole = env.string(REGISTRATION_MAX_ROLE).map(EngineSettings::role).orElse(base.registrationMaxRole());
        return base.withBcryptCost(env.integer(BCRYPT_COST, base.bcryptCost()))
                .withTokenTtl(Duration.ofMinutes(env.integer(ACCESS_TOKEN_EXPIRE_MINUTES, (int) base.tokenTtl().toMinutes())))
                .withRegistrationMaxRole(maxRole)
                .withLockout(env.integer(MAX_FAILED_LOGINS, base.maxFailedLogins()),
                        Duration.ofMinutes(env.integer(LOCKOUT_MINUTES, (int) base.lockout().toMinutes())));
    }

    /** The pipeline's sizes: the defaults for the database, with any the operator set. */
    static PipelineSettings pipeline(Environment env, Dialect dialect) {
        PipelineSettings d = PipelineSettings.defaultsFor(dialect);
        return d.withQueues(env.integer(PIPELINE_QUEUE_CAPACITY, d.partitionQueueCapacity()),
                        env.integer(STORE_QUEUE_CAPACITY, d.storeQueueCapacity()), env.integer(STORE_BATCH_SIZE, d.storeBatchSize()))
                .withStoreWriters(env.integer(STORE_WRITERS, d.storeWriters()));
    }

    /** The node id the operator asked for; empty: the lowest free one (see {@code JdbcNodeLease}). */
    static OptionalInt nodeId(Environment env) {
        if (env.string(NODE_ID).isEmpty()) return OptionalInt.empty();
        int node = env.integer(NODE_ID, 0);
        if (node < 0 || node > 1023) throw new IllegalArgumentException(NODE_ID + "=" + node + " is not in [0, 1023]");
        return OptionalInt.of(node);
    }

    private static Role role(String value) {
        try {
            return Role.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REGISTRATION_MAX_ROLE + ": " + e.getMessage());
        }
    }
}
