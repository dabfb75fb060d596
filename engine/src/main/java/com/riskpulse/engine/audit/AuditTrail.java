package com.riskpulse.engine.audit;

import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Forbidden;
import com.riskpulse.engine.auth.Permission;

/**
 * The audit log as admins see it: besides recording, reading it back and verifying its hash chain. Services
 * that only record depend on {@link AuditLog}.
 */
public interface AuditTrail extends AuditLog {

    /**
     * Walks the whole chain in seq order and reports the first break, if any. The verification is itself
     * recorded ({@link AuditAction#AUDIT_VERIFIED}, with the result) after the walk.
     *
     * @throws Forbidden unless the actor holds {@link Permission#VERIFY_AUDIT}
     */
    ChainVerification verify(Actor actor);

    /**
     * One page of entries matching {@code query}, newest first.
     *
     * @throws Forbidden unless the actor holds {@link Permission#READ_AUDIT}
     */
    AuditPage query(Actor actor, AuditQuery query);
}
