package com.riskpulse.engine.explain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers an explanation may state, each formatted once and labelled with where it comes from. Text is
 * written only with numbers taken from here, and {@link #untraced} finds any number in a text (a chat
 * model's answer, say) that is not one of them.
 */
public final class Facts {

    /** A number not inside an identifier such as {@code count_1m} or {@code cust-0042}. */
    static final Pattern NUMBER = Pattern.compile("(?<![\\w.\\-])-?\\d[\\d,]*(?:\\.\\d+)?(?![\\w])");

    private final Map<String, String> byLabel = new LinkedHashMap<>();

    /** Records a number with {@code decimals} digits after the point and answers it as written. */
    public String add(String label, double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        byLabel.put(label, text);
        return text;
    }

    public String add(String label, long value) {
        String text = Long.toString(value);
        byLabel.put(label, text);
        return text;
    }

    /** Label to number as written, in the order they were added. */
    public Map<String, String> all() {
        return Map.copyOf(byLabel);
    }

    /** The facts as lines {@code label: value}, for a prompt. */
    public String listing() {
        StringBuilder sb = new StringBuilder();
        byLabel.forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    /** The numbers in {@code text} that are not one of these facts (compared by value: 7 equals 7.0). */
    public List<String> untraced(String text) {
        List<BigDecimal> known = byLabel.values().stream().map(Facts::normalised).toList();
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String token = m.group();
            if (token.endsWith(",")) token = token.substring(0, token.length() - 1);
            BigDecimal v = normalised(token);
            if (known.stream().noneMatch(k -> k.compareTo(v) == 0)) out.add(token);
        }
        return out;
    }

    static BigDecimal normalised(String number) {
        return new BigDecimal(number.replace(",", "")).stripTrailingZeros();
    }
}
