package org.vietpol.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documents cited by number: "Nghị quyết số 06-NQ/TU ngày 2/12/2022", "Chỉ thị 05-CT/TW, ngày 15/5/2016 của Bộ
 * Chính trị", "Nghị quyết 98/2023/QH15", and bare numbers with their issuer ("Nghị quyết 31 của Bộ Chính trị",
 * completed to "31-NQ/TW" where the series allows). The type comes from the word before the number, else from
 * the code inside it; the issuer from "của ..." after it, "X ban hành ..." before it, or the number's suffix.
 * Stateful per article: create one per article.
 */
final class DocumentFinder {
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}/-])(\\d{1,5}[a-z]?(?:/\\d{4})?(?:[-/][\\p{Lu}][\\p{L}\\p{N}]*)+)(?![\\p{L}\\p{N}])");
    private static final Pattern BARE = Pattern.compile("(?<![\\p{L}\\p{N}/-])(\\d{1,4})(?![\\p{L}\\p{N}/-])");
    private static final Pattern DATE_AFTER = Pattern.compile("^\\s*,?\\s*(?:(?i:ban hành )?(?i:ngày)\\s+)?");

    private final Lexicon lex;
    private final Places places;
    private final Unit locality;
    private final Map<String, DocumentFact> found = new LinkedHashMap<>();

    DocumentFinder(Lexicon lex, Places places, Unit locality) {
        this.lex = lex;
        this.places = places;
        this.locality = locality;
    }

    /** Finds the documents of a sentence; returns the dates that belong to them (not to a meeting). */
    List<DateFinder.Found> find(String text, Sentences.Span span, List<Token> tokens) {
        List<DateFinder.Found> used = new ArrayList<>();
        if (!DateFinder.hasDigit(text, span.start(), span.end())) return used; // every number needs a digit
        String sentence = text.substring(span.start(), span.end());
        Matcher m = DateFinder.matcher(NUMBER, sentence);
        for (int at = 0; DateFinder.find(m, sentence, at, DateFinder.DIGIT); at = m.end()) {
            int s = span.start() + m.start(1), e = span.start() + m.end(1);
            String number = m.group(1);
            String code = typeCode(number);
            String type = typeBefore(tokens, s);
            if (type == null) type = code;
            if (type == null) continue; // a code we do not know, or not a document at all
            record(text, span, tokens, s, e, number, type, false, used);
        }
        Matcher b = DateFinder.matcher(BARE, sentence);
        for (int at = 0; DateFinder.find(b, sentence, at, DateFinder.DIGIT); at = b.end()) {
            int s = span.start() + b.start(1), e = span.start() + b.end(1);
            String type = typeBefore(tokens, s);
            if (type == null) continue;
            record(text, span, tokens, s, e, b.group(1), type, true, used);
        }
        return used;
    }

    private void record(String text, Sentences.Span span, List<Token> tokens, int s, int e, String number, String type,
                        boolean bare, List<DateFinder.Found> used) {
        int after = indexAfter(tokens, e);
        LocalDate date = null;
        int dateEnd = e;
        Matcher lead = DATE_AFTER.matcher(text).region(e, span.end());
        if (lead.lookingAt()) {
            for (DateFinder.Found f : DateFinder.find(text, lead.end(), Math.min(span.end(), lead.end() + 24))) {
                if (f.start() == lead.end()) {
                    date = f.date();
                    dateEnd = f.end();
                    used.add(f);
                }
                break;
            }
        }
        OrgRef issuer = issuerAfter(tokens, indexAfter(tokens, dateEnd));
        if (issuer == null) issuer = issuerBefore(tokens, s);
        String suffix = suffix(number);
        Lexicon.Issuer series = bare ? null : lex.issuers.get(suffix);
        if (bare) {
            DocumentFact full = fullFor(number, type);
            if (full != null) return; // "Nghị quyết 98 của Quốc hội" after "Nghị quyết 98/2023/QH15"
            if (issuer == null) return; // a bare number with nobody named is too weak to keep
            String completed = complete(number, type, issuer);
            if (completed == null) return;
            number = completed;
            series = lex.issuers.get(suffix(number));
        }
        if (issuer == null && series != null) issuer = seriesIssuer(series);
        boolean central = series != null && series.central();
        Mention mention = new Mention(s, Math.max(e, dateEnd), span.start(), span.end(), bare ? "document-bare-number" : "document-number");
        String key = type + "|" + number;
        DocumentFact old = found.get(key);
        if (old == null || old.issued() == null && date != null || old.issuer() == null && issuer != null) {
            found.put(key, new DocumentFact(type, number,
                    date != null ? date : old == null ? null : old.issued(),
                    issuer != null ? issuer : old == null ? null : old.issuer(), central,
                    old == null ? mention : old.mention()));
        }
    }

    /** The article's documents in the order the text first cites them. */
    List<DocumentFact> result() {
        List<DocumentFact> out = new ArrayList<>(found.values());
        out.sort((a, b) -> Integer.compare(a.mention().start(), b.mention().start()));
        return out;
    }

    private DocumentFact fullFor(String bare, String type) {
        for (DocumentFact d : found.values()) {
            if (d.type().equals(type) && (d.number().startsWith(bare + "/") || d.number().startsWith(bare + "-"))) return d;
        }
        return null;
    }

    /** "31" + Resolution + Bộ Chính trị = "31-NQ/TW", for series whose numbers take that form. */
    private String complete(String number, String type, OrgRef issuer) {
        for (Lexicon.Issuer is : lex.issuers.values()) {
            if (!is.bare()) continue;
            for (String body : is.bodies()) {
                Lexicon.Body b = lex.bodies.get(body);
                if (b != null && b.kind().equals(issuer.kind()) && issuer.unit().isCountry()) {
                    String code = codeOf(type);
                    return code == null ? null : number + "-" + code + "/" + is.suffix();
                }
            }
        }
        return null;
    }

    private String codeOf(String type) {
        return lex.docCodes.entrySet().stream().filter(e -> e.getValue().equals(type))
                .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    private OrgRef seriesIssuer(Lexicon.Issuer series) {
        for (String body : series.bodies()) {
            List<Token> t = Tokenizer.tokenize(body);
            Places.Parsed p = places.body(t, 0);
            if (p != null && p.end() == t.size()) return p.org();
        }
        return null;
    }

    /** The type word right before the number, allowing "số" between: "Nghị quyết số 06-NQ/TU". */
    private String typeBefore(List<Token> tokens, int charStart) {
        int i = indexAt(tokens, charStart);
        if (i < 0) return null;
        int k = i;
        if (k > 0 && lex.word("number-word", tokens, k - 1) == 1) k--;
        for (int len = 1; len <= 4 && k - len >= 0; len++) {
            PhraseTable.Match<String> m = lex.docWords.longest(tokens, k - len);
            if (m != null && m.length() == len) return m.value();
        }
        return null;
    }

    private String typeCode(String number) {
        for (String part : number.split("[-/]")) {
            String t = lex.docCodes.get(part);
            if (t != null) return t;
        }
        return null;
    }

    private static String suffix(String number) {
        String[] parts = number.split("/");
        String last = parts[parts.length - 1];
        int dash = last.indexOf('-');
        // "NQ-HĐND" names the issuer after the dash; "NĐ-CP" too
        return dash >= 0 ? last.substring(dash + 1) : last;
    }

    private OrgRef issuerAfter(List<Token> tokens, int i) {
        // skip "khóa XI" and the like between the number and "của"
        for (int k = i; k < tokens.size() && k < i + 4; k++) {
            if (lex.word("of", tokens, k) > 0) {
                Places.Parsed p = places.body(tokens, k + 1);
                return p == null ? null : p.org();
            }
        }
        return null;
    }

    /** "BCH Đảng bộ TP Uông Bí đã ban hành Nghị quyết số 06-NQ/TU": the body before "ban hành". */
    private OrgRef issuerBefore(List<Token> tokens, int charStart) {
        int i = indexAt(tokens, charStart);
        for (int k = i - 1; k >= 1 && k >= i - 6; k--) {
            if (lex.word("issue-verb", tokens, k - 1) == 2) {
                for (int from = 0; from < k - 1; from++) {
                    Places.Parsed p = places.body(tokens, from);
                    if (p != null && p.end() >= k - 3 && p.end() <= k - 1) return p.org();
                }
            }
        }
        return null;
    }

    private static int indexAt(List<Token> tokens, int charStart) {
        for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).start() == charStart) return i;
        return -1;
    }

    private static int indexAfter(List<Token> tokens, int charEnd) {
        for (int i = 0; i < tokens.size(); i++) if (tokens.get(i).start() >= charEnd) return i;
        return tokens.size();
    }
}
