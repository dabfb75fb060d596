package com.riskpulse.server.explain;

import com.riskpulse.engine.api.ExplainRequest;
import com.riskpulse.engine.api.ExplanationView;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.explain.Explanation;
import com.riskpulse.engine.explain.ExplanationService;
import com.riskpulse.server.http.ApiException;
import com.riskpulse.server.http.Authentication;
import com.riskpulse.server.http.Json;
import io.javalin.http.Context;

import java.util.NoSuchElementException;

/**
 * {@code POST /api/v1/explain/risk}: the engine's {@link ExplanationService} (retrieved policy passages,
 * counterfactual, template or checked chat-model prose). The service checks the permission and audits
 * EXPLANATION_REQUESTED; the permission is checked here too so that a viewer gets 403 before the body is read.
 */
public final class ExplainController {

    private final ExplanationService explanations;

    public ExplainController(ExplanationService explanations) {
        this.explanations = explanations;
    }

    public void explain(Context ctx) {
        Actor actor = Authentication.actor(ctx).require(Permission.EXPLAIN);
        ExplainRequest req = Json.body(ctx, ExplainRequest.class);
        if (req.riskId() == null) throw ApiException.badRequest("risk_id", "risk_id is required");
        Explanation e;
        try {
            e = explanations.explain(actor, req.riskId());
        } catch (NoSuchElementException missing) {
            throw ApiException.notFound("no risk " + req.riskId());
        }
        ctx.json(ExplanationView.of(e));
    }
}
