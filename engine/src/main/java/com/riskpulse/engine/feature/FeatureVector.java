package com.riskpulse.engine.feature;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values of every {@link Feature} for one event, as seen at the moment it was scored. Immutable. */
public final class FeatureVector {

    private final double[] values;

    private FeatureVector(double[] values) {
        this.values = values;
    }

    /** Takes ownership of {@code values}: the caller must not change the array afterwards. */
    public static FeatureVector wrap(double[] values) {
        if (values.length != Feature.count()) {
            throw new IllegalArgumentException("expected " + Feature.count() + " feature values, got " + values.length);
        }
        return new FeatureVector(values);
    }

    public static FeatureVector fromMap(Map<String, Double> byWireName) {
        double[] values = new double[Feature.count()];
        byWireName.forEach((name, value) -> values[Feature.fromWireName(name).ordinal()] = value);
        return new FeatureVector(values);
    }

    public double get(Feature feature) {
        return values[feature.ordinal()];
    }

    public boolean flag(Feature feature) {
        return values[feature.ordinal()] != 0;
    }

    /** Wire names to values, in {@link Feature} order. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (Feature f : Feature.values()) {
            map.put(f.wireName(), values[f.ordinal()]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
