package org.vietpol.extract;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Annotator;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.Span;
import org.vietpol.extract.doc.Token;

/**
 * The pattern finder for numbers: document numbers ("06-NQ/TU", "98/2023/QH15", "759/QĐ-TTg"), bare numbers
 * ("31", "1667/2025"), numerals standing alone ("12", "XIX") and terms of office ("khóa XIX", "nhiệm kỳ
 * 2020 - 2025").
 */
final class NumberAnnotator implements Annotator {
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}/-])(\\d{1,5}[a-z]?(?:/\\d{4})?(?:[-/][\\p{Lu}][\\p{L}\\p{N}]*"
            // "06 - CT/TW", "45 /NQ-HĐND": a code of capitals after a spaced separator, as pages sometimes print it
            + "|\\s?[-/]\\s?(?=\\p{Lu}{2})[\\p{Lu}][\\p{L}\\p{N}]*)(?:[-/][\\p{Lu}][\\p{L}\\p{N}]*)*)(?![\\p{L}\\p{N}])");
    private static final Pattern BARE = Pattern.compile("(?<![\\p{L}\\p{N}/.,-])(\\d{1,5}(?:/\\d{4})?)(?![\\p{L}\\p{N}]|[/-]\\p{L}|[/.,-]\\d)");
    private static final Layer<Layers.Sense> TERM_NUMBER = Layers.sense("term-number"), TERM_YEARS = Layers.sense("term-years");
    static final Layer<String> NUMERAL = Layer.span("numeral", String.class);
    static final Layer<String> TERM = Layer.span("term", String.class);

    private final Lexicon lex;

    NumberAnnotator(Lexicon lex) {
        this.lex = lex;
    }

    @Override public String name() { return "numbers"; }
    @Override public Set<Layer<?>> requires() { return Set.of(TERM_NUMBER, TERM_YEARS); }
    @Override public Set<Layer<?>> provides() { return Set.of(Layers.DOC_NUMBER, Layers.BARE_NUMBER, NUMERAL, TERM); }

    @Override
    public void annotate(AnnotatedDocument doc) {
        List<Token> tokens = doc.tokens();
        String text = doc.text();
        for (Span<AnnotatedDocument.Sentence> s : doc.sentences()) {
            int from = doc.charStart(s.from()), to = doc.charEnd(s.to());
            if (!DateFinder.hasDigit(text, from, to)) {
                romans(doc, s);
                continue;
            }
            // every number starts with a digit token: try the patterns only there
            Matcher m = NUMBER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            Matcher b = BARE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            int numberEnd = -1, bareEnd = -1;
            for (int i = s.from(); i < s.to(); i++) {
                Token t = tokens.get(i);
                if (!Character.isDigit(t.text().charAt(0))) continue;
                if (t.start() >= numberEnd && m.region(t.start(), to).lookingAt()) {
                    String number = m.group(1).replaceAll("\\s+", "");
                    numberEnd = m.end(1);
                    int[] r = tokenRange(tokens, s, m.start(1), m.end(1));
                    if (r != null) doc.add(Layers.DOC_NUMBER, r[0], r[1], new Layers.DocNumber(number, codeType(number)));
                }
                if (t.start() >= bareEnd && b.region(t.start(), to).lookingAt()) {
                    bareEnd = b.end(1);
                    int[] r = tokenRange(tokens, s, b.start(1), b.end(1));
                    if (r != null) doc.add(Layers.BARE_NUMBER, r[0], r[1], b.group(1));
                }
            }
            for (int i = s.from(); i < s.to(); i++) if (tokens.get(i).digits()) doc.add(NUMERAL, i, i + 1, tokens.get(i).text());
            romans(doc, s);
        }
        terms(doc);
    }

    private static void romans(AnnotatedDocument doc, Span<AnnotatedDocument.Sentence> s) {
        for (int i = s.from(); i < s.to(); i++) {
            Token t = doc.tokens().get(i);
            if (t.word() && roman(t.text())) doc.add(NUMERAL, i, i + 1, t.text());
        }
    }

    private static boolean roman(String s) {
        for (int i = 0; i < s.length(); i++) if ("IVXLC".indexOf(s.charAt(i)) < 0) return false;
        return true;
    }

    /** "khóa XIX", "khoá 15", "nhiệm kỳ 2020 - 2025", "nhiệm kỳ 2020-2025". */
    private static void terms(AnnotatedDocument doc) {
        List<Token> tokens = doc.tokens();
        for (Span<Layers.Sense> w : doc.spans(TERM_NUMBER)) {
            int j = w.to();
            if (j < doc.sentenceAt(w.from()).to() && !doc.startingAt(NUMERAL, j).isEmpty()) doc.add(TERM, w.from(), j + 1, tokens.get(j).text());
        }
        for (Span<Layers.Sense> w : doc.spans(TERM_YEARS)) {
            int end = doc.sentenceAt(w.from()).to(), j = w.to();
            if (j < end && tokens.get(j).text().matches("(19|20)\\d\\d")) {
                int k = j + 1;
                if (k + 1 < end + 1 && k < end && (tokens.get(k).text().equals("-") || tokens.get(k).text().equals("–"))
                        && k + 1 < end && tokens.get(k + 1).text().matches("(19|20)\\d\\d")) k += 2;
                doc.add(TERM, w.from(), k, tokens.get(j).text());
            }
        }
    }

    private static int[] tokenRange(List<Token> tokens, Span<AnnotatedDocument.Sentence> s, int start, int end) {
        int a = -1, b = -1;
        for (int i = s.from(); i < s.to(); i++) {
            Token t = tokens.get(i);
            if (a < 0 && t.start() >= start) a = i;
            if (t.end() <= end) b = i + 1;
        }
        return a < 0 || b <= a ? null : new int[] {a, b};
    }

    private String codeType(String number) {
        for (String part : number.split("[-/]")) {
            String t = lex.docCodes.get(part);
            if (t != null) return t;
        }
        return null;
    }
}
