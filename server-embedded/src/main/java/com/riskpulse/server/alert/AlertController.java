package com.riskpulse.server.alert;

import com.riskpulse.engine.alert.AlertOutcome;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.alert.AlertService;
import com.riskpulse.engine.alert.AlertStatus;
import com.riskpulse.engine.alert.Resolution;
import com.riskpulse.engine.api.AlertDetailView;
import com.riskpulse.engine.api.AlertStatsView;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.AssignRequest;
import com.riskpulse.engine.api.PageView;
import com.riskpulse.engine.api.ResolveRequest;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.server.http.ApiException;
import com.riskpulse.server.http.Authentication;
import com.riskpulse.server.http.Json;
import com.riskpulse.server.http.Params;
import com.riskpulse.engine.auth.Permission;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The alert queue: list, detail, acknowledge, assign, resolve, stats (the engine checks roles). */
public final class AlertController {

    private final AlertService alerts;
    private final Clock clock;

    public AlertController(AlertService alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    public void list(Context ctx) {
        AlertQuery query = new AlertQuery(Params.enums(ctx, "status", AlertStatus.class), Params.enums(ctx, "severity", RiskLevel.class),
                Params.text(ctx, "entity_id"), Params.text(ctx, "assignee"), timeField(ctx),
                Params.instant(ctx, "from"), Params.instant(ctx, "to"), Params.longValue(ctx, "cursor"),
                Params.integer(ctx, "limit", AlertQuery.DEFAULT_LIMIT));
        var page = alerts.list(Authentication.actor(ctx), query);
        ctx.json(new PageView<>(page.items().stream().map(AlertView::of).toList(), page.nextCursor()));
    }

    /** Which time {@code from}/{@code to} apply to: {@code last_seen} (default) or {@code created_at} (an alert's age). */
    private static AlertQuery.TimeField timeField(Context ctx) {
        String value = Params.text(ctx, "time_field");
        return value == null ? AlertQuery.TimeField.LAST_SEEN : Params.enumValue("time_field", value, AlertQuery.TimeField.class);
    }

    public void get(Context ctx) {
        long id = Params.id(ctx, "id");
        ctx.json(alerts.get(Authentication.actor(ctx), id).map(AlertDetailView::of).orElseThrow(() -> ApiException.notFound("no alert " + id)));
    }

    public void acknowledge(Context ctx) {
        answer(ctx, alerts.acknowledge(Authentication.actor(ctx), Params.id(ctx, "id")));
    }

    public void assign(Context ctx) {
        Authentication.actor(ctx).require(Permission.WORK_ALERTS); // 403 before any 400 about the body
        long id = Params.id(ctx, "id");
        AssignRequest req = Json.body(ctx, AssignRequest.class);
        answer(ctx, alerts.assign(Authentication.actor(ctx), id, Json.required(req.assignee(), "assignee")));
    }

    public void resolve(Context ctx) {
        Authentication.actor(ctx).require(Permission.WORK_ALERTS);
        long id = Params.id(ctx, "id");
        ResolveRequest req = Json.body(ctx, ResolveRequest.class);
        Resolution resolution = Params.enumValue("resolution", Json.required(req.resolution(), "resolution"), Resolution.class);
        answer(ctx, alerts.resolve(Authentication.actor(ctx), id, resolution, req.note()));
    }

    public void stats(Context ctx) {
        Duration window = Params.duration(ctx, "window", Duration.ofHours(24));
        Instant to = clock.instant();
        ctx.json(AlertStatsView.of(alerts.stats(Authentication.actor(ctx), to.minus(window), to)));
    }

    private static void answer(Context ctx, AlertOutcome outcome) {
        switch (outcome) {
            case AlertOutcome.Done done -> ctx.json(AlertView.of(done.alert()));
            case AlertOutcome.NotFound nf -> throw ApiException.notFound("no alert " + nf.alertId());
            case AlertOutcome.IllegalTransition it -> throw ApiException.conflict(it.message());
            case AlertOutcome.Conflict c -> throw ApiException.conflict(c.message());
        }
    }
}
