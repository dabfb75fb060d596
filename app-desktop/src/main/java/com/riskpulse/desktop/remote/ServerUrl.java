package com.riskpulse.desktop.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A server's base URL as the user typed it, checked: absolute {@code http} or {@code https} with a host, no query or
 * fragment, trailing slashes dropped. {@link #webSocket()} is the same place as {@code ws://} or {@code wss://}.
 */
public record ServerUrl(String http, String webSocket) {

    public static ServerUrl parse(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) throw new IllegalArgumentException("the server URL is required, e.g. http://localhost:8000");
        String url = baseUrl.strip();
        while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + baseUrl + "' is not a valid URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the server URL must start with http:// or https://, was '" + baseUrl + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) throw new IllegalArgumentException("the server URL '" + baseUrl + "' names no host");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the server URL '" + baseUrl + "' must not have a query or fragment");
        }
        String rest = url.substring(url.indexOf(':'));
        return new ServerUrl(scheme + rest, (scheme.equals("https") ? "wss" : "ws") + rest);
    }
}
