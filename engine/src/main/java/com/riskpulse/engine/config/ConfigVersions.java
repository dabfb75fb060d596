package com.riskpulse.engine.config;

import java.util.List;
import java.util.Optional;

/**
 * Stored configuration versions: append-only, the highest is the current one. Saving names the version
 * it builds on, so that of two admins editing the same version exactly one wins and the other is told.
 */
public interface ConfigVersions {

    /** The highest stored version, or empty before the first start stored version 1. */
    Optional<ConfigDocument> current();

    Optional<ConfigDocument> byVersion(int version);

    /** The newest {@code limit} versions, newest first. */
    List<ConfigDocument> history(int limit);

    /**
     * Stores {@code document} as version {@code expectedVersion + 1}, only if the current version is
     * {@code expectedVersion} (0: nothing stored yet). Document metadata (created at/by, comment) is kept
     * as given; its version is replaced by the new number.
     */
    SaveOutcome save(ConfigDocument document, int expectedVersion);

    /** What a save did. */
    sealed interface SaveOutcome {
        record Saved(ConfigDocument document) implements SaveOutcome {}

        /** Someone else saved first: {@code current} is the version now stored. */
        record Conflict(int expectedVersion, int currentVersion) implements SaveOutcome {}
    }
}
