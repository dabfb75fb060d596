package com.riskpulse.engine.stream;

import com.riskpulse.engine.event.ParseResult;
import com.riskpulse.engine.event.RiskEvent;

/** What a running {@link EventSource} talks to. Implemented by the pipeline; tests may implement it to collect. */
public interface SourceContext {

    /** Hands a trusted, already-built event to the pipeline; blocks while the pipeline is full. */
    void emit(RiskEvent event) throws InterruptedException;

    /**
     * Hands one untrusted JSON document (one event) to the pipeline; blocks while the pipeline is full.
     * A malformed one becomes a dead letter; the answer says which happened.
     */
    ParseResult emitJson(String json) throws InterruptedException;

    /**
     * Like {@link #emitJson(String)}, and runs {@code whenDone} exactly once when the input's fate is final:
     * its assessment stored (or found stored already), dropped as a duplicate, or its dead letter stored. It
     * may run on another thread and, across inputs, in any order. A source that must not forget an input
     * before it is safe (Kafka commits an offset) waits for it.
     *
     * <p>The default runs it as soon as {@link #emitJson(String)} returns: right for a context that keeps
     * what it is given (a test collecting events); the pipeline overrides it to run after storage.
     */
    default ParseResult emitJson(String json, Runnable whenDone) throws InterruptedException {
        ParseResult result = emitJson(json);
        whenDone.run();
        return result;
    }

    /** False once the pipeline is stopping: a source should return soon after. */
    boolean running();
}
