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
            "(?iu)(?<![\\p{L}])(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)(?:\\s+(?:nay|qua|mai))?\\s*\\(?(\\d{1,2})([/.-])(\\d{1,2})\\)?(?![\\d/.-]*\\d)");

    private DateFinder() {}

    /**
     * Dates given by day and month only, completed with {@code year} (from the dateline or the publication
     * date); none when the year is unknown.
     */
    public static List<Found> findPartial(String text, int from, int to, Integer year) {
        List<Found> out = new ArrayList<>();
        if (year == null || !hasDigit(text, from, to)) return out;
        Matcher m = PARTIAL.matcher(text).region(from, to);
        while (m.find()) add(out, m.start(), m.end(), m.group(1), m.group(3), Integer.toString(year));
        return out;
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
        Matcher m = NUMERIC.matcher(text).region(from, to);
        while (m.find()) add(out, m.start(), m.end(), m.group(1), m.group(3), m.group(4));
        m = WORDS.matcher(text).region(from, to);
        while (m.find()) add(out, m.start(), m.end(), m.group(1), m.group(2), m.group(3));
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
