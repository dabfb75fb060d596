package com.riskpulse.desktop.remote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds a path with query parameters, leaving out the absent ones (the server's defaults then apply). */
final class QueryString {

    private final StringBuilder path;
    private boolean first = true;

    private QueryString(String path) {
        this.path = new StringBuilder(path);
    }

    static QueryString of(String path) {
        return new QueryString(path);
    }

    QueryString add(String name, Object value) {
        if (value == null) return this;
        String text = value.toString();
        if (text.isBlank()) return this;
        path.append(first ? '?' : '&').append(name).append('=').append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        first = false;
        return this;
    }

    /** Enum values comma-separated in lower case, as the server reads them. */
    QueryString addEnums(String name, Collection<? extends Enum<?>> values) {
        if (values == null || values.isEmpty()) return this;
        return add(name, values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(",")));
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
