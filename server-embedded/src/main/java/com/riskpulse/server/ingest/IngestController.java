package com.riskpulse.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.riskpulse.engine.api.IngestResult;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.ParseResult;
import com.riskpulse.engine.stream.Pipeline;
import com.riskpulse.server.http.ApiException;
import com.riskpulse.server.http.Authentication;
import com.riskpulse.server.http.Json;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/events}: one JSON event, a JSON array, or NDJSON ({@code application/x-ndjson}). Answers one
 * result per event; a single rejected event is a 400 naming the field. When the pipeline stays full the answer is
 * 503 with {@code Retry-After} (events before that one were accepted; their event ids make a retry idempotent).
 */
public final class IngestController {

    static final long OFFER_TIMEOUT_MILLIS = 250;
    private final Pipeline pipeline;

    public IngestController(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    public void ingest(Context ctx) throws InterruptedException {
        Authentication.actor(ctx).require(Permission.INGEST_EVENTS);
        String body = ctx.body();
        if (body.isBlank()) throw ApiException.badRequest(null, "a JSON event, a JSON array or NDJSON is required");
        boolean ndjson = ctx.contentType() != null && ctx.contentType().startsWith("application/x-ndjson");
        List<JsonNode> nodes = new ArrayList<>();
        if (ndjson) {
            for (String line : body.split("\r?\n")) if (!line.isBlank()) nodes.add(Json.tree(line));
        } else {
            JsonNode root = Json.tree(body);
            if (root.isArray()) root.forEach(nodes::add); else nodes.add(root);
        }
        List<IngestResult> results = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) results.add(offer(node));
        if (!ndjson && nodes.size() == 1 && !results.getFirst().accepted() && !Json.tree(body).isArray()) {
            IngestResult r = results.getFirst();
            throw ApiException.badRequest(r.field(), r.reason());
        }
        ctx.status(results.stream().allMatch(IngestResult::accepted) ? 202 : 200).json(results);
    }

    private IngestResult offer(JsonNode node) throws InterruptedException {
        return switch (EventJson.parse(node, node.toString())) {
            case ParseResult.Rejected r -> IngestResult.rejected(r.rejection().eventId(), r.rejection().field(), r.rejection().reason());
            case ParseResult.Accepted a -> {
                if (!pipeline.offer(a.event(), OFFER_TIMEOUT_MILLIS)) {
                    throw ApiException.unavailable("the pipeline is full: retry event " + a.event().eventId() + " and after it later", 1);
                }
                yield IngestResult.accepted(a.event().eventId());
            }
        };
    }
}
