package com.riskpulse.server.http;

import com.riskpulse.engine.api.ApiError;
import com.riskpulse.engine.auth.Forbidden;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Maps every failure, in one place, to the one error shape {@link ApiError}. */
public final class Errors {

    private static final Logger log = LoggerFactory.getLogger(Errors.class);
    private static final String WRITTEN = "riskpulse.error-written";

    private Errors() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            write(ctx, new ApiError(e.status(), e.code(), e.getMessage(), e.field(), null, e.problems()));
        });
        routes.exception(Forbidden.class, (e, ctx) -> write(ctx, ApiError.of(403, "forbidden", e.getMessage())));
        // the engine's own input checks (a limit out of range, a bad time window)
        routes.exception(IllegalArgumentException.class, (e, ctx) -> write(ctx, ApiError.of(400, "bad_request", e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, ApiError.of(e.getStatus(), code(e.getStatus()), e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            String requestId = RequestIds.of(ctx);
            log.error("request {} {} {} failed", requestId, ctx.method(), ctx.path(), e);
            write(ctx, new ApiError(500, "internal_error", "unexpected error; quote request id " + requestId, null, requestId, null));
        });
        // what Javalin answers by itself (no route matched, method not allowed, body too large): same shape
        for (int status : new int[] {400, 404, 405, 413, 500}) {
            routes.error(status, "*", ctx -> {
                if (ctx.attribute(WRITTEN) != null) return;
                String message = status == 404 ? "no route " + ctx.method() + " " + ctx.path() : HttpStatus.forStatus(status).getMessage();
                write(ctx, ApiError.of(status, code(status), message));
            });
        }
    }

    private static void write(Context ctx, ApiError error) {
        ctx.attribute(WRITTEN, true);
        ctx.status(error.status()).json(error);
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 503 -> "unavailable";
            default -> HttpStatus.forStatus(status).name().toLowerCase(Locale.ROOT);
        };
    }
}
