package com.riskpulse.server.config;

import com.riskpulse.engine.config.ConfigDocument;
import com.riskpulse.engine.config.ConfigJson;
import com.riskpulse.engine.config.ConfigService;
import com.riskpulse.server.http.ApiException;
import com.riskpulse.server.http.Authentication;
import com.riskpulse.server.http.Json;
import com.riskpulse.server.http.Params;
import com.riskpulse.engine.auth.Permission;
import io.javalin.http.Context;

import java.util.stream.Collectors;

/**
 * The configuration document, in {@link ConfigJson}'s snake_case shape. {@code PUT} takes the document with
 * {@code version} = the version the edit builds on: 409 when someone saved first, 400 with every problem when invalid.
 */
public final class ConfigController {

    private final ConfigService config;

    public ConfigController(ConfigService config) {
        this.config = config;
    }

    public void current(Context ctx) {
        ctx.contentType("application/json").result(ConfigJson.write(config.current(Authentication.actor(ctx))));
    }

    public void update(Context ctx) {
        Authentication.actor(ctx).require(Permission.CHANGE_CONFIG); // 403 before any 400 about the body
        ConfigDocument proposed = read(ctx);
        switch (config.update(Authentication.actor(ctx), proposed, proposed.version(), proposed.comment())) {
            case ConfigService.UpdateOutcome.Applied applied -> ctx.contentType("application/json").result(ConfigJson.write(applied.after()));
            case ConfigService.UpdateOutcome.Conflict c -> throw ApiException.conflict("configuration changed meanwhile: you edited version "
                    + c.expectedVersion() + ", the current one is " + c.currentVersion() + "; reload and apply your edit again");
            case ConfigService.UpdateOutcome.Rejected r -> throw ApiException.invalid("configuration is invalid: " + String.join("; ", r.problems()), r.problems());
        }
    }

    public void preview(Context ctx) {
        Authentication.actor(ctx).require(Permission.PREVIEW_CONFIG);
        ConfigDocument proposed = read(ctx);
        switch (config.preview(Authentication.actor(ctx), proposed, Params.integer(ctx, "n", 1_000))) {
            case ConfigService.PreviewOutcome.Previewed p -> ctx.json(p.preview());
            case ConfigService.PreviewOutcome.Rejected r -> throw ApiException.invalid("configuration is invalid: " + String.join("; ", r.problems()), r.problems());
        }
    }

    public void history(Context ctx) {
        String json = config.history(Authentication.actor(ctx), Params.integer(ctx, "limit", 20)).stream()
                .map(ConfigJson::write).collect(Collectors.joining(",", "[", "]"));
        ctx.contentType("application/json").result(json);
    }

    private static ConfigDocument read(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) throw ApiException.badRequest(null, "a JSON configuration document is required");
        Json.tree(body); // malformed JSON answers as such
        try {
            return ConfigJson.read(body);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            String field = colon > 0 && !message.startsWith("configuration") ? message.substring(0, colon) : null;
            throw ApiException.badRequest(field, message);
        }
    }
}
