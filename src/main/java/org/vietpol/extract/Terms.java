package org.vietpol.extract;

import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.PhraseTable;
import org.vietpol.extract.doc.Span;
import org.vietpol.extract.doc.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Terms of office written after titles and bodies ("khóa XIX", "nhiệm kỳ 2020-2025"): a title marked with an
 * earlier term than the latest one the article gives for the same body family and place is a former title
 * ("Phó Bí thư Tỉnh ủy khóa XVIII" in a report on the XIX congress). The term a post is stated with goes with its
 * position and change into the graph ({@code vp:duringTerm}).
 */
public final class Terms {
    /**
     * A term: a numbered "khóa" ({@code kind} "number", {@code value} the number) or a "nhiệm kỳ" ("years",
     * {@code value} its first year). {@code startYear} and {@code endYear} are the years the text gives ("nhiệm kỳ
     * 2020-2025", also after a number: "khóa X, nhiệm kỳ 2021-2026"), 0 when it gives none. Only {@code kind} and
     * {@code value} tell an earlier term from a later one.
     */
    public record Term(String kind, int value, int startYear, int endYear) {
        public Term(String kind, int value) {
            this(kind, value, kind.equals("years") ? value : 0, 0);
        }

        /** The term's number ("khóa XV": 15), or 0 when the text gives only its years. */
        public int number() {
            return kind.equals("number") ? value : 0;
        }
    }

    private final Map<String, Integer> latest = new HashMap<>();
    private final Lexicon lex;

    Terms(Lexicon lex) {
        this.lex = lex;
    }

    static Terms none(Lexicon lex) {
        return new Terms(lex);
    }

    /** Records a term stated for a body. */
    void saw(OrgRef org, Term term) {
        if (term == null || org == null) return;
        String key = key(org, term);
        if (key != null) latest.merge(key, term.value(), Math::max);
    }

    /** True when the title carries a term older than the latest the article gives for its body family. */
    boolean past(Layers.Title t) {
        if (t.term() == null || t.org() == null) return false;
        String key = key(t.org(), t.term());
        Integer max = key == null ? null : latest.get(key);
        return max != null && t.term().value() < max;
    }

    /** True when the title carries the latest term the article gives for its body family: the term just begun. */
    boolean current(Layers.Title t) {
        if (t.term() == null || t.org() == null) return false;
        String key = key(t.org(), t.term());
        Integer max = key == null ? null : latest.get(key);
        return max != null && t.term().value() == max;
    }

    private String key(OrgRef org, Term term) {
        String family = lex.kind(org.kind()).termFamily();
        return family.isEmpty() ? null : family + "|" + org.unit().id() + "|" + term.kind();
    }

    /**
     * The title of a post stated {@code as} (held, start ...) with its term of office: the one written after it; else, for a post taken in these events, the one
     * its sentence writes after a body of the same place and term family ("Ban Chấp hành Đảng bộ tỉnh khóa XIX bầu
     * ông A làm Bí thư Tỉnh ủy"). A number after a body a meeting noun other than a congress's opens counts the
     * meeting ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15"), not the term.
     */
    static Layers.Title stated(Lexicon lex, AnnotatedDocument doc, Span<Layers.Title> t, String as) {
        Layers.Title title = t.value();
        if (title.term() != null || !as.equals("start")) return title;
        String family = lex.kind(title.org().kind()).termFamily();
        if (family.isEmpty()) return title;
        Span<AnnotatedDocument.Sentence> s = doc.sentenceAt(t.from());
        List<Token> tokens = doc.tokens().subList(s.from(), s.to());
        for (Span<Layers.Body> b : doc.within(Layers.BODY, s.from(), s.to())) {
            OrgRef o = b.value().org();
            if (o == null || !o.unit().equals(title.org().unit()) || !lex.kind(o.kind()).termFamily().equals(family)) continue;
            Terms.Term term = Terms.after(lex, tokens, b.to() - s.from());
            if (term == null) continue;
            boolean meeting = false;
            for (Span<Layers.MeetingMention> m : doc.within(Layers.MEETING, s.from(), b.from())) {
                meeting = b.from() - m.to() <= 1 && !"đại hội".equals(m.value().type());
            }
            if (!(meeting && term.number() > 0)) return title.withTerm(term);
        }
        return title;
    }

    /** Every term written from token {@code at} on, one after another: "lần thứ XVIII, nhiệm kỳ 2025-2030". */
    static List<Term> allAfter(Lexicon lex, List<Token> tokens, int at) {
        List<Term> out = new java.util.ArrayList<>();
        int k = at;
        while (k < tokens.size()) {
            Term t = after(lex, tokens, k);
            if (t == null) break;
            out.add(t);
            // skip the term's words: the term word, its number or years ("2020 - 2025"), then a comma
            k += Math.max(lex.word("term-number", tokens, k), lex.word("term-years", tokens, k)) + 1;
            while (k < tokens.size() && (tokens.get(k).text().equals("-") || tokens.get(k).text().equals("–")
                    || tokens.get(k).text().matches("(19|20)\\d\\d"))) k++;
            if (k < tokens.size() && tokens.get(k).text().equals(",")) k++;
        }
        return out;
    }

    /**
     * The term written right after token {@code at}: "khóa XIX", "khóa 15", "nhiệm kỳ 2020 - 2025", and the years
     * of a number followed by them ("khóa X, nhiệm kỳ 2021-2026"); or null.
     */
    static Term after(Lexicon lex, List<Token> tokens, int at) {
        int n = lex.word("term-number", tokens, at);
        if (n > 0 && at + n < tokens.size()) {
            int v = number(tokens.get(at + n).text());
            if (v <= 0) return null;
            int k = at + n + 1;
            if (k < tokens.size() && tokens.get(k).text().equals(",")) k++;
            int[] years = years(lex, tokens, k);
            return years == null ? new Term("number", v) : new Term("number", v, years[0], years[1]);
        }
        int[] years = years(lex, tokens, at);
        return years == null ? null : new Term("years", years[0], years[0], years[1]);
    }

    /** The years of a "nhiệm kỳ" at token {@code at}: the first, and the last (0 when not given); or null. */
    private static int[] years(Lexicon lex, List<Token> tokens, int at) {
        int n = lex.word("term-years", tokens, at);
        if (n <= 0 || at + n >= tokens.size()) return null;
        String y = tokens.get(at + n).text();
        if (!y.matches("(19|20)\\d\\d")) return null;
        int first = Integer.parseInt(y), last = 0;
        int k = at + n + 1;
        if (k + 1 < tokens.size() && (tokens.get(k).text().equals("-") || tokens.get(k).text().equals("–"))
                && tokens.get(k + 1).text().matches("(19|20)\\d\\d")) {
            int end = Integer.parseInt(tokens.get(k + 1).text());
            if (end > first) last = end;
        }
        return new int[] {first, last};
    }

    /** Arabic or Roman numerals: "15", "XIX". */
    static int number(String s) {
        if (s.matches("\\d{1,3}")) return Integer.parseInt(s);
        if (!s.matches("[IVXLC]+")) return 0;
        int total = 0, prev = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'I' -> 1; case 'V' -> 5; case 'X' -> 10; case 'L' -> 50; default -> 100;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }
}
