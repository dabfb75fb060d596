package com.riskpulse.server.http;

import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.TokenService;
import io.javalin.http.Context;

/**
 * The one before-handler of the API: every matched route not marked {@link Access#PUBLIC} needs a valid bearer
 * token; the {@link Actor} goes on the context. What the actor may do is judged by the engine's services (their
 * {@code Forbidden} becomes 403), so the console and the API are held to the same rules.
 */
public final class Authentication {

    private static final String ACTOR = "riskpulse.actor";
    private final TokenService tokens;

    public Authentication(TokenService tokens) {
        this.tokens = tokens;
    }

    public void authenticate(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC)) return;
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) throw ApiException.unauthorized("missing bearer token: send Authorization: Bearer <token>");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) throw ApiException.unauthorized("Authorization must be: Bearer <token>");
        switch (tokens.verify(header.substring(7))) {
            case TokenService.Valid valid -> ctx.attribute(ACTOR, valid.actor());
            case TokenService.Invalid invalid -> throw ApiException.unauthorized(invalid.message());
        }
    }

    /** The authenticated actor of this request. */
    public static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        if (actor == null) throw ApiException.unauthorized("not authenticated");
        return actor;
    }

    /** The authenticated actor, or null (public route, or authentication failed). */
    public static Actor actorIfAny(Context ctx) {
        return ctx.attribute(ACTOR);
    }
}
