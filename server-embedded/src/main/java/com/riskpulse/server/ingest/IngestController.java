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
        // everything is read before anything is offered: a body that cannot be read changes nothing
        List<Item> items = new ArrayList<>();
        boolean array = false;
        if (ndjson) {
            String[] lines = body.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) items.add(ndjsonLine(lines[i], i + 1));
            }
        } else {
            JsonNode root = Json.tree(body);
            array = root.isArray();
            if (array) root.forEach(n -> items.add(new Item.Event(n))); else items.add(new Item.Event(root));
        }
        List<IngestResult> results = new ArrayList<>(items.size());
        for (Item item : items) {
            results.add(switch (item) {
                case Item.Event e -> offer(e.node());
                case Item.Unreadable u -> IngestResult.rejected(null, null, "line " + u.line() + ": malformed JSON: " + u.problem());
            });
        }
        if (!ndjson && !array && !results.getFirst().accepted()) {
            IngestResult r = results.getFirst();
            throw ApiException.badRequest(r.field(), r.reason());
        }
        ctx.status(results.stream().allMatch(IngestResult::accepted) ? 202 : 200).json(results);
    }

    /** One input of a request: an event to offer, or an NDJSON line that is not JSON (rejected on its own). */
    private sealed interface Item {
        record Event(JsonNode node) implements Item {}

        record Unreadable(int line, String problem) implements Item {}
    }

    private static Item ndjsonLine(String line, int number) {
        try {
            return new Item.Event(Json.tree(line));
        } catch (ApiException malformed) {
            return new Item.Unreadable(number, malformed.getMessage());
        }
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
