package com.riskpulse.engine.score;

import java.util.function.Supplier;

/**
 * The model the running pipeline scores with. Replacing it is one volatile write: every partition
 * worker picks the new model up at its next event, with no restart and no lock on the hot path.
 */
public final class LiveScoringModel implements Supplier<ScoringModel> {

    private volatile ScoringModel current;

    public LiveScoringModel(ScoringConfig initial) {
        this.current = ScoringModel.compile(initial);
    }

    @Override
    public ScoringModel get() {
        return current;
    }

    public ScoringConfig config() {
        return current.config();
    }

    /** Compiles and installs {@code config}; answers the model it replaced. */
    public ScoringModel apply(ScoringConfig config) {
        ScoringModel previous = current;
        current = ScoringModel.compile(config);
        return previous;
    }
}
