package com.riskpulse.engine.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of the process: environment variables over a {@code .env} file, as in the seed. Real
 * environment variables win over the file, so a deployment can override what a checked-in file says.
 * Getters are typed and fail with a message naming the variable ({@code RISK_HIGH_THRESHOLD='abc' is not a
 * number}); a variable set to blank counts as unset.
 *
 * <p>The {@code .env} format: {@code KEY=VALUE} lines, {@code #} comments (whole lines, or after an unquoted
 * value following a space), blank lines, an optional {@code export } prefix, values optionally in single or
 * double quotes (double quotes understand {@code \n}, {@code \"} and {@code \\}).
 */
public final class Environment {

    /** The file read next to the working directory by {@link #fromProcess()}. */
    public static final String DOT_ENV = ".env";

    private final Map<String, String> values;
    private final Map<String, String> fromFile;

    private Environment(Map<String, String> values, Map<String, String> fromFile) {
        this.values = Collections.unmodifiableMap(values);
        this.fromFile = Collections.unmodifiableMap(fromFile);
    }

    /** The process environment over {@code ./.env} when that file exists. */
    public static Environment fromProcess() {
        Path dotEnv = Path.of(DOT_ENV);
        return of(System.getenv(), Files.isRegularFile(dotEnv) ? dotEnv : null);
    }

    /** {@code variables} over the {@code .env} file at {@code dotEnv} (may be null; a missing file is an error). */
    public static Environment of(Map<String, String> variables, Path dotEnv) {
        Map<String, String> file = dotEnv == null ? Map.of() : readDotEnv(dotEnv);
        Map<String, String> merged = new LinkedHashMap<>(file);
        merged.putAll(variables);
        return new Environment(merged, file);
    }

    public static Environment of(Map<String, String> variables) {
        return of(variables, null);
    }

    /** Parses a {@code .env} file; fails naming the file and line of a line that is not {@code KEY=VALUE}. */
    public static Map<String, String> readDotEnv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parseDotEnv(lines, file.toString());
    }

    static Map<String, String> parseDotEnv(List<String> lines, String source) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("export ")) line = line.substring("export ".length()).strip();
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected KEY=VALUE, got '" + lines.get(i).strip() + "'");
            }
            map.put(key, unquote(line.substring(eq + 1).strip(), source, i + 1));
        }
        return map;
    }

    private static String unquote(String raw, String source, int lineNumber) {
        if (raw.isEmpty()) return raw;
        char q = raw.charAt(0);
        if (q == '"' || q == '\'') {
            int end = raw.lastIndexOf(q);
            String rest = end > 0 ? raw.substring(end + 1).strip() : "";
            if (end == 0 || !(rest.isEmpty() || rest.startsWith("#"))) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": unterminated quote in value " + raw);
            }
            String inner = raw.substring(1, end);
            return q == '\'' ? inner : inner.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }

    /** Every variable, environment over file. */
    public Map<String, String> asMap() {
        return values;
    }

    /** Whether {@code name} came from the {@code .env} file rather than the real environment. */
    public boolean fromDotEnv(String name) {
        return fromFile.containsKey(name) && fromFile.get(name).equals(values.get(name));
    }

    public boolean isSet(String name) {
        String v = values.get(name);
        return v != null && !v.isBlank();
    }

    public Optional<String> string(String name) {
        return isSet(name) ? Optional.of(values.get(name).strip()) : Optional.empty();
    }

    public String string(String name, String fallback) {
        return string(name).orElse(fallback);
    }

    public Optional<Double> number(String name) {
        return string(name).map(v -> {
            try {
                double d = Double.parseDouble(v);
                if (Double.isFinite(d)) return d;
            } catch (NumberFormatException ignored) {
                // reported below, with the variable's name
            }
            throw invalid(name, v, "is not a number");
        });
    }

    public double number(String name, double fallback) {
        return number(name).orElse(fallback);
    }

    public Optional<Integer> integer(String name) {
        return string(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw invalid(name, v, "is not a whole number");
            }
        });
    }

    public int integer(String name, int fallback) {
        return integer(name).orElse(fallback);
    }

    /** true/false, yes/no, on/off, 1/0, any case (the seed writes {@code True}). */
    public Optional<Boolean> bool(String name) {
        return string(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(name, v, "is not true or false");
        });
    }

    public boolean bool(String name, boolean fallback) {
        return bool(name).orElse(fallback);
    }

    /** A comma-separated list (also a JSON-style {@code ["a", "b"]}), items stripped, empty items dropped. */
    public List<String> list(String name, List<String> fallback) {
        return string(name).map(v -> {
            String s = v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
            return Arrays.stream(s.split(","))
                    .map(item -> item.strip().replaceAll("^[\"']|[\"']$", ""))
                    .filter(item -> !item.isEmpty()).toList();
        }).orElse(fallback);
    }

    /** A value of {@code type}'s constants, any case; the error lists the allowed ones. */
    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return string(name).map(v -> {
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(name, v, "is not one of " + Arrays.toString(type.getEnumConstants()));
            }
        });
    }

    /** The variables RiskPulse reads, with their defaults and a line each: for the docs and {@code --help}. */
    public static List<EnvironmentVariable> recognised() {
        return EnvironmentVariable.ALL;
    }

    private static IllegalArgumentException invalid(String name, String value, String what) {
        String shown = EnvironmentVariable.isSecret(name) ? "(hidden)" : "'" + value + "'";
        return new IllegalArgumentException(name + "=" + shown + " " + what);
    }

    @Override
    public String toString() {
        return "Environment" + values.keySet();
    }
}
