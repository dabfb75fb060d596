package com.riskpulse.server.http;

import io.javalin.http.Context;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One id per HTTP request: the client's {@code X-Request-Id} when it is sane (1–64 of {@code [A-Za-z0-9._:-]}),
 * else a fresh UUID. It is echoed in the response header, put in the MDC (every log line of the request carries
 * {@code request_id}) and quoted in 500 bodies.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = "riskpulse.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    /** The first before-handler: assigns the id. */
    public static void assign(Context ctx) {
        String offered = ctx.header(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** This request's id (assigned on first use if the before-handler did not run, e.g. for an unmatched path). */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(ATTRIBUTE);
        }
        return id;
    }
}
