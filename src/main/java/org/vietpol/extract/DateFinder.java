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
        for (int at = 0; find(m, s, at, c -> Character.isLetterOrDigit(c) || Character.isSurrogate(c)); at = m.end()) {
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
        // a match starts with a letter ("sáng", "ngày", ...), a surrogate pair standing for one, or "(" ("(23-9)")
        for (int at = 0; find(m, s, at, c -> Character.isLetter(c) || Character.isSurrogate(c) || c == '('); at = m.end()) {
            add(out, from + m.start(), from + m.end(), m.group(1), m.group(3), Integer.toString(year));
        }
        return out;
    }

    /** What a match can start with: a digit (\d), or the "n" of "ngày" in any case. */
    static final CharPredicate DIGIT = c -> c >= '0' && c <= '9';
    private static final CharPredicate N = c -> Character.toLowerCase(c) == 'n' || Character.toUpperCase(c) == 'N';

    /** A test of one character. */
    interface CharPredicate {
        boolean test(char c);
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
