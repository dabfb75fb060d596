package com.riskpulse.server.http;

import com.riskpulse.engine.auth.Actor;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static net.logstash.logback.argument.StructuredArguments.kv;

/** One line per HTTP request, with structured fields (numbers stay numbers in the JSON logs). */
public final class AccessLog {

    private static final Logger log = LoggerFactory.getLogger("com.riskpulse.server.access");

    private AccessLog() {
    }

    public static void log(Context ctx, String route, float millis) {
        try {
            Actor actor = Authentication.actorIfAny(ctx);
            int status = ctx.statusCode();
            log.info("{} {} {} {} ms", kv("method", ctx.method().name()), kv("path", ctx.path()), kv("status", status),
                    kv("duration_ms", Math.round(millis * 1000) / 1000.0), kv("route", route),
                    kv("request_id", RequestIds.of(ctx)), kv("user", actor == null ? null : actor.username()));
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
