package com.riskpulse.engine.feature;

import java.util.HashMap;
import java.util.Map;

/**
 * Approximate country centroids, for the travel-speed feature: the distance between two countries is
 * the great-circle distance between their centroids. Coarse on purpose — it only has to tell
 * "next door" from "another continent". Unknown codes have no position and give no travel signal.
 */
public final class Geography {

    private static final double EARTH_RADIUS_KM = 6_371.0;
    private static final Map<String, double[]> CENTROIDS = new HashMap<>();

    static {
        // ISO-3166 alpha-2, latitude, longitude (rounded centroids)
        String table = """
                AE 24.0 54.0|AR -34.0 -64.0|AT 47.5 14.5|AU -25.0 134.0|BE 50.8 4.5|BG 42.7 25.5|BR -10.0 -52.0|
                CA 56.0 -106.0|CH 46.8 8.2|CL -33.0 -71.0|CN 35.0 103.0|CO 4.0 -73.0|CZ 49.8 15.5|DE 51.2 10.4|
                DK 56.0 10.0|DZ 28.0 3.0|EE 58.6 25.0|EG 27.0 30.0|ES 40.2 -3.7|FI 64.0 26.0|FR 46.6 2.4|
                GB 54.0 -2.0|GH 8.0 -1.0|GR 39.0 22.0|HK 22.3 114.2|HR 45.1 15.2|HU 47.2 19.5|ID -2.5 118.0|
                IE 53.2 -8.0|IL 31.5 34.8|IN 22.0 79.0|IR 32.0 53.0|IS 65.0 -18.0|IT 42.8 12.8|JP 36.5 138.5|
                KE 0.5 38.0|KR 36.5 127.8|KZ 48.0 68.0|LT 55.3 23.9|LU 49.8 6.1|LV 56.9 24.6|MA 31.8 -7.1|
                MX 23.6 -102.5|MY 4.2 102.0|NG 9.1 8.7|NL 52.2 5.3|NO 64.5 11.0|NZ -41.8 172.5|PE -9.2 -75.0|
                PH 12.9 121.8|PK 30.4 69.3|PL 52.0 19.4|PT 39.6 -8.0|RO 45.9 25.0|RS 44.0 20.9|RU 61.5 105.3|
                SA 24.0 45.0|SE 62.0 15.0|SG 1.35 103.8|SI 46.1 14.8|SK 48.7 19.7|TH 15.9 101.0|TR 39.0 35.2|
                TW 23.7 121.0|UA 49.0 31.4|US 39.8 -98.6|VN 16.0 107.8|ZA -29.0 24.7|CY 35.1 33.4|MT 35.9 14.4|
                QA 25.3 51.2|KW 29.3 47.5|BY 53.7 27.9|GE 42.3 43.4|AM 40.1 45.0|AZ 40.3 47.7|TN 34.0 9.0|
                VE 7.0 -66.0|EC -1.8 -78.2|UY -32.8 -56.0|PA 8.5 -80.0|CR 9.9 -84.0|DO 18.8 -70.2|JM 18.1 -77.3|
                BD 23.7 90.3|LK 7.9 80.7|NP 28.4 84.1|KH 12.6 104.9|MM 21.0 96.0|CI 7.5 -5.5|SN 14.5 -14.4|
                ET 9.1 40.5|TZ -6.4 34.9|UG 1.4 32.3|AO -11.2 17.9|ZW -19.0 29.2|CM 5.7 12.7|LB 33.9 35.9|
                JO 31.2 36.5|OM 21.5 55.9|BH 26.0 50.5|MN 46.9 103.8|UZ 41.4 64.6|LI 47.2 9.6|MC 43.7 7.4
                """;
        for (String entry : table.replace("\n", "").split("\\|")) {
            String[] parts = entry.trim().split("\\s+");
            CENTROIDS.put(parts[0], new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])});
        }
    }

    private Geography() {
    }

    public static boolean knows(String country) {
        return country != null && CENTROIDS.containsKey(country);
    }

    /** Great-circle distance between the centroids in km, or NaN when either country is unknown. */
    public static double distanceKm(String from, String to) {
        double[] a = from == null ? null : CENTROIDS.get(from);
        double[] b = to == null ? null : CENTROIDS.get(to);
        if (a == null || b == null) return Double.NaN;
        double lat1 = Math.toRadians(a[0]);
        double lat2 = Math.toRadians(b[0]);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
