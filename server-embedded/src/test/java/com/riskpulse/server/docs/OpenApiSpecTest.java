package com.riskpulse.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.riskpulse.server.RiskPulseServer;
import com.riskpulse.server.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The spec against the running server's own route table, and the three documentation routes over HTTP. */
class OpenApiSpecTest {

    @TempDir
    static Path dataDir;
    static DocsServer docs;
    static JsonNode spec;

    @BeforeAll
    static void start() {
        docs = new DocsServer(dataDir);
        spec = Json.tree(docs.get(ApiDocs.SPEC).body());
    }

    @AfterAll
    static void stop() {
        if (docs != null) docs.close();
    }

    private static List<RiskPulseServer.Route> http() {
        return docs.server.routeTable().stream().filter(r -> !r.method().equals("WS")).toList();
    }

    @Test
    void everyRouteIsDescribedAndEveryDescribedOperationIsARoute() {
        Set<String> routes = http().stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> described = new TreeSet<>(OpenApiSpec.operations(spec));
        assertThat(routes).hasSizeGreaterThanOrEqualTo(30);
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(described);
        Set<String> stale = new TreeSet<>(described);
        stale.removeAll(routes);
        assertThat(missing).as("routes of the server missing from the OpenAPI spec (docs/OpenApiSpec)").isEmpty();
        assertThat(stale).as("operations in the OpenAPI spec that the server has no route for").isEmpty();
        assertThat(routes).hasSameSizeAs(http()); // no route registered twice
    }

    @Test
    void theWebSocketRoutesAreDescribed() {
        Set<String> ws = docs.server.routeTable().stream().filter(r -> r.method().equals("WS")).map(RiskPulseServer.Route::path)
                .collect(Collectors.toSet());
        assertThat(ws).containsExactly(OpenApiSpec.WS_STREAM);
        Set<String> described = new TreeSet<>();
        spec.get("x-websocket").fieldNames().forEachRemaining(described::add);
        assertThat(described).isEqualTo(ws);
        String tag = spec.get("tags").valueStream().filter(t -> t.get("name").asText().equals("stream")).findFirst().orElseThrow()
                .get("description").asText();
        assertThat(tag).contains(OpenApiSpec.WS_STREAM, "\"type\":\"assessment\"", "\"type\":\"subscribe\"", "1008");
    }

    @Test
    void publicRoutesNeedNoTokenInTheSpecAndTheOthersNeedTheBearerToken() {
        for (RiskPulseServer.Route route : http()) {
            JsonNode op = operation(route);
            boolean open = route.isPublic() || !route.path().startsWith(RiskPulseServer.API);
            String name = route.method() + " " + route.path();
            if (open) {
                assertThat(op.get("security")).as(name).isNotNull();
                assertThat(op.get("security").isEmpty()).as(name + " has security: []").isTrue();
                assertThat(op.get("x-roles").toString()).as(name).isEqualTo("[\"public\"]");
            } else {
                assertThat(op.has("security")).as(name + " inherits the global bearer requirement").isFalse();
                assertThat(op.get("x-roles")).as(name + " names its roles").isNotEmpty();
                assertThat(op.get("responses").has("401")).as(name + " answers 401").isTrue();
                assertThat(op.get("description").asText()).as(name).contains("Roles: ");
            }
        }
        assertThat(spec.at("/security/0/bearer").isArray()).isTrue();
        assertThat(spec.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void rolesFollowThePermissionMatrix() {
        assertThat(roles("GET", "/api/v1/risk/live")).containsExactly("viewer", "analyst", "admin");
        assertThat(roles("POST", "/api/v1/alerts/{id}/resolve")).containsExactly("analyst", "admin");
        assertThat(roles("PUT", "/api/v1/config")).containsExactly("admin");
        assertThat(roles("GET", "/api/v1/audit/verify")).containsExactly("admin");
        assertThat(operation("PUT", "/api/v1/config").get("responses").has("403")).isTrue();
        assertThat(operation("PUT", "/api/v1/config").get("responses").has("409")).isTrue();
        assertThat(operation("POST", "/api/v1/events").get("responses").has("503")).isTrue();
        assertThat(operation("POST", "/api/v1/events").get("responses").has("413")).isTrue();
        assertThat(operation("GET", "/api/v1/risk/{risk_id}").get("responses").has("404")).isTrue();
    }

    @Test
    void schemasAreSnakeCaseAndEveryReferenceResolves() {
        assertThat(spec.get("openapi").asText()).isEqualTo("3.1.0");
        JsonNode risk = spec.at("/components/schemas/RiskView/properties");
        assertThat(risk.has("risk_id") && risk.has("rules_fired") && risk.has("config_version")).as(risk.toString()).isTrue();
        assertThat(spec.at("/components/schemas/TokenResponse/properties").has("access_token")).isTrue();
        assertThat(spec.at("/components/schemas/ExplainRequest/properties").has("risk_id")).isTrue();
        assertThat(spec.at("/components/schemas/ApiError/required").toString()).isEqualTo("[\"status\",\"code\",\"message\"]");
        for (int status : new int[] {400, 401, 403, 404, 409, 413, 503}) {
            assertThat(spec.at("/components/responses/Error" + status + "/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/ApiError");
        }
        List<String> refs = new ArrayList<>();
        collectRefs(spec, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(spec.at(ref.substring(1)).isMissingNode()).as("unresolved " + ref).isFalse();
        }
    }

    @Test
    void specAndPagesAreServedWithoutAToken() {
        HttpResponse<String> json = docs.get(ApiDocs.SPEC);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");

        HttpResponse<String> swagger = docs.get(ApiDocs.SWAGGER);
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(swagger.body()).contains("swagger-ui-bundle.js", "'" + ApiDocs.SPEC + "'");

        HttpResponse<String> redoc = docs.get(ApiDocs.REDOC);
        assertThat(redoc.statusCode()).isEqualTo(200);
        assertThat(redoc.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(redoc.body()).contains("redoc.standalone.js", "spec-url=\"" + ApiDocs.SPEC + "\"");

        for (String asset : List.of("/webjars/swagger-ui/" + ApiDocs.SWAGGER_UI_VERSION + "/swagger-ui-bundle.js",
                "/webjars/swagger-ui/" + ApiDocs.SWAGGER_UI_VERSION + "/swagger-ui.css",
                "/webjars/redoc/" + ApiDocs.REDOC_VERSION + "/bundles/redoc.standalone.js")) {
            HttpResponse<String> r = docs.get(asset);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(asset).containsAnyOf("javascript", "text/css");
        }
        // the API itself stays guarded
        assertThat(docs.get("/api/v1/risk/live").statusCode()).isEqualTo(401);
    }

    private static List<String> roles(String method, String path) {
        List<String> out = new ArrayList<>();
        operation(method, path).get("x-roles").forEach(r -> out.add(r.asText()));
        return out;
    }

    private static JsonNode operation(RiskPulseServer.Route route) {
        return operation(route.method(), route.path());
    }

    private static JsonNode operation(String method, String path) {
        JsonNode op = spec.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertThat(op.isMissingNode()).as(method + " " + path + " described").isFalse();
        return op;
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            if (node.has("$ref")) out.add(node.get("$ref").asText());
            node.forEach(child -> collectRefs(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, out));
        }
    }
}
