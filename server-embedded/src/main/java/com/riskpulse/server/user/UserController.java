package com.riskpulse.server.user;

import com.riskpulse.engine.api.RegisterRequest;
import com.riskpulse.engine.api.RoleChange;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.user.UserService;
import com.riskpulse.server.http.Authentication;
import com.riskpulse.server.http.Json;
import com.riskpulse.server.http.Params;
import com.riskpulse.engine.auth.Permission;
import io.javalin.http.Context;

/** User management (admins; the engine checks). */
public final class UserController {

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    public void list(Context ctx) {
        ctx.json(users.list(Authentication.actor(ctx)).stream().map(UserView::of).toList());
    }

    public void create(Context ctx) {
        Authentication.actor(ctx).require(Permission.MANAGE_USERS); // 403 before any 400 about the body
        RegisterRequest req = Json.body(ctx, RegisterRequest.class);
        UserOutcomes.answer(ctx, users.create(Authentication.actor(ctx), Json.required(req.username(), "username"),
                Json.required(req.email(), "email"), Json.required(req.password(), "password"),
                UserOutcomes.role(Json.required(req.role(), "role"))));
    }

    public void changeRole(Context ctx) {
        Authentication.actor(ctx).require(Permission.MANAGE_USERS);
        long id = Params.id(ctx, "id");
        RoleChange req = Json.body(ctx, RoleChange.class);
        UserOutcomes.answer(ctx, users.changeRole(Authentication.actor(ctx), id, UserOutcomes.role(Json.required(req.role(), "role"))));
    }

    public void disable(Context ctx) {
        UserOutcomes.answer(ctx, users.disable(Authentication.actor(ctx), Params.id(ctx, "id")));
    }

    public void enable(Context ctx) {
        UserOutcomes.answer(ctx, users.enable(Authentication.actor(ctx), Params.id(ctx, "id")));
    }
}
