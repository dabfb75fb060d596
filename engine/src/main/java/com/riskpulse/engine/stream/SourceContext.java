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

    /** False once the pipeline is stopping: a source should return soon after. */
    boolean running();
}
