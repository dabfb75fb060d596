package com.riskpulse.engine.replay;

import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.ParseResult;
import com.riskpulse.engine.event.Rejection;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.stream.SourceContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link SourceContext} for tests: parses as the pipeline would and keeps events and rejections in
 * lists; it can stop the source after a number of events, or from another thread.
 */
public final class CollectingContext implements SourceContext {

    private final List<RiskEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
    private final long stopAfter;
    private volatile boolean running = true;

    public CollectingContext() {
        this(Long.MAX_VALUE);
    }

    /** Turns {@link #running()} false once this many events were accepted. */
    public CollectingContext(long stopAfter) {
        this.stopAfter = stopAfter;
    }

    @Override
    public void emit(RiskEvent event) {
        events.add(event);
        if (events.size() >= stopAfter) running = false;
    }

    @Override
    public ParseResult emitJson(String json) {
        ParseResult result = EventJson.parse(json);
        switch (result) {
            case ParseResult.Accepted(RiskEvent event) -> emit(event);
            case ParseResult.Rejected(Rejection rejection) -> rejections.add(rejection);
        }
        return result;
    }

    @Override
    public boolean running() {
        return running;
    }

    public void stop() {
        running = false;
    }

    public List<RiskEvent> events() {
        return List.copyOf(events);
    }

    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }
}
