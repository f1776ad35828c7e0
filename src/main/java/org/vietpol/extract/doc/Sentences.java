package org.vietpol.extract.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits text into sentences: at line ends, and at . ! ? followed by a capital, unless after an abbreviation. */
public final class Sentences {
    /** A sentence as offsets into the text. */
    public record Span(int start, int end) {}

    private Sentences() {}

    public static List<Span> split(String text, Set<String> abbreviations) {
        List<Span> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.length();
            // a list set out one item a line ("lần lượt là:" then "- ông A, ...;") reads as one sentence; once a
            // ":" has opened a list of numbered or bulleted items, each next item continues it, whatever ends the last
            boolean bulleted = false;
            while (lineEnd < text.length() && (bulleted || endsList(text, lineStart, lineEnd))) {
                int itemStart = lineEnd + 1;
                // "gồm các đồng chí:", a blank line, then "1. Tô Lâm, Tổng Bí thư;"
                boolean opens = endsWith(text, lineStart, lineEnd, ':');
                if (opens || bulleted) while (itemStart < text.length() && text.charAt(itemStart) == '\n') itemStart++;
                boolean bullet = bulletAt(text, itemStart);
                if (!(bullet || endsItem(text, lineStart, lineEnd) && !blankAt(text, itemStart))) break;
                if (bullet && opens) bulleted = true;
                int next = text.indexOf('\n', itemStart);
                lineEnd = next < 0 ? text.length() : next;
            }
            int s = lineStart;
            for (int i = lineStart; i < lineEnd; i++) {
                char c = text.charAt(i);
                if ((c == '.' || c == '!' || c == '?') && i + 2 < lineEnd && text.charAt(i + 1) == ' '
                        && Character.isUpperCase(text.codePointAt(i + 2)) && !afterAbbreviation(text, s, i, abbreviations)) {
                    add(out, text, s, i + 1);
                    s = i + 2;
                }
            }
            add(out, text, s, lineEnd);
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private static boolean endsList(String text, int from, int to) {
        int e = to;
        while (e > from && Character.isWhitespace(text.charAt(e - 1))) e--;
        return e > from && (text.charAt(e - 1) == ':' || text.charAt(e - 1) == ';' || text.charAt(e - 1) == ',');
    }

    /** A line ending with ":" or ";" is followed by the items of its list when the next line is not blank. */
    private static boolean endsItem(String text, int from, int to) {
        int e = to;
        while (e > from && Character.isWhitespace(text.charAt(e - 1))) e--;
        return e > from && (text.charAt(e - 1) == ':' || text.charAt(e - 1) == ';');
    }

    private static boolean endsWith(String text, int from, int to, char c) {
        int e = to;
        while (e > from && Character.isWhitespace(text.charAt(e - 1))) e--;
        return e > from && text.charAt(e - 1) == c;
    }

    private static boolean blankAt(String text, int at) {
        return at >= text.length() || text.charAt(at) == '\n';
    }

    private static boolean bulletAt(String text, int at) {
        while (at < text.length() && text.charAt(at) == ' ') at++;
        if (at >= text.length()) return false;
        char c = text.charAt(at);
        if (c >= '0' && c <= '9') {
            // "1." or "1)" numbering a list item
            int d = at;
            while (d < text.length() && Character.isDigit(text.charAt(d))) d++;
            return d - at <= 2 && d < text.length() && (text.charAt(d) == '.' || text.charAt(d) == ')');
        }
        return c == '-' || c == '–' || c == '+' || c == '•' || c == '*';
    }

    private static boolean afterAbbreviation(String text, int from, int dot, Set<String> abbreviations) {
        int w = dot;
        while (w > from && !Character.isWhitespace(text.charAt(w - 1))) w--;
        String word = text.substring(w, dot);
        // the number of a list item ("2. Trần Thanh Mẫn") does not end a sentence
        boolean itemNumber = !word.isEmpty() && word.length() <= 2 && word.chars().allMatch(Character::isDigit)
                && (w == 0 || text.charAt(w - 1) == '\n');
        return itemNumber || abbreviations.contains(word) || (word.length() == 1 && Character.isUpperCase(word.charAt(0)));
    }

    /**
     * Longest sentence, in characters. Real sentences are far shorter; text without punctuation (a 3 MB line, a
     * list of 10,000 names) is cut at a space below this, which keeps every per-sentence rule linear in the text.
     */
    public static final int MAX_SENTENCE = 2000;

    private static void add(List<Span> out, String text, int s, int e) {
        while (s < e && Character.isWhitespace(text.charAt(s))) s++;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
        while (e - s > MAX_SENTENCE) {
            int cut = s + MAX_SENTENCE;
            while (cut > s + MAX_SENTENCE / 2 && !Character.isWhitespace(text.charAt(cut))) cut--;
            if (!Character.isWhitespace(text.charAt(cut))) cut = s + MAX_SENTENCE;
            add(out, text, s, cut);
            s = cut;
            while (s < e && Character.isWhitespace(text.charAt(s))) s++;
        }
        if (e > s) out.add(new Span(s, e));
    }
}
