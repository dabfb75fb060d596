package com.riskpulse.server.http;

import io.javalin.http.Context;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Query and path parameters, each failure a 400 naming the parameter. */
public final class Params {

    private Params() {
    }

    public static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public static int integer(Context ctx, String name, int fallback) {
        String v = text(ctx, name);
        return v == null ? fallback : parse(name, v, Integer::parseInt, "an integer");
    }

    public static Long longValue(Context ctx, String name) {
        String v = text(ctx, name);
        return v == null ? null : parse(name, v, Long::parseLong, "an integer");
    }

    public static Double number(Context ctx, String name) {
        String v = text(ctx, name);
        return v == null ? null : parse(name, v, Double::parseDouble, "a number");
    }

    public static Instant instant(Context ctx, String name) {
        String v = text(ctx, name);
        return v == null ? null : parse(name, v, Instant::parse, "an ISO-8601 instant such as 2026-11-26T10:00:00Z");
    }

    /** A duration as {@code 15m}, {@code 1h}, {@code 7d}, {@code 30s} or ISO-8601 ({@code PT1H}). */
    public static Duration duration(Context ctx, String name, Duration fallback) {
        String v = text(ctx, name);
        if (v == null) return fallback;
        return parse(name, v, s -> {
            if (s.toUpperCase(Locale.ROOT).startsWith("P")) return Duration.parse(s);
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException();
            };
        }, "a duration such as 15m, 1h, 7d or PT1H");
    }

    /** Repeated or comma-separated enum values, case-insensitive. */
    public static <E extends Enum<E>> Set<E> enums(Context ctx, String name, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String raw : ctx.queryParams(name)) {
            for (String part : raw.split(",")) {
                if (part.isBlank()) continue;
                out.add(enumValue(name, part, type));
            }
        }
        return out;
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + ": '" + value + "' is not one of "
                    + EnumSet.allOf(type).stream().map(x -> x.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    public static long id(Context ctx, String name) {
        return parse(name, ctx.pathParam(name), Long::parseLong, "an integer id");
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            if (e instanceof DateTimeParseException || e instanceof IllegalArgumentException || e instanceof StringIndexOutOfBoundsException) {
                throw ApiException.badRequest(name, name + ": '" + value + "' is not " + expected);
            }
            throw e;
        }
    }
}
