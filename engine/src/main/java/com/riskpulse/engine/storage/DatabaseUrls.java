package com.riskpulse.engine.storage;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the accepted forms of a database URL into {@link DatabaseSettings}; see there for the forms. */
final class DatabaseUrls {

    static final String REWRITE_BATCHED_INSERTS = "reWriteBatchedInserts";

    /**
     * What the shared migrations and queries are written for (ARCHITECTURE.md, Persistence), and
     * {@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook would otherwise close the database on SIGTERM before the
     * engine's hook has drained the pipeline into it, and the assessments still queued would be lost.
     */
    private static final String[][] H2_DEFAULTS = {
            {"MODE", "PostgreSQL"}, {"DATABASE_TO_LOWER", "TRUE"}, {"DEFAULT_NULL_ORDERING", "HIGH"},
            {"DB_CLOSE_ON_EXIT", "FALSE"}};
    private static final Pattern LIBPQ_SCHEME = Pattern.compile("(?i)^(postgres|postgresql)(\\+[a-z0-9_]+)?://");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]\\s*password\\s*=)[^&;]*");
    /** libpq parameters whose PgJDBC name differs; the rest (sslmode, sslrootcert, ...) are shared. */
    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "target_session_attrs", "targetServerType");
    private static final String HINT = "expected postgresql://user:password@host:5432/database, "
            + "jdbc:postgresql://host:5432/database or jdbc:h2:...";

    private DatabaseUrls() {
    }

    static DatabaseSettings parse(String raw, int poolSize) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("the database URL is empty: " + HINT);
        }
        String url = raw.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            if (lower.matches("jdbc:h2:mem:(;.*)?")) {
                // an unnamed in-memory database is private to one connection: each pooled one would be empty
                throw malformed(url, "name the in-memory database (jdbc:h2:mem:riskpulse), "
                        + "or every pooled connection sees its own empty one");
            }
            return new DatabaseSettings(withH2Defaults(url), null, null, poolSize);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            if (org.postgresql.Driver.parseURL(url, null) == null) {
                throw malformed(url, "PostgreSQL's driver cannot read it; expected jdbc:postgresql://host:5432/database");
            }
            // the user and password stay in the URL, where the driver reads them
            return new DatabaseSettings(withParameter(url, REWRITE_BATCHED_INSERTS, "true"), null, null, poolSize);
        }
        Matcher scheme = LIBPQ_SCHEME.matcher(url);
        if (scheme.find()) {
            return libpq(url, url.substring(scheme.end()), poolSize);
        }
        throw malformed(url, HINT);
    }

    /** The seed's libpq-style URL: {@code postgresql://[user[:password]@]host[:port][,host[:port]]/[db][?k=v&...]}. */
    private static DatabaseSettings libpq(String url, String rest, int poolSize) {
        int query = rest.indexOf('?');
        // the last '@' before the query ends the user info, so an unencoded '@' or '/' in a password still works
        int at = (query < 0 ? rest : rest.substring(0, query)).lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = emptyToNull(decode(url, colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? null : emptyToNull(decode(url, userInfo.substring(colon + 1)));
        }
        String afterUser = rest.substring(at + 1);
        int end = indexOfAny(afterUser, "/?");
        String hosts = end < 0 ? afterUser : afterUser.substring(0, end);
        String tail = end < 0 ? "" : afterUser.substring(end);
        checkHosts(url, hosts);

        int q = tail.indexOf('?');
        String path = q < 0 ? tail : tail.substring(0, q);
        String database = path.isEmpty() ? "" : decode(url, path.substring(1));
        Map<String, String> parameters = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : tail.substring(q + 1).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                if (eq <= 0) throw malformed(url, "query parameter '" + pair + "' is not name=value");
                String name = decode(url, pair.substring(0, eq));
                String value = decode(url, pair.substring(eq + 1));
                switch (name) {
                    case "user" -> user = user == null ? value : user;
                    case "password" -> password = password == null ? value : password;
                    default -> parameters.put(LIBPQ_TO_JDBC.getOrDefault(name, name), value);
                }
            }
        }
        StringJoiner query2 = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((k, v) -> query2.add(encode(k) + "=" + encode(v)));
        String jdbc = "jdbc:postgresql://" + hosts + "/" + encode(database) + query2;
        return new DatabaseSettings(withParameter(jdbc, REWRITE_BATCHED_INSERTS, "true"), user, password, poolSize);
    }

    private static void checkHosts(String url, String hosts) {
        for (String entry : hosts.split(",", -1)) {
            String host = entry;
            String port = null;
            if (entry.startsWith("[")) { // IPv6 literal
                int close = entry.indexOf(']');
                if (close < 0) throw malformed(url, "IPv6 host '" + entry + "' lacks its closing ']'");
                host = entry.substring(0, close + 1);
                String after = entry.substring(close + 1);
                if (!after.isEmpty() && !after.startsWith(":")) throw malformed(url, "unexpected '" + after + "' after host " + host);
                port = after.isEmpty() ? null : after.substring(1);
            } else if (entry.lastIndexOf(':') >= 0) {
                host = entry.substring(0, entry.lastIndexOf(':'));
                port = entry.substring(entry.lastIndexOf(':') + 1);
            }
            if (host.isEmpty()) {
                throw malformed(url, "the host is missing (special characters in a user or password "
                        + "must be percent-encoded, e.g. %3F for '?')");
            }
            if (port != null && !isPort(port)) {
                throw malformed(url, "port '" + port + "' is not a number from 1 to 65535 (special characters "
                        + "in a user or password must be percent-encoded, e.g. %3F for '?')");
            }
        }
    }

    /** Adds the compatibility settings the shared SQL needs, unless the URL chose them itself. */
    static String withH2Defaults(String url) {
        StringBuilder result = new StringBuilder(url);
        for (String[] setting : H2_DEFAULTS) {
            if (!hasH2Setting(url, setting[0])) result.append(';').append(setting[0]).append('=').append(setting[1]);
        }
        // a pooled in-memory database must outlive the moment the pool happens to hold no connection
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:") && !hasH2Setting(url, "DB_CLOSE_DELAY")) {
            result.append(";DB_CLOSE_DELAY=-1");
        }
        return result.toString();
    }

    /** The URL with any password replaced by {@code ***}, for messages and logs. */
    static String redact(String url) {
        String result = url;
        int scheme = result.indexOf("://");
        if (scheme >= 0) {
            String rest = result.substring(scheme + 3);
            int query = rest.indexOf('?');
            int at = (query < 0 ? rest : rest.substring(0, query)).lastIndexOf('@');
            int colon = at < 0 ? -1 : rest.substring(0, at).indexOf(':');
            if (colon >= 0) {
                result = result.substring(0, scheme + 3) + rest.substring(0, colon + 1) + "***" + rest.substring(at);
            }
        }
        return PASSWORD_PARAMETER.matcher(result).replaceAll("$1***");
    }

    static String withParameter(String url, String name, String value) {
        if (Pattern.compile("[?&]" + Pattern.quote(name) + "=").matcher(url).find()) return url;
        return url + (url.indexOf('?') < 0 ? '?' : '&') + name + "=" + value;
    }

    private static boolean hasH2Setting(String url, String name) {
        return Pattern.compile("(?i);\\s*" + Pattern.quote(name) + "\\s*=").matcher(url).find();
    }

    private static boolean isPort(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
        int port = Integer.parseInt(s);
        return port >= 1 && port <= 65_535;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    /** RFC 3986 percent-decoding as UTF-8; unlike URLDecoder, a '+' stays a '+'. */
    private static String decode(String url, String s) {
        if (s.indexOf('%') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) != '%') {
                out.append(s.charAt(i++));
                continue;
            }
            bytes.reset();
            while (i < s.length() && s.charAt(i) == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) throw malformed(url, "'%' must be followed by two hex digits (write %25 for '%')");
                bytes.write(hi * 16 + lo);
                i += 3;
            }
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8); // PgJDBC reads the path and values with URLDecoder
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static IllegalArgumentException malformed(String url, String why) {
        return new IllegalArgumentException("database URL " + redact(url) + " is not valid: " + why);
    }
}
