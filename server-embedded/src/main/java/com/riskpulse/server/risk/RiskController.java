package com.riskpulse.server.risk;

import com.riskpulse.engine.api.PageView;
import com.riskpulse.engine.api.RiskStatsView;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.Assessments;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.assessment.Page;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.server.http.ApiException;
import com.riskpulse.server.http.Authentication;
import com.riskpulse.server.http.Params;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Risks (assessments): live, history, stats, one by id. The store has no permission check: it is made here. */
public final class RiskController {

    private final Assessments assessments;
    private final Clock clock;

    public RiskController(Assessments assessments, Clock clock) {
        this.assessments = assessments;
        this.clock = clock;
    }

    public void live(Context ctx) {
        Authentication.actor(ctx).require(Permission.READ_RISKS);
        int limit = Params.integer(ctx, "limit", 50);
        if (limit < 1 || limit > HistoryQuery.MAX_LIMIT) throw ApiException.badRequest("limit", "limit must be in [1, " + HistoryQuery.MAX_LIMIT + "]");
        ctx.json(assessments.latest(limit).stream().map(RiskView::of).toList());
    }

    public void history(Context ctx) {
        Authentication.actor(ctx).require(Permission.READ_RISKS);
        HistoryQuery query = new HistoryQuery(Params.text(ctx, "entity_id"), Params.enums(ctx, "level", RiskLevel.class),
                Params.number(ctx, "min_score"), Params.number(ctx, "max_score"), Params.instant(ctx, "from"),
                Params.instant(ctx, "to"), Params.longValue(ctx, "cursor"), Params.integer(ctx, "limit", HistoryQuery.DEFAULT_LIMIT));
        Page<Assessment> page = assessments.history(query);
        ctx.json(new PageView<>(page.items().stream().map(RiskView::of).toList(), page.nextCursor()));
    }

    public void stats(Context ctx) {
        Authentication.actor(ctx).require(Permission.READ_STATS);
        Duration window = Params.duration(ctx, "window", Duration.ofHours(1));
        if (window.isNegative() || window.isZero()) throw ApiException.badRequest("window", "window must be positive");
        Instant to = clock.instant();
        ctx.json(RiskStatsView.of(assessments.stats(to.minus(window), to)));
    }

    public void byId(Context ctx) {
        Authentication.actor(ctx).require(Permission.READ_RISKS);
        long id = Params.id(ctx, "risk_id");
        ctx.json(assessments.byId(id).map(RiskView::of).orElseThrow(() -> ApiException.notFound("no risk " + id)));
    }
}
