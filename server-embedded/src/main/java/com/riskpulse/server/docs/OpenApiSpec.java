package com.riskpulse.server.docs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.riskpulse.engine.api.AlertDetailView;
import com.riskpulse.engine.api.AlertStatsView;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.ApiError;
import com.riskpulse.engine.api.AssignRequest;
import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.api.ExplainRequest;
import com.riskpulse.engine.api.ExplanationView;
import com.riskpulse.engine.api.HealthView;
import com.riskpulse.engine.api.IngestResult;
import com.riskpulse.engine.api.LoginRequest;
import com.riskpulse.engine.api.RegisterRequest;
import com.riskpulse.engine.api.ResolveRequest;
import com.riskpulse.engine.api.RiskStatsView;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.api.RoleChange;
import com.riskpulse.engine.api.TokenResponse;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.config.ConfigPreview;
import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.server.http.Json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 description of the server, kept in one place next to the route table. Paths, methods, roles and
 * error statuses are written here by hand (one {@code op(..)} per route of {@code RiskPulseServer.routes}); the
 * schemas of request and response bodies are derived from the API records themselves (record components,
 * {@code @JsonNaming} snake_case, {@code @JsonProperty}), so a renamed field changes the spec with it; the roles
 * of each operation come from {@link Permission}. {@code OpenApiSpecTest} fails when a route of the running server
 * is missing here or an operation here has no route.
 */
public final class OpenApiSpec {

    public static final String API = "/api/v1";
    public static final String WS_STREAM = "/ws/risk-stream";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private static volatile String json;

    private final ObjectNode root = F.objectNode();
    private final ObjectNode paths = F.objectNode();
    private final Map<String, JsonNode> schemas = new TreeMap<>();

    private OpenApiSpec() {
    }

    /** The spec as JSON text (built once). */
    public static String json() {
        String j = json;
        if (j == null) {
            try {
                j = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(build());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write the OpenAPI spec", e);
            }
            json = j;
        }
        return j;
    }

    /** The spec as a tree (a fresh copy). */
    public static ObjectNode build() {
        return new OpenApiSpec().describe();
    }

    // ------------------------------------------------------------------ the operations, in the route table's order

    private ObjectNode describe() {
        op("post", API + "/auth/register", "auth", "Register a user (seed shape); role defaults to viewer").open()
                .body(ref(RegisterRequest.class)).ok(201, "the new user", ref(UserView.class)).errors(400, 409);
        op("post", API + "/auth/login", "auth", "Log in: a bearer token for the Authorization header").open()
                .body(ref(LoginRequest.class)).ok(200, "the token", ref(TokenResponse.class))
                .errors(400, 401).note("401 with code `locked` and `Retry-After` after too many failed attempts.");
        op("post", API + "/auth/refresh", "auth", "A new token for the bearer of a still valid one, in login's shape").anyRole()
                .ok(200, "the new token", ref(TokenResponse.class))
                .note("No body. The token is checked as on every route: expired, bad, or of a disabled or deleted account is"
                        + " a 401; the new token carries the account's current role. Refreshing before `expires_in` runs out"
                        + " keeps a session going without keeping the password. A login lock does not stop it (it stops"
                        + " password guessing; disabling the account ends sessions). Not audited, unlike login: it grants"
                        + " nothing new and would add an entry per user every token lifetime; the access log names its user.");
        op("get", API + "/auth/me", "auth", "The user of the token").anyRole().ok(200, "the user", ref(UserView.class));

        op("get", API + "/risk/live", "risk", "The latest assessments, newest first").role(Permission.READ_RISKS)
                .query("limit", integer().put("minimum", 1).put("default", 50), "how many (at most the history limit)")
                .ok(200, "assessments", array(ref(RiskView.class))).errors(400);
        op("get", API + "/risk/history", "risk", "Assessments filtered, key-paged").role(Permission.READ_RISKS)
                .query("entity_id", string(), "one entity")
                .query("level", levels(), "levels, repeated or comma-separated")
                .query("min_score", number(), "lowest score").query("max_score", number(), "highest score")
                .query("from", dateTime(), "scored at or after").query("to", dateTime(), "scored before")
                .query("cursor", int64(), "next_cursor of the previous page").query("limit", integer(), "page size")
                .ok(200, "one page", page(RiskView.class)).errors(400);
        op("get", API + "/risk/stats", "risk", "Counts per level and score figures of a window up to now").role(Permission.READ_STATS)
                .query("window", duration("1h"), "window length").ok(200, "statistics", ref(RiskStatsView.class)).errors(400);
        op("get", API + "/risk/{risk_id}", "risk", "One assessment").role(Permission.READ_RISKS)
                .ok(200, "the assessment", ref(RiskView.class)).errors(400, 404);

        op("get", API + "/alerts", "alerts", "Alerts filtered, key-paged (by last_seen)").role(Permission.READ_ALERTS)
                .query("status", enumArray(com.riskpulse.engine.alert.AlertStatus.values()), "statuses, repeated or comma-separated")
                .query("severity", levels(), "severities, repeated or comma-separated")
                .query("entity_id", string(), "one entity").query("assignee", string(), "assigned to")
                .query("from", dateTime(), "last seen (or created, see time_field) at or after")
                .query("to", dateTime(), "last seen (or created) before")
                .query("time_field", enumOf(com.riskpulse.engine.alert.AlertQuery.TimeField.values()).put("default", "last_seen"),
                        "which time from/to apply to: last_seen, or created_at for an alert's age")
                .query("cursor", int64(), "next_cursor of the previous page").query("limit", integer(), "page size")
                .ok(200, "one page", page(AlertView.class)).errors(400);
        op("get", API + "/alerts/stats", "alerts", "Alert counts and mean handling times of a window up to now").role(Permission.READ_STATS)
                .query("window", duration("24h"), "window length").ok(200, "statistics", ref(AlertStatsView.class)).errors(400);
        op("get", API + "/alerts/{id}", "alerts", "One alert with its assessments").role(Permission.READ_ALERTS)
                .ok(200, "the alert", ref(AlertDetailView.class)).errors(400, 404);
        op("post", API + "/alerts/{id}/acknowledge", "alerts", "Acknowledge an open alert").role(Permission.WORK_ALERTS)
                .ok(200, "the alert after", ref(AlertView.class)).errors(400, 404, 409);
        op("post", API + "/alerts/{id}/assign", "alerts", "Assign an alert to a user").role(Permission.WORK_ALERTS)
                .body(ref(AssignRequest.class)).ok(200, "the alert after", ref(AlertView.class)).errors(400, 404, 409);
        op("post", API + "/alerts/{id}/resolve", "alerts", "Resolve an alert").role(Permission.WORK_ALERTS)
                .body(ref(ResolveRequest.class)).ok(200, "the alert after", ref(AlertView.class)).errors(400, 404, 409);

        op("get", API + "/config", "config", "The current configuration").role(Permission.READ_CONFIG)
                .ok(200, "the configuration", configDocument());
        op("put", API + "/config", "config", "Save a configuration built on `version`").role(Permission.CHANGE_CONFIG)
                .body(configDocument()).ok(200, "the configuration saved (next version)", configDocument()).errors(400, 409)
                .note("409 when someone saved another version first; 400 lists every problem in `problems`.");
        op("post", API + "/config/preview", "config", "What a proposed configuration would do to recent traffic").role(Permission.PREVIEW_CONFIG)
                .query("n", integer().put("default", 1000), "how many recent assessments to rescore")
                .body(configDocument()).ok(200, "the preview", ref(ConfigPreview.class)).errors(400);
        op("get", API + "/config/history", "config", "Earlier configurations, newest first").role(Permission.READ_CONFIG)
                .query("limit", integer().put("default", 20), "how many").ok(200, "versions", array(configDocument())).errors(400);

        op("get", API + "/audit/logs", "audit", "The audit trail filtered, key-paged").role(Permission.READ_AUDIT)
                .query("actor", string(), "username").query("action", enumArray(AuditAction.values()), "actions, repeated or comma-separated")
                .query("target", string(), "exact target").query("target_prefix", string(), "target prefix, e.g. `alert:`")
                .query("from", dateTime(), "at or after").query("to", dateTime(), "before")
                .query("cursor", int64(), "next_cursor of the previous page").query("limit", integer(), "page size")
                .ok(200, "one page", page(AuditEntryView.class)).errors(400);
        op("get", API + "/audit/verify", "audit", "Walk the hash chain of the audit log").role(Permission.VERIFY_AUDIT)
                .ok(200, "intact, or where it breaks", chainVerification());

        op("get", API + "/users", "users", "Every user").role(Permission.MANAGE_USERS).ok(200, "users", array(ref(UserView.class)));
        op("post", API + "/users", "users", "Create a user with a role").role(Permission.MANAGE_USERS)
                .body(ref(RegisterRequest.class)).ok(201, "the new user", ref(UserView.class)).errors(400, 409);
        op("put", API + "/users/{id}/role", "users", "Change a user's role").role(Permission.MANAGE_USERS)
                .body(ref(RoleChange.class)).ok(200, "the user after", ref(UserView.class)).errors(400, 404, 409);
        op("post", API + "/users/{id}/disable", "users", "Disable a user (tokens stop working)").role(Permission.MANAGE_USERS)
                .ok(200, "the user after", ref(UserView.class)).errors(400, 404, 409);
        op("post", API + "/users/{id}/enable", "users", "Enable a user").role(Permission.MANAGE_USERS)
                .ok(200, "the user after", ref(UserView.class)).errors(400, 404, 409);

        op("post", API + "/events", "events", "Ingest events: one JSON event, a JSON array, or NDJSON").role(Permission.INGEST_EVENTS)
                .body(F.objectNode().set("oneOf", F.arrayNode().add(event()).add(array(event()))), event())
                .ok(202, "every event accepted: one result per event", array(ref(IngestResult.class)))
                .ok(200, "some events rejected (array or NDJSON): one result per event", array(ref(IngestResult.class)))
                .errors(400, 503)
                .note("A single rejected event (not in an array) is a 400 naming the field. 503 with `Retry-After` when the"
                        + " pipeline stays full: events before that one were accepted; event ids make a retry idempotent.");
        op("post", API + "/explain/risk", "explain", "Explain one assessment (composed from its contributions)").role(Permission.EXPLAIN)
                .body(ref(ExplainRequest.class)).ok(200, "the explanation", ref(ExplanationView.class)).errors(400, 404);
        op("get", API + "/health", "health", "Database, pipeline and node-id health").open()
                .ok(200, "ok", ref(HealthView.class)).ok(503, "degraded (same shape, status `degraded`)", ref(HealthView.class));

        op("get", "/metrics", "health", "Prometheus metrics: pipeline, WebSocket clients, alerts, HTTP, JVM").open().text()
                .note("Open unless the server has `METRICS_TOKEN`: then send `Authorization: Bearer <METRICS_TOKEN>`"
                        + " (not a user token). Names: `riskpulse_events_scored_total`, `riskpulse_pipeline_latency_seconds`,"
                        + " `riskpulse_partition_queue_depth`, `riskpulse_store_queue_depth`, `riskpulse_ws_clients`,"
                        + " `riskpulse_alerts{status}`, `http_server_requests_seconds`, `jvm_*`, ...");
        op("get", ApiDocs.SPEC, "docs", "This OpenAPI description").open().ok(200, "OpenAPI 3.1", F.objectNode().put("type", "object"));
        op("get", ApiDocs.SWAGGER, "docs", "Swagger UI on this description").open().html();
        op("get", ApiDocs.REDOC, "docs", "ReDoc on this description").open().html();

        return document();
    }

    // ------------------------------------------------------------------ the document around the operations

    private ObjectNode document() {
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", "RiskPulse API");
        info.put("version", "v1");
        info.put("description", """
                The RiskPulse server: real-time risk scoring of transaction events, alerts, configuration, users and \
                the audit trail. JSON field names are snake_case; instants are ISO-8601 UTC.

                **Authentication.** `POST /api/v1/auth/login` answers a bearer token; send it as \
                `Authorization: Bearer <token>` on every `/api/v1` route except register, login and health. No or a bad \
                token: 401. Before it expires (`expires_in`), `POST /api/v1/auth/refresh` exchanges it for a new one. A role not allowed: 403. Each operation lists the roles that may call it (`x-roles`, and its \
                description). Roles: viewer ⊂ analyst ⊂ admin.

                **Errors** all have one shape, `ApiError`: `{"status":400,"code":"bad_request","message":"...","field":"..."}`.

                **Live stream.** See the tag `stream` (WebSocket `%s`, not describable in OpenAPI).""".formatted(WS_STREAM));
        root.putArray("servers").addObject().put("url", "/").put("description", "this server");
        ArrayNode tags = root.putArray("tags");
        for (String[] t : new String[][] {{"auth", "Register, log in, refresh the token, who am I"}, {"risk", "Assessments (\"risks\")"},
                {"alerts", "The alert queue"}, {"config", "The scoring configuration, versioned"}, {"audit", "The hash-chained audit trail"},
                {"users", "User management"}, {"events", "Event ingestion"}, {"explain", "Explanations"}, {"health", "Health"},
                {"docs", "This documentation"}}) {
            tags.addObject().put("name", t[0]).put("description", t[1]);
        }
        tags.addObject().put("name", "stream").put("description", streamDescription());
        root.set("paths", paths);
        root.putArray("security").addObject().putArray("bearer");
        ObjectNode components = root.putObject("components");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT").put("description", "the access_token of POST /api/v1/auth/login");
        ObjectNode responses = components.putObject("responses");
        for (int status : ERRORS.keySet()) {
            ObjectNode r = responses.putObject(errorName(status));
            r.put("description", ERRORS.get(status));
            r.putObject("content").putObject("application/json").set("schema", ref(ApiError.class));
        }
        // ApiError leaves out null fields, but status, code and message are always there
        ((ObjectNode) schemas.get("ApiError")).putArray("required").add("status").add("code").add("message");
        ObjectNode s = components.putObject("schemas");
        schemas.forEach(s::set);
        ObjectNode ws = root.putObject("x-websocket").putObject(WS_STREAM);
        ws.put("description", streamDescription());
        ws.putArray("x-roles").add("viewer").add("analyst").add("admin");
        return root;
    }

    private static String streamDescription() {
        return """
                WebSocket `%s`: the live feed, for any role. Authenticate with the access token: the `token` query \
                parameter, or a first message `{"type":"auth","token":"..."}`; a missing, invalid or expired token closes \
                the connection with code 1008. Server to client, one JSON object per text frame, snake_case:
                `{"type":"assessment","data":{risk_id, event_id, entity_id, event_type, timestamp, scored_at, score, level, amount, \
                currency, country, merchant_id, rules_fired, top_contributions, config_version, model_version, late}}`, \
                `{"type":"alert","change":"raised|updated|acknowledged|assigned|resolved","data":{an AlertView}}`, \
                `{"type":"stats","data":{events_per_second, received, scored, stored, rejected, partition_queued, store_queued, \
                in_flight, latency_p50_ms, latency_p99_ms, latency_max_ms, by_level, clear, clients}}`, \
                `{"type":"dropped","count":N}` (a slow client lost N messages), \
                `{"type":"subscribed","data":{min_level, include_clear, entity_ids, types}}`, \
                `{"type":"error","code":"invalid_json|message_too_large|unknown_message|unknown_field|invalid_min_level|invalid_entity_ids|invalid_types","message":"..."}`. \
                Client to server: `{"type":"subscribe","min_level":"medium","entity_ids":[..],"types":[..]}`.""".formatted(WS_STREAM);
    }

    private static final Map<Integer, String> ERRORS = new TreeMap<>(Map.of(
            400, "invalid request: a parameter or body field (named in `field`) is wrong",
            401, "no valid bearer token (or wrong credentials at login)",
            403, "the caller's role may not do this",
            404, "no such resource",
            409, "conflict: the resource changed meanwhile, the transition is not allowed, or the name is taken",
            413, "request body too large",
            503, "unavailable: retry after `Retry-After` seconds"));

    private static String errorName(int status) {
        return "Error" + status;
    }

    // ------------------------------------------------------------------ one operation

    private Op op(String method, String path, String tag, String summary) {
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        if (item.has(method)) throw new IllegalStateException("described twice: " + method + " " + path);
        ObjectNode o = item.putObject(method);
        o.putArray("tags").add(tag);
        o.put("summary", summary);
        o.put("operationId", operationId(method, path));
        o.putObject("responses");
        Op op = new Op(o, summary);
        for (String segment : path.split("/")) {
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                ObjectNode p = op.parameters().addObject();
                p.put("name", name).put("in", "path").put("required", true).put("description", "an integer id");
                p.set("schema", int64());
            }
        }
        return op;
    }

    private static String operationId(String method, String path) {
        StringBuilder b = new StringBuilder(method);
        for (String part : path.replace(API, "").split("[/_{}.-]+")) {
            if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    private final class Op {
        private final ObjectNode o;
        private final String summary;
        private String access = "";
        private String note = "";

        Op(ObjectNode o, String summary) {
            this.o = o;
            this.summary = summary;
        }

        ArrayNode parameters() {
            return o.has("parameters") ? (ArrayNode) o.get("parameters") : o.putArray("parameters");
        }

        Op open() {
            o.putArray("security");
            o.putArray("x-roles").add("public");
            access = "No authentication.";
            describe();
            return this;
        }

        Op anyRole() {
            return roles(Set.of(Role.values()), "any authenticated user");
        }

        Op role(Permission permission) {
            return roles(permission.roles(), "permission " + permission.name());
        }

        private Op roles(Set<Role> roles, String why) {
            ArrayNode r = o.putArray("x-roles");
            List<String> names = Arrays.stream(Role.values()).filter(roles::contains).map(Role::wireName).toList();
            names.forEach(r::add);
            access = "Roles: " + String.join(", ", names) + " (" + why + ").";
            errors(401);
            if (roles.size() < Role.values().length) errors(403);
            describe();
            return this;
        }

        Op query(String name, ObjectNode schema, String description) {
            ObjectNode p = parameters().addObject();
            p.put("name", name).put("in", "query").put("required", false).put("description", description);
            if ("array".equals(schema.path("type").asText())) p.put("explode", true);
            p.set("schema", schema);
            return this;
        }

        Op body(JsonNode schema) {
            return body(schema, null);
        }

        /** A JSON body; with {@code ndjsonLine}, also {@code application/x-ndjson} (one such object per line). */
        Op body(JsonNode schema, JsonNode ndjsonLine) {
            ObjectNode rb = o.putObject("requestBody");
            rb.put("required", true);
            ObjectNode content = rb.putObject("content");
            content.putObject("application/json").set("schema", schema);
            if (ndjsonLine != null) content.putObject("application/x-ndjson").set("schema", ndjsonLine);
            return errors(400, 413);
        }

        Op ok(int status, String description, JsonNode schema) {
            ObjectNode r = ((ObjectNode) o.get("responses")).putObject(Integer.toString(status));
            r.put("description", description);
            r.putObject("content").putObject("application/json").set("schema", schema);
            return this;
        }

        Op text() {
            ObjectNode r = ((ObjectNode) o.get("responses")).putObject("200");
            r.put("description", "Prometheus text exposition format");
            r.putObject("content").putObject("text/plain").putObject("schema").put("type", "string");
            return this;
        }

        Op html() {
            ObjectNode r = ((ObjectNode) o.get("responses")).putObject("200");
            r.put("description", "an HTML page");
            r.putObject("content").putObject("text/html").putObject("schema").put("type", "string");
            return this;
        }

        Op errors(int... statuses) {
            ObjectNode responses = (ObjectNode) o.get("responses");
            for (int status : statuses) {
                responses.putObject(Integer.toString(status)).put("$ref", "#/components/responses/" + errorName(status));
            }
            return this;
        }

        Op note(String text) {
            note = " " + text;
            describe();
            return this;
        }

        private void describe() {
            o.put("description", summary + ". " + access + note);
        }
    }

    // ------------------------------------------------------------------ schemas

    private static ObjectNode type(String type) {
        return F.objectNode().put("type", type);
    }

    private static ObjectNode string() {
        return type("string");
    }

    private static ObjectNode integer() {
        return type("integer").put("format", "int32");
    }

    private static ObjectNode int64() {
        return type("integer").put("format", "int64");
    }

    private static ObjectNode number() {
        return type("number").put("format", "double");
    }

    private static ObjectNode dateTime() {
        return string().put("format", "date-time");
    }

    private static ObjectNode duration(String fallback) {
        return string().put("default", fallback).put("description", "15m, 1h, 7d, 30s or ISO-8601 (PT1H)");
    }

    private static ObjectNode array(JsonNode items) {
        ObjectNode a = type("array");
        a.set("items", items);
        return a;
    }

    private static ObjectNode enumOf(Enum<?>[] values) {
        ObjectNode s = string();
        ArrayNode e = s.putArray("enum");
        for (Enum<?> v : values) e.add(v.name().toLowerCase(Locale.ROOT));
        return s;
    }

    private static ObjectNode enumArray(Enum<?>[] values) {
        return array(enumOf(values));
    }

    private static ObjectNode levels() {
        return enumArray(RiskLevel.values());
    }

    private ObjectNode page(Class<?> item) {
        String name = "PageOf" + item.getSimpleName();
        if (!schemas.containsKey(name)) {
            ObjectNode s = type("object");
            s.put("description", "a key-paged listing: pass next_cursor as the next request's cursor; null on the last page");
            s.putObject("properties").<ObjectNode>set("items", array(ref(item)))
                    .set("next_cursor", F.objectNode().<ObjectNode>set("type", F.arrayNode().add("integer").add("null")).put("format", "int64"));
            s.putArray("required").add("items").add("next_cursor");
            schemas.put(name, s);
        }
        return F.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** A reference to the schema of a record, derived from its components the way Jackson writes them. */
    private ObjectNode ref(Class<?> record) {
        String name = record.getEnclosingClass() == null ? record.getSimpleName()
                : record.getEnclosingClass().getSimpleName() + "." + record.getSimpleName();
        if (!schemas.containsKey(name)) {
            schemas.put(name, F.objectNode()); // placeholder against recursion
            ObjectNode s = type("object");
            ObjectNode props = s.putObject("properties");
            ArrayNode required = s.putArray("required");
            boolean snake = record.isAnnotationPresent(JsonNaming.class)
                    && record.getAnnotation(JsonNaming.class).value() == PropertyNamingStrategies.SnakeCaseStrategy.class;
            JsonInclude include = record.getAnnotation(JsonInclude.class);
            boolean nonNull = include != null && include.value() == JsonInclude.Include.NON_NULL;
            for (RecordComponent c : record.getRecordComponents()) {
                JsonProperty named = c.getAccessor().getAnnotation(JsonProperty.class);
                String wire = named != null && !named.value().isEmpty() ? named.value() : snake ? SNAKE.translate(c.getName()) : c.getName();
                props.set(wire, schemaOf(c.getGenericType()));
                if (c.getType().isPrimitive() || !nonNull) required.add(wire);
            }
            schemas.put(name, s);
        }
        return F.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    private JsonNode schemaOf(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) return array(schemaOf(p.getActualTypeArguments()[0]));
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode m = type("object");
                Type value = p.getActualTypeArguments()[1];
                if (value == Object.class) m.put("additionalProperties", true); else m.set("additionalProperties", schemaOf(value));
                return m;
            }
            throw new IllegalStateException("no schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == long.class) return int64();
        if (c == Long.class) return nullable(int64());
        if (c == int.class) return integer();
        if (c == Integer.class) return nullable(integer());
        if (c == double.class) return number();
        if (c == Double.class) return nullable(number());
        if (c == boolean.class || c == Boolean.class) return type("boolean");
        if (c == String.class) return nullable(string());
        if (c == Instant.class) return nullable(dateTime());
        if (c.isEnum()) return enumOf((Enum<?>[]) c.getEnumConstants());
        if (JsonNode.class.isAssignableFrom(c)) return type("object").put("description", "the event as received, in the wire format");
        if (c.isRecord()) return ref(c);
        throw new IllegalStateException("no schema for " + type);
    }

    private static ObjectNode nullable(ObjectNode schema) {
        String t = schema.get("type").asText();
        schema.set("type", F.arrayNode().add(t).add("null"));
        return schema;
    }

    /** {@code ConfigJson}'s document: written by hand (a custom serializer, not a record of the API). */
    private JsonNode configDocument() {
        if (!schemas.containsKey("ConfigDocument")) {
            ObjectNode s = type("object");
            s.put("description", "The scoring configuration. On PUT, `version` is the version the edit builds on.");
            ObjectNode p = s.putObject("properties");
            p.set("version", integer());
            ObjectNode thresholds = p.putObject("thresholds");
            thresholds.put("type", "object");
            ObjectNode tp = thresholds.putObject("properties");
            for (RiskLevel level : RiskLevel.values()) {
                tp.set(level.name().toLowerCase(Locale.ROOT), number());
            }
            p.set("bias", number());
            p.set("weights", type("object").<ObjectNode>set("additionalProperties", number()).put("description", "feature name → weight"));
            ObjectNode rule = type("object");
            rule.putObject("properties").<ObjectNode>set("enabled", type("boolean")).<ObjectNode>set("boost", number())
                    .set("parameters", type("object").set("additionalProperties", number()));
            p.set("rules", type("object").<ObjectNode>set("additionalProperties", rule).put("description", "rule name → settings"));
            ObjectNode policy = type("object");
            policy.putObject("properties").set("minimum_level", enumOf(RiskLevel.values()));
            p.set("alert_policy", policy);
            p.set("retention_days", integer());
            p.set("created_at", nullable(dateTime()));
            p.set("created_by", nullable(string()));
            p.set("comment", nullable(string()));
            s.putArray("required").add("version").add("thresholds").add("bias").add("weights").add("rules");
            schemas.put("ConfigDocument", s);
        }
        return F.objectNode().put("$ref", "#/components/schemas/ConfigDocument");
    }

    private JsonNode chainVerification() {
        if (!schemas.containsKey("ChainVerification")) {
            ObjectNode s = type("object");
            ObjectNode p = s.putObject("properties");
            p.set("result", string().set("enum", F.arrayNode().add("intact").add("broken")));
            p.set("rows_checked", int64().put("description", "when intact"));
            p.set("last_hash", string().put("description", "when intact"));
            p.set("seq", int64().put("description", "when broken: the first bad sequence number"));
            p.set("problem", string().put("description", "when broken"));
            p.set("expected", string().put("description", "when broken"));
            p.set("found", string().put("description", "when broken"));
            s.putArray("required").add("result");
            schemas.put("ChainVerification", s);
        }
        return F.objectNode().put("$ref", "#/components/schemas/ChainVerification");
    }

    private JsonNode event() {
        if (!schemas.containsKey("Event")) {
            ObjectNode s = type("object");
            s.put("description", "A transaction or account event in the wire format.");
            ObjectNode p = s.putObject("properties");
            p.set("event_id", string());
            p.set("entity_id", string());
            p.set("timestamp", dateTime());
            p.set("type", enumOf(EventType.values()));
            p.set("channel", enumOf(Channel.values()));
            p.set("amount", number());
            p.set("currency", string());
            p.set("country", string());
            p.set("merchant_id", string());
            p.set("merchant_category", string());
            p.set("device_id", string());
            p.set("ip", string());
            p.set("status", string());
            p.set("attributes", type("object").put("additionalProperties", true));
            s.putArray("required").add("event_id").add("entity_id").add("timestamp");
            schemas.put("Event", s);
        }
        return F.objectNode().put("$ref", "#/components/schemas/Event");
    }

    /** Every (method, path) described, as {@code "GET /api/v1/auth/me"}: for the route-table test. */
    public static List<String> operations(JsonNode spec) {
        List<String> out = new ArrayList<>();
        spec.get("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> out.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return out;
    }
}
