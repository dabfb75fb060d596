package com.riskpulse.server.user;

import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.user.UserOutcome;
import com.riskpulse.server.http.ApiException;
import io.javalin.http.Context;

/** Turns the engine's user outcomes into responses: 201/200 with the user, 404, 409 or 400 naming the field. */
public final class UserOutcomes {

    private UserOutcomes() {
    }

    public static Role role(String value) {
        try {
            return Role.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role", e.getMessage());
        }
    }

    public static void answer(Context ctx, UserOutcome outcome) {
        switch (outcome) {
            case UserOutcome.Created c -> ctx.status(201).json(UserView.of(c.user()));
            case UserOutcome.Changed c -> ctx.json(UserView.of(c.after()));
            case UserOutcome.Unchanged u -> ctx.json(UserView.of(u.user()));
            case UserOutcome.NotFound n -> throw ApiException.notFound("no user " + n.id());
            case UserOutcome.Rejected r -> throw switch (r.problem()) {
                case USERNAME_TAKEN -> new ApiException(409, "conflict", r.message(), "username", null, null);
                case LAST_ADMIN, CONCURRENT_CHANGE -> ApiException.conflict(r.message());
                case INVALID_USERNAME -> ApiException.badRequest("username", r.message());
                case INVALID_EMAIL -> ApiException.badRequest("email", r.message());
                case WEAK_PASSWORD -> ApiException.badRequest("password", r.message());
                case ROLE_NOT_ALLOWED -> new ApiException(403, "forbidden", r.message(), "role", null, null);
            };
        }
    }
}
