package com.riskpulse.desktop.start;

import java.net.URI;
import java.util.Locale;

/** Where the console connects: the engine on this computer, or a server at a URL. */
public sealed interface Connection {

    /** The engine runs inside the console, on H2 in the user's data folder. */
    record ThisComputer() implements Connection {
    }

    /** A shared headless server. */
    record Server(String url) implements Connection {
        public Server {
            url = check(url);
        }
    }

    /** A usable server URL (http or https with a host), without a trailing slash; a readable error otherwise. */
    static String check(String url) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("enter the server's URL, e.g. http://risk.example.com:8000");
        String u = url.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url.strip() + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the server URL must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) throw new IllegalArgumentException("the server URL has no host");
        return u;
    }
}
