package org.vietpol.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Annotator;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.Span;

/**
 * The pattern finder for dates: full dates ("03/02/2023", "ngày 15 tháng 5 năm 2016"), the first day of a range
 * ("từ ngày 14 đến 16/1/2026"), a day and month ("Sáng 14-1", "ngày 15/8") completed with the year of the
 * article's date, and the words for today ("hôm nay", "sáng nay") as the article's date. A day and month that
 * would fall more than two months after the article's date belong to the year before (an article of 3 January
 * about "ngày 28/12").
 */
final class DateAnnotator implements Annotator {
    private static final Layer<Layers.Sense> TODAY = Layers.sense("today");

    @Override public String name() { return "dates"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Layers.ARTICLE_DATE, TODAY); }
    @Override public Set<Layer<?>> provides() { return Set.of(Layers.DATE, Layers.MONTH); }
    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile(
            "(?iu)tháng\\s+(\\d{1,2})\\s*(?:/|-|\\.|\\s+năm\\s+)(\\d{4})");

    @Override
    public void annotate(AnnotatedDocument doc) {
        LocalDate articleDate = doc.get(Layers.ARTICLE_DATE);
        Integer year = articleDate == null ? headerYear(doc) : Integer.valueOf(articleDate.getYear());
        String text = doc.text();
        for (Span<AnnotatedDocument.Sentence> s : doc.sentences()) {
            int from = doc.charStart(s.from()), to = doc.charEnd(s.to());
            List<int[]> taken = new ArrayList<>();
            for (DateFinder.Found f : DateFinder.findRanges(text, from, to, year)) add(doc, s, f, true, articleDate, taken);
            for (DateFinder.Found f : DateFinder.find(text, from, to)) add(doc, s, f, true, articleDate, taken);
            for (DateFinder.Found f : DateFinder.findPartial(text, from, to, year)) add(doc, s, f, false, articleDate, taken);
            months(doc, s, text, from, to, taken);
        }
        if (articleDate != null) {
            for (Span<Layers.Sense> t : doc.spans(TODAY)) {
                doc.add(Layers.DATE, t.from(), t.to(), new Layers.DateValue(articleDate, false));
            }
        }
    }

    /**
     * The year a page with no full dateline still prints at its top ("Tháng 7/2021 | Thời sự", a full date in the
     * lead): what "chiều 20-7" in its text means; null when the first sentences give none.
     */
    private static Integer headerYear(AnnotatedDocument doc) {
        List<Span<AnnotatedDocument.Sentence>> ss = doc.sentences();
        if (ss.isEmpty()) return null;
        String text = doc.text();
        int to = doc.charEnd(ss.get(Math.min(3, ss.size()) - 1).to());
        java.util.regex.Matcher m = MONTH.matcher(text);
        int month = find(m, text, 0, to) ? m.start() : Integer.MAX_VALUE;
        List<DateFinder.Found> full = DateFinder.find(text, 0, to);
        if (!full.isEmpty() && full.get(0).start() < month) return full.get(0).date().getYear();
        return month == Integer.MAX_VALUE ? null : Integer.valueOf(m.group(2));
    }

    /** "tháng 7/2021", "tháng 7 năm 2021" outside any full date: a month, for telling history from the news. */
    private static void months(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s, String text, int from, int to, List<int[]> taken) {
        if (!DateFinder.hasDigit(text, from, to)) return; // the pattern needs digits
        java.util.regex.Matcher m = MONTH.matcher(text);
        outer:
        for (int at = from; find(m, text, at, to); at = m.end()) {
            for (int[] t : taken) if (m.start() < t[1] && t[0] < m.end()) continue outer;
            int month = Integer.parseInt(m.group(1)), y = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) continue;
            int a = -1, b = -1;
            for (int i = s.from(); i < s.to(); i++) {
                if (a < 0 && doc.tokens().get(i).end() > m.start()) a = i;
                if (doc.tokens().get(i).start() < m.end()) b = i + 1;
            }
            if (a >= 0 && b > a) doc.add(Layers.MONTH, a, b, java.time.YearMonth.of(y, month).atEndOfMonth());
        }
    }

    /** As {@code m.region(from, to).find()}, but tried only where "tháng" can start. */
    private static boolean find(java.util.regex.Matcher m, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (DateFinder.MONTH_START.test(text.charAt(i)) && m.region(i, to).lookingAt()) return true;
        }
        return false;
    }

    private static void add(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s, DateFinder.Found f, boolean yearGiven,
                            LocalDate articleDate, List<int[]> taken) {
        for (int[] t : taken) if (f.start() < t[1] && t[0] < f.end()) return; // inside a range or full date read already
        int a = -1, b = -1;
        for (int i = s.from(); i < s.to(); i++) {
            if (a < 0 && doc.tokens().get(i).end() > f.start()) a = i;
            if (doc.tokens().get(i).start() < f.end()) b = i + 1;
        }
        if (a < 0 || b <= a) return;
        LocalDate d = f.date();
        boolean rangeYear = yearGiven && !doc.text().substring(f.start(), f.end()).matches("(?s).*\\d{4}.*");
        if ((!yearGiven || rangeYear) && articleDate != null && d.isAfter(articleDate.plusMonths(2))) d = d.minusYears(1);
        taken.add(new int[] {f.start(), f.end()});
        doc.add(Layers.DATE, a, b, new Layers.DateValue(d, yearGiven && !rangeYear));
    }
}
