package com.riskpulse.server.explain;

import com.riskpulse.engine.api.ContributionView;
import com.riskpulse.engine.api.ExplainRequest;
import com.riskpulse.engine.api.ExplanationView;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.Assessments;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEvent;
import com.riskpulse.engine.audit.AuditLog;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.server.http.ApiException;
import com.riskpulse.server.http.Authentication;
import com.riskpulse.server.http.Json;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST /api/v1/explain/risk}: for now composed from the assessment's own contributions (top five by
 * magnitude, the rules that fired); retrieval and a chat model come later. Audited as EXPLANATION_REQUESTED.
 */
public final class ExplainController {

    static final int TOP = 5;
    private final Assessments assessments;
    private final AuditLog audit;

    public ExplainController(Assessments assessments, AuditLog audit) {
        this.assessments = assessments;
        this.audit = audit;
    }

    public void explain(Context ctx) {
        Actor actor = Authentication.actor(ctx).require(Permission.EXPLAIN);
        ExplainRequest req = Json.body(ctx, ExplainRequest.class);
        if (req.riskId() == null) throw ApiException.badRequest("risk_id", "risk_id is required");
        Assessment a = assessments.byId(req.riskId()).orElseThrow(() -> ApiException.notFound("no risk " + req.riskId()));
        List<ContributionView> top = a.contributions().stream().limit(TOP).map(ContributionView::of).toList();
        audit.record(new AuditEvent(actor, AuditAction.EXPLANATION_REQUESTED, "risk:" + a.id(), Map.of("entity_id", a.entityId())));
        ctx.json(new ExplanationView(a.id(), a.entityId(), a.score(), a.level().name().toLowerCase(Locale.ROOT), top, a.rulesFired(),
                summary(a, top), "contributions"));
    }

    private static String summary(Assessment a, List<ContributionView> top) {
        String drivers = top.stream().filter(c -> c.contribution() > 0)
                .map(c -> c.name() + " (value " + round(c.value()) + ", +" + round(c.contribution()) + ")")
                .collect(Collectors.joining(", "));
        return "Event " + a.eventId() + " of " + a.entityId() + " scored " + round(a.score()) + " (" + a.level().name().toLowerCase(Locale.ROOT)
                + "). " + (drivers.isEmpty() ? "No feature pushed the score up." : "Main drivers: " + drivers + ".")
                + (a.rulesFired().isEmpty() ? "" : " Rules fired: " + String.join(", ", a.rulesFired()) + ".")
                + " Composed from the score's contributions; no language model was used.";
    }

    private static String round(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
