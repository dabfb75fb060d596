/**
 * The live stream behind {@code /ws/risk-stream}, independent of the web server: {@link
 * com.riskpulse.server.stream.RiskStreamHub} fans assessments, alert changes and stats out to {@link
 * com.riskpulse.server.stream.ClientChannel}s. Server to client, one JSON object per text frame, snake_case:
 *
 * <pre>{@code
 * {"type":"assessment","data":{"risk_id","event_id","entity_id","event_type","timestamp","scored_at","score",
 *     "level","amount","currency","country","merchant_id","rules_fired":[..],
 *     "top_contributions":[{"name","value","contribution"}],"config_version","model_version","late"}}
 * {"type":"alert","change":"raised|updated|acknowledged|assigned|resolved","data":{"id","entity_id","policy",
 *     "status","severity","first_seen","last_seen","event_count","highest_score","first_risk_id",
 *     "last_risk_id","assignee","acknowledged_by","acknowledged_at","resolved_by","resolved_at",
 *     "resolution","note","created_at","version"}}
 * {"type":"stats","data":{"events_per_second","received","scored","stored","rejected","partition_queued",
 *     "store_queued","in_flight","latency_p50_ms","latency_p99_ms","latency_max_ms",
 *     "by_level":{"low","medium","high","critical"},"clear","clients"}}
 * {"type":"dropped","count":N}
 * {"type":"subscribed","data":{"min_level","include_clear","entity_ids":[..],"types":[..]}}
 * {"type":"error","code":"invalid_json|message_too_large|unknown_message|unknown_field|invalid_min_level|
 *     invalid_entity_ids|invalid_types","message":"..."}
 * }</pre>
 *
 * Client to server: {@code {"type":"subscribe","min_level":"medium","entity_ids":[..],"types":[..]}}, see
 * {@link com.riskpulse.server.stream.SubscriptionProtocol}.
 */
package com.riskpulse.server.stream;
