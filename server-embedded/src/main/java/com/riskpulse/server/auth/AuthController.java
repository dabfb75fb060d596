package com.riskpulse.server.auth;

import com.riskpulse.engine.api.LoginRequest;
import com.riskpulse.engine.api.RegisterRequest;
import com.riskpulse.engine.api.TokenResponse;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.auth.TokenService;
import com.riskpulse.engine.user.LoginOutcome;
import com.riskpulse.engine.user.UserService;
import com.riskpulse.server.http.ApiException;
import com.riskpulse.server.http.Authentication;
import com.riskpulse.server.http.Json;
import com.riskpulse.server.user.UserOutcomes;
import io.javalin.http.Context;

import java.util.Map;

/** Register, login, token refresh and "who am I", in the seed's shapes. */
public final class AuthController {

    private final UserService users;

    public AuthController(UserService users) {
        this.users = users;
    }

    public void register(Context ctx) {
        RegisterRequest req = Json.body(ctx, RegisterRequest.class);
        Role role = req.role() == null ? null : UserOutcomes.role(req.role());
        UserOutcomes.answer(ctx, users.register(Json.required(req.username(), "username"), Json.required(req.email(), "email"),
                Json.required(req.password(), "password"), role));
    }

    public void login(Context ctx) {
        LoginRequest req = Json.body(ctx, LoginRequest.class);
        switch (users.login(Json.required(req.username(), "username"), Json.required(req.password(), "password"), Origin.API)) {
            case LoginOutcome.Success ok -> ctx.json(TokenResponse.bearer(ok.token(), ok.expiresIn().toSeconds()));
            case LoginOutcome.Failure f when f.reason() == LoginOutcome.Reason.LOCKED -> throw new ApiException(401, "locked", f.message(),
                    null, null, Map.of("WWW-Authenticate", "Bearer", "Retry-After",
                    Long.toString(Math.max(1, f.lockedUntil() == null ? 60 : java.time.Duration.between(java.time.Instant.now(), f.lockedUntil()).toSeconds()))));
            case LoginOutcome.Failure f -> throw ApiException.unauthorized(f.message());
        }
    }

    /**
     * A new token in login's shape for the bearer of a token that is still valid. The before-handler has checked
     * that token exactly as for any other route (expired, forged, or of a gone or disabled account: 401), so the
     * actor is the account as stored now. Not audited; see {@link UserService#refresh}.
     */
    public void refresh(Context ctx) {
        TokenService.IssuedToken token = users.refresh(Authentication.actor(ctx));
        ctx.json(TokenResponse.bearer(token.token(), token.expiresIn().toSeconds()));
    }

    public void me(Context ctx) {
        ctx.json(users.account(Authentication.actor(ctx)).map(UserView::of)
                .orElseThrow(() -> ApiException.unauthorized("the user of this token no longer exists")));
    }
}
