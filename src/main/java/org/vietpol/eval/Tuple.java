package org.vietpol.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vietpol.text.VietText;

/**
 * One scored fact, normalised the contract's way: names and places compare after NFC, case folding, single
 * spaces and one tone-mark placement; places also drop a leading "TP.", "Thành phố", "tỉnh" ... and treat
 * hyphens as spaces. {@code shown} keeps the values as read, for reports.
 */
public record Tuple(String category, List<String> key, List<String> shown) {
    private static final List<String> PLACE_PREFIXES = List.of("tp.", "tp ", "thành phố ", "tỉnh ", "huyện ", "quận ",
            "thị xã ", "phường ", "xã ");

    public static Tuple of(String category, List<String> values) {
        List<String> key = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            shown.add(v == null ? "null" : v);
            key.add(v == null ? "" : normalise(category, i, v));
        }
        return new Tuple(category, List.copyOf(key), List.copyOf(shown));
    }

    private static String normalise(String category, int field, String v) {
        boolean place = category.equals("officials") && field == 3 || category.equals("meetings") && field == 1
                || category.equals("changes") && field == 4;
        if (!place) return VietText.key(v);
        String s = VietText.clean(v).toLowerCase(Locale.ROOT);
        for (String p : PLACE_PREFIXES) {
            if (s.startsWith(p)) {
                s = s.substring(p.length()).strip();
                break;
            }
        }
        return VietText.key(s);
    }

    /** Documents: a bare number in gold ("31") also matches "31-NQ/TW". */
    public boolean matches(Tuple predicted) {
        if (!category.equals(predicted.category)) return false;
        if (key.equals(predicted.key)) return true;
        if (category.equals("documents") && key.get(0).equals(predicted.key.get(0))) {
            String gold = key.get(1), got = predicted.key.get(1);
            return gold.matches("\\d+") && got.startsWith(gold) && got.length() > gold.length()
                    && !Character.isDigit(got.charAt(gold.length()));
        }
        return false;
    }

    @Override
    public String toString() {
        return "(" + String.join(", ", shown) + ")";
    }
}
