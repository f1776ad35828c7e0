package org.vietpol.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds full dates: "03/02/2023", "2/12/2022", "4-4-2022", "29.12.2023", "ngày 15 tháng 5 năm 2016". */
public final class DateFinder {
    /** A date found at [start, end) of the text. */
    public record Found(int start, int end, LocalDate date) {}

    private static final Pattern NUMERIC =
            Pattern.compile("(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})(?![\\d/-])");
    private static final Pattern WORDS = Pattern.compile(
            "(?iu)ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})");

    // "Sáng 15/1", "chiều nay (28/9)", "ngày 29.12", "Sáng 4-4": a day and month, the year left to the context
    private static final Pattern PARTIAL = Pattern.compile(
            "(?iu)(?:(?<![\\p{L}])(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)(?:\\s+(?:nay|qua|mai|trước|sau))?\\s*\\(?|\\()(\\d{1,2})([/.-])(\\d{1,2})\\)?(?![\\d/.-]*\\d)");

    // "từ ngày 14 đến 16/1/2026", "ngày 14-16/1", "14 và 15/8": a meeting over several days starts on the first
    private static final Pattern RANGE = Pattern.compile(
            "(?iu)(?<![\\p{L}\\d/.-])(?:(?:từ\\s+)?ngày\\s+)?(\\d{1,2})\\s*(?:-|–|đến|và|tới)\\s*(?:ngày\\s+)?\\d{1,2}([/.-])(\\d{1,2})(?:\\2(\\d{4}))?(?![\\d/-]*\\d)");

    private DateFinder() {}

    /**
     * The first days of ranges of days ("từ ngày 14 đến 16/1/2026"): the year from the range, else {@code year};
     * none without either.
     */
    public static List<Found> findRanges(String text, int from, int to, Integer year) {
        List<Found> out = new ArrayList<>();
        if (!hasDigit(text, from, to)) return out;
        String s = text.substring(from, to);
        Matcher m = matcher(RANGE, s);
        for (int at = 0; find(m, s, at, RANGE_START); at = m.end()) {
            String y = m.group(4) != null ? m.group(4) : year == null ? null : Integer.toString(year);
            if (y != null) add(out, from + m.start(), from + m.end(), m.group(1), m.group(3), y);
        }
        return out;
    }

    /**
     * Dates given by day and month only, completed with {@code year} (from the dateline or the publication
     * date); none when the year is unknown.
     */
    public static List<Found> findPartial(String text, int from, int to, Integer year) {
        List<Found> out = new ArrayList<>();
        if (year == null || !hasDigit(text, from, to)) return out;
        String s = text.substring(from, to);
        Matcher m = matcher(PARTIAL, s);
        for (int at = 0; find(m, s, at, PARTIAL_START); at = m.end()) {
            add(out, from + m.start(), from + m.end(), m.group(1), m.group(3), Integer.toString(year));
        }
        return out;
    }

    /** What a match can start with: a digit (\d), or the "n" of "ngày" in any case. */
    static final CharPredicate DIGIT = startingWith("", "0123456789");
    private static final CharPredicate N = startingWith("n", "");

    /*
     * What RANGE and PARTIAL can start with: "từ", "ngày" or a digit; "sáng", "chiều", "tối", "trưa", "đêm", "ngày",
     * "hôm" or "(". Trying them at every letter of a sentence with a digit was most of the date finder's time.
     */
    private static final CharPredicate RANGE_START = startingWith("tn", "0123456789");
    private static final CharPredicate PARTIAL_START = startingWith("sctđnh", "(");
    static final CharPredicate MONTH_START = startingWith("t", "");

    /**
     * Characters a case-insensitive (Unicode) pattern can match to one of the lower-case {@code letters}, or one of
     * {@code others}: a table over the whole BMP, built with the case mappings the regex engine compares by.
     */
    static CharPredicate startingWith(String letters, String others) {
        boolean[] ok = new boolean[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int u = Character.toUpperCase(c), l = Character.toLowerCase(c);
            int[] forms = {c, u, l, Character.toLowerCase(u), Character.toUpperCase(l)};
            for (int f : forms) {
                if (f < Character.MAX_VALUE + 1 && (letters.indexOf(f) >= 0 || letters.toUpperCase(java.util.Locale.ROOT).indexOf(f) >= 0)) ok[c] = true;
            }
            if (others.indexOf(c) >= 0) ok[c] = true;
        }
        return new CharPredicate(ok);
    }

    /** A test of one character: a table, one class, so the test in {@link #find}'s loop over every character inlines. */
    static final class CharPredicate {
        private final boolean[] ok;

        private CharPredicate(boolean[] ok) {
            this.ok = ok;
        }

        boolean test(char c) {
            return ok[c];
        }
    }

    /**
     * A matcher for {@link #find}: transparent bounds, so that look-behind sees the text before the region as
     * {@link Matcher#find()} over the whole string does.
     */
    static Matcher matcher(Pattern p, String s) {
        return p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /**
     * The next match of {@code m} over {@code s} at or after {@code from}, as {@link Matcher#find()} finds it, but
     * tried only at the positions where {@code canStart} holds (each match must start with such a character):
     * running the pattern at every position of every sentence was a good part of the extraction time.
     */
    static boolean find(Matcher m, String s, int from, CharPredicate canStart) {
        for (int i = from, n = s.length(); i < n; i++) {
            if (!canStart.test(s.charAt(i))) continue;
            m.region(i, n);
            if (m.lookingAt()) return true;
        }
        return false;
    }

    /** Whether [from, to) holds a digit: the regular expressions need not run where none is. */
    static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }

    public static List<Found> find(String text, int from, int to) {
        List<Found> out = new ArrayList<>();
        if (!hasDigit(text, from, to)) return out;
        String s = text.substring(from, to);
        Matcher m = matcher(NUMERIC, s);
        for (int at = 0; find(m, s, at, DIGIT); at = m.end()) {
            add(out, from + m.start(), from + m.end(), m.group(1), m.group(3), m.group(4));
        }
        m = matcher(WORDS, s);
        for (int at = 0; find(m, s, at, N); at = m.end()) {
            add(out, from + m.start(), from + m.end(), m.group(1), m.group(2), m.group(3));
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static void add(List<Found> out, int s, int e, String d, String m, String y) {
        try {
            int year = Integer.parseInt(y);
            if (year < 1900 || year > 2100) return;
            out.add(new Found(s, e, LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d))));
        } catch (DateTimeException | NumberFormatException notADate) {
            // not a date: "12/12 chỉ tiêu" style numbers fall here
        }
    }
}
