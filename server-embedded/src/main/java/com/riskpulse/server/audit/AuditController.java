package com.riskpulse.server.audit;

import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.api.PageView;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditPage;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.audit.JdbcAuditLog;
import com.riskpulse.server.http.Authentication;
import com.riskpulse.server.http.Params;
import io.javalin.http.Context;

/** The audit trail (admins; the engine checks): filtered, key-paged, and the chain verification. */
public final class AuditController {

    private final JdbcAuditLog audit;

    public AuditController(JdbcAuditLog audit) {
        this.audit = audit;
    }

    public void logs(Context ctx) {
        AuditQuery query = new AuditQuery(Params.text(ctx, "actor"), Params.enums(ctx, "action", AuditAction.class),
                Params.text(ctx, "target"), Params.text(ctx, "target_prefix"), Params.instant(ctx, "from"), Params.instant(ctx, "to"),
                Params.longValue(ctx, "cursor"), Params.integer(ctx, "limit", AuditQuery.DEFAULT_LIMIT));
        AuditPage page = audit.query(Authentication.actor(ctx), query);
        ctx.json(new PageView<>(page.entries().stream().map(AuditEntryView::of).toList(), page.nextCursor()));
    }

    public void verify(Context ctx) {
        ctx.json(audit.verify(Authentication.actor(ctx)).details());
    }
}
