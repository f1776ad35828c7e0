package org.vietpol.extract;

import org.vietpol.extract.doc.PhraseTable;
import org.vietpol.extract.doc.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Terms of office written after titles and bodies ("khóa XIX", "nhiệm kỳ 2020-2025"): a title marked with an
 * earlier term than the latest one the article gives for the same body family and place is a former title
 * ("Phó Bí thư Tỉnh ủy khóa XVIII" in a report on the XIX congress).
 */
public final class Terms {
    /** A term: a numbered "khóa" or the first year of a "nhiệm kỳ". */
    public record Term(String kind, int value) {}

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

    /** The term written right after token {@code at}: "khóa XIX", "khóa 15", "nhiệm kỳ 2020 - 2025"; or null. */
    static Term after(Lexicon lex, List<Token> tokens, int at) {
        int n = lex.word("term-number", tokens, at);
        if (n > 0 && at + n < tokens.size()) {
            int v = number(tokens.get(at + n).text());
            return v > 0 ? new Term("number", v) : null;
        }
        n = lex.word("term-years", tokens, at);
        if (n > 0 && at + n < tokens.size()) {
            String y = tokens.get(at + n).text();
            if (y.matches("(19|20)\\d\\d")) return new Term("years", Integer.parseInt(y));
        }
        return null;
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
