package com.riskpulse.engine.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of an audit row and its SHA-256, shared by appending and verifying.
 *
 * <p>The canonical form is one compact JSON object with its keys sorted (nested detail maps too):
 * {@code {"action":..,"actor_id":..,"actor_name":..,"at":..,"details":{..},"origin":..,"prev_hash":..,
 * "role":..,"seq":..,"target":..}}, hashed as UTF-8. JSON rather than joined fields, so that no value
 * (a name with a separator in it, say) can shift one field into the next. {@code at} is written as
 * {@code 2026-11-26T10:00:00.123456Z}: always six fractional digits, the resolution both databases keep.
 *
 * <p>Details are stored as canonical JSON too, and a row's hash is computed from the details as read
 * back from that JSON, so numbers are hashed the way the database will return them (a {@code 1.10}
 * written is a {@code 1.1} read, and both sides hash {@code 1.1}).
 */
public final class AuditHashing {

    /** What the first row's {@code prev_hash} is (also the chain head of an empty log, see V4__audit.sql). */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private AuditHashing() {
    }

    /** The facts of one row that its hash covers; names and enums as stored, so tampered text is hashed as found. */
    public record Content(long seq, Instant at, long actorId, String actorName, String role, String origin,
                          String action, String target, String canonicalDetails, String prevHash) {
    }

    /** {@code details} as canonical JSON: sorted keys, compact, numbers as they will read back. */
    public static String canonicalDetails(Map<String, Object> details) {
        try {
            return canonicalDetails(JSON.writeValueAsString(details == null ? Map.of() : details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Stored details JSON in canonical form; fails with {@link IllegalArgumentException} when it is not a JSON object. */
    public static String canonicalDetails(String json) {
        try {
            return SORTED.writeValueAsString(parseDetails(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** Stored details JSON as a map (nested objects as maps, arrays as lists). */
    public static Map<String, Object> parseDetails(String json) {
        try {
            Map<String, Object> map = json == null ? null : JSON.readValue(json, MAP);
            if (map == null) throw new IllegalArgumentException("audit details are not a JSON object: " + json);
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** The time as hashed and stored: cut to the microsecond. */
    public static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The canonical form of a row (see the class comment). */
    public static String canonicalForm(Content c) {
        Map<String, Object> form = new TreeMap<>();
        form.put("seq", c.seq());
        form.put("at", MICROS.format(truncate(c.at())));
        form.put("actor_id", c.actorId());
        form.put("actor_name", c.actorName());
        form.put("role", c.role());
        form.put("origin", c.origin());
        form.put("action", c.action());
        form.put("target", c.target());
        form.put("details", parseDetails(c.canonicalDetails()));
        form.put("prev_hash", c.prevHash());
        try {
            return SORTED.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical form of audit row " + c.seq() + " cannot be written", e);
        }
    }

    /** SHA-256 of the canonical form, as 64 lower-case hex digits. */
    public static String hash(Content c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalForm(c).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
