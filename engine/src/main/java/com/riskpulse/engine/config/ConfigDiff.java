package com.riskpulse.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between two documents, one line per changed setting ({@code thresholds.high: 0.8 -> 0.6}),
 * leaving out the version and metadata: for the audit trail and the start-up log.
 */
public final class ConfigDiff {

    private static final Set<String> METADATA = Set.of("version", "created_at", "created_by", "comment");

    private ConfigDiff() {
    }

    public static List<String> between(ConfigDocument before, ConfigDocument after) {
        Map<String, Object> a = flatten(ConfigJson.toMap(before));
        Map<String, Object> b = flatten(ConfigJson.toMap(after));
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<String> changes = new ArrayList<>();
        for (String path : paths) {
            Object x = a.get(path), y = b.get(path);
            if (!Objects.equals(x, y)) changes.add(path + ": " + shown(x) + " -> " + shown(y));
        }
        return changes;
    }

    private static String shown(Object value) {
        return value == null ? "(unset)" : String.valueOf(value);
    }

    private static Map<String, Object> flatten(Map<String, Object> map) {
        Map<String, Object> flat = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!METADATA.contains(key)) flatten(key, value, flat);
        });
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String path, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            ((Map<String, Object>) m).forEach((k, v) -> flatten(path + "." + k, v, into));
        } else {
            // numbers compared by value: 1 and 1.0 are the same setting
            into.put(path, value instanceof Number n ? (Object) n.doubleValue() : value);
        }
    }
}
