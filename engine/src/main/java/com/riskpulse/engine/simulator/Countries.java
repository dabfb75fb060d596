package com.riskpulse.engine.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * The simulator's small world: the countries it uses, where people live, travel and attack from.
 * Coordinates are population centres, good enough to tell a plausible trip from an impossible one; the
 * geo table of the scoring features is a separate, fuller one.
 */
public final class Countries {

    /**
     * One country of the simulated world.
     *
     * @param unitsPerEur rough value of one euro in the local currency, so that a yen account does not
     *                    buy groceries for 35 yen
     * @param ipOctet     first octet of the made-up addresses the simulator hands out there
     * @param home        weight as the home of an account
     * @param travel      weight as a holiday destination
     * @param fraud       weight as the origin of an account takeover
     */
    public record Country(String code, double lat, double lon, String currency, double unitsPerEur,
                          int utcOffsetMinutes, int ipOctet, double home, double travel, double fraud) {}

    private static final List<Country> ALL = List.of(
            c("DE", 51.0, 10.0, "EUR", 1, 60, 84, 20, 4, 0),
            c("FR", 47.0, 2.5, "EUR", 1, 60, 90, 12, 8, 0.5),
            c("GB", 52.5, -1.5, "GBP", 0.85, 0, 81, 12, 6, 0.5),
            c("NL", 52.2, 5.3, "EUR", 1, 60, 145, 6, 4, 0.5),
            c("ES", 40.4, -3.7, "EUR", 1, 60, 88, 8, 10, 0.5),
            c("IT", 42.5, 12.5, "EUR", 1, 60, 93, 8, 9, 0.5),
            c("PL", 52.0, 19.5, "PLN", 4.3, 60, 83, 5, 3, 0.5),
            c("AT", 47.5, 14.5, "EUR", 1, 60, 62, 3, 5, 0),
            c("BE", 50.6, 4.6, "EUR", 1, 60, 91, 3, 3, 0),
            c("CH", 46.9, 8.0, "CHF", 0.95, 60, 85, 2, 4, 0),
            c("SE", 59.5, 16.0, "SEK", 11.5, 60, 78, 2, 2, 0),
            c("PT", 39.5, -8.2, "EUR", 1, 0, 89, 2, 6, 0),
            c("IE", 53.3, -7.7, "EUR", 1, 0, 87, 2, 2, 0),
            c("GR", 38.5, 23.0, "EUR", 1, 120, 94, 1, 7, 0),
            c("RO", 45.5, 25.0, "RON", 5, 120, 86, 1, 1, 4),
            c("TR", 40.0, 32.0, "TRY", 35, 180, 88, 0.5, 5, 2),
            c("RU", 55.7, 37.6, "RUB", 100, 180, 95, 0.5, 0.3, 5),
            c("US", 38.5, -92.0, "USD", 1.08, -300, 98, 6, 8, 2),
            c("CA", 45.0, -77.0, "CAD", 1.47, -300, 99, 2, 2, 0.5),
            c("MX", 20.5, -100.0, "MXN", 19, -360, 187, 1, 4, 1),
            c("BR", -20.0, -46.0, "BRL", 5.9, -180, 177, 1, 2, 3),
            c("AR", -34.6, -60.5, "ARS", 1000, -180, 181, 0.3, 1, 1),
            c("NG", 8.0, 6.0, "NGN", 1650, 60, 105, 0.5, 0.2, 6),
            c("ZA", -28.0, 27.0, "ZAR", 20, 120, 102, 0.5, 2, 1),
            c("EG", 29.0, 31.0, "EGP", 52, 120, 156, 0.3, 2, 1),
            c("KE", -1.0, 37.0, "KES", 140, 180, 41, 0.2, 1, 1),
            c("AE", 24.8, 55.0, "AED", 4, 240, 94, 0.5, 3, 1),
            c("IN", 21.0, 78.0, "INR", 90, 330, 117, 1, 2, 3),
            c("CN", 31.0, 113.0, "CNY", 7.8, 480, 116, 0.5, 1, 4),
            c("TH", 14.0, 100.5, "THB", 38, 420, 171, 0.2, 5, 1),
            c("VN", 16.0, 106.5, "VND", 27000, 420, 113, 0.2, 2, 3),
            c("ID", -6.5, 107.5, "IDR", 17000, 420, 114, 0.2, 2, 2),
            c("PH", 14.0, 121.0, "PHP", 62, 480, 112, 0.2, 1, 2),
            c("SG", 1.35, 103.8, "SGD", 1.45, 480, 119, 0.3, 2, 0.5),
            c("JP", 35.5, 138.0, "JPY", 160, 540, 126, 0.5, 3, 0.5),
            c("AU", -33.0, 147.0, "AUD", 1.65, 600, 101, 0.5, 2, 0.5));

    private static final Map<String, Country> BY_CODE = new HashMap<>();
    private static final Map<String, Double> UNITS_BY_CURRENCY = new HashMap<>();

    static {
        for (Country country : ALL) {
            BY_CODE.put(country.code(), country);
            UNITS_BY_CURRENCY.put(country.currency(), country.unitsPerEur());
        }
    }

    private Countries() {
    }

    /** Every country of the simulated world, in a fixed order. */
    public static List<Country> all() {
        return ALL;
    }

    /** The country with this ISO-2 code, or null if the simulator does not know it. */
    public static Country of(String code) {
        return code == null ? null : BY_CODE.get(code);
    }

    /** Great-circle distance between two countries' population centres, in kilometres. */
    public static double distanceKm(String a, String b) {
        return distanceKm(of(a), of(b));
    }

    public static double distanceKm(Country a, Country b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** How many local units one euro buys in this currency (1 for unknown ones). */
    public static double unitsPerEur(String currency) {
        return UNITS_BY_CURRENCY.getOrDefault(currency, 1.0);
    }

    /** A weighted pick among the countries that pass the filter; walks the fixed list, so it is reproducible. */
    static Country pick(RandomGenerator rnd, ToDoubleFunction<Country> weight, Predicate<Country> filter) {
        double total = 0;
        for (Country country : ALL) {
            if (filter.test(country)) total += weight.applyAsDouble(country);
        }
        double r = rnd.nextDouble() * total;
        Country last = null;
        for (Country country : ALL) {
            if (!filter.test(country)) continue;
            double w = weight.applyAsDouble(country);
            if (w <= 0) continue;
            last = country;
            r -= w;
            if (r < 0) return country;
        }
        if (last == null) throw new IllegalStateException("no country passes the filter");
        return last;
    }

    /** A made-up but well-formed public address in this country. */
    static String ip(Country country, RandomGenerator rnd) {
        return country.ipOctet() + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(1, 255);
    }

    private static Country c(String code, double lat, double lon, String currency, double unitsPerEur,
                             int utcOffsetMinutes, int ipOctet, double home, double travel, double fraud) {
        return new Country(code, lat, lon, currency, unitsPerEur, utcOffsetMinutes, ipOctet, home, travel, fraud);
    }
}
