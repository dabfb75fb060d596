package com.riskpulse.engine.audit;

/** Every kind of action the audit trail records. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    REGISTER,
    USER_CREATED,
    USER_ROLE_CHANGED,
    USER_DISABLED,
    USER_ENABLED,
    PASSWORD_CHANGED,
    ALERT_ACKNOWLEDGED,
    ALERT_ASSIGNED,
    ALERT_RESOLVED,
    CONFIG_CHANGED,
    CONFIG_PREVIEWED,
    EXPLANATION_REQUESTED,
    AUDIT_VERIFIED
}
