package org.vietpol.generate;

import java.time.LocalDate;

/** Dates and numbers the way the news writes them. */
final class Dates {
    private static final String[] WEEKDAYS = {"hai", "ba", "tư", "năm", "sáu", "bảy"};
    private static final String[] ROMAN = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};

    private Dates() {}

    /** "Thứ Năm" / "Thứ năm" ("Chủ nhật" on Sundays), capitalised or not. */
    static String weekday(LocalDate d, boolean capital, boolean upperDay) {
        int i = d.getDayOfWeek().getValue();
        String s;
        if (i == 7) s = upperDay ? "chủ Nhật" : "chủ nhật";
        else {
            String w = WEEKDAYS[i - 1];
            s = "thứ " + (upperDay ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return capital ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    /** Replaces {d} {m} {y} {dd} {mm} {WD} {wd} {HH} {MI} in a pattern. */
    static String fill(String pattern, LocalDate d, int hour, int minute, boolean upperDay) {
        if (pattern.indexOf('{') < 0) return pattern;
        StringBuilder sb = new StringBuilder(pattern.length() + 8);
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            int close = open < 0 ? -1 : pattern.indexOf('}', open);
            if (close < 0) { sb.append(pattern, i, pattern.length()); break; }
            sb.append(pattern, i, open);
            String k = pattern.substring(open + 1, close);
            switch (k) {
                case "d" -> sb.append(d.getDayOfMonth());
                case "m" -> sb.append(d.getMonthValue());
                case "y" -> sb.append(d.getYear());
                case "dd" -> two(sb, d.getDayOfMonth());
                case "mm" -> two(sb, d.getMonthValue());
                case "WD" -> sb.append(weekday(d, true, upperDay));
                case "wd" -> sb.append(weekday(d, false, upperDay));
                case "HH" -> two(sb, hour);
                case "MI" -> two(sb, minute);
                default -> sb.append('{').append(k).append('}');
            }
            i = close + 1;
        }
        return sb.toString();
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) sb.append('0');
        sb.append(v);
    }

    static String roman(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < VALUES.length; i++) {
            while (n >= VALUES[i]) { sb.append(ROMAN[i]); n -= VALUES[i]; }
        }
        return sb.toString();
    }
}
