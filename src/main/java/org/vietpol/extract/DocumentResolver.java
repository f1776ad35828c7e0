package org.vietpol.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Annotator;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.Span;
import org.vietpol.extract.doc.Token;
import org.vietpol.extract.doc.Tokenizer;

/**
 * Turns the document mentions of an article into documents: the date written right after the number
 * ("Nghị quyết số 06-NQ/TU ngày 2/12/2022"), the issuer ("... của Bộ Chính trị" after it, "X ban hành ..." before
 * it, else the number's series: issuers.tsv), and bare numbers: the same document as a full number cited in the
 * article ("Nghị quyết 98" after "Nghị quyết 98/2023/QH15"), completed where the series allows ("Nghị quyết 31
 * của Bộ Chính trị": 31-NQ/TW), else kept as written.
 */
final class DocumentResolver implements Annotator {
    private static final Layer<Layers.Sense> OF = Layers.sense("of"), ISSUE = Layers.sense("issue-verb");

    private final Lexicon lex;
    private final Gazetteer gaz;

    DocumentResolver(Lexicon lex, Gazetteer gaz) {
        this.lex = lex;
        this.gaz = gaz;
    }

    @Override public String name() { return "documents"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Layers.DOCUMENT, Layers.DATE, Layers.BODY, Layers.LOCALITY, Layers.ARTICLE_DATE, OF, ISSUE); }
    @Override public Set<Layer<?>> provides() { return Set.of(Layers.DOCUMENTS); }

    @Override
    public void annotate(AnnotatedDocument doc) {
        Map<String, DocumentFact> found = new LinkedHashMap<>();
        List<Span<Layers.DocumentMention>> mentions = new ArrayList<>(doc.spans(Layers.DOCUMENT));
        // full numbers first, so a bare number finds the full one cited anywhere in the article
        mentions.sort((a, b) -> Boolean.compare(a.value().bare(), b.value().bare()));
        Places places = new Places(lex, gaz, doc.get(Layers.LOCALITY), doc.get(Layers.ARTICLE_DATE));
        for (Span<Layers.DocumentMention> m : mentions) record(doc, m, found, places);
        List<DocumentFact> out = new ArrayList<>(found.values());
        out.sort((a, b) -> Integer.compare(a.mention().start(), b.mention().start()));
        doc.put(Layers.DOCUMENTS, new Layers.Documents(out));
    }

    private void record(AnnotatedDocument doc, Span<Layers.DocumentMention> m, Map<String, DocumentFact> found, Places places) {
        Layers.DocumentMention dm = m.value();
        Span<AnnotatedDocument.Sentence> s = doc.sentenceAt(m.from());
        Span<Layers.DateValue> date = dateAfter(doc, m.to(), s.to());
        int after = date != null ? date.to() : m.to();
        OrgRef issuer = issuerAfter(doc, after, s.to());
        if (issuer == null) issuer = issuerBefore(doc, m.from(), s.from());
        String number = dm.number();
        Lexicon.Issuer series = dm.bare() ? null : lex.issuers.get(suffix(number));
        if (dm.bare()) {
            for (DocumentFact d : found.values()) {
                if (d.type().equals(dm.type()) && (d.number().startsWith(number + "/") || d.number().startsWith(number + "-"))) return;
            }
            String completed = issuer == null ? null : complete(number, dm.type(), issuer);
            if (completed != null) {
                number = completed;
                series = lex.issuers.get(suffix(number));
            }
        }
        if (issuer == null && series != null) issuer = seriesIssuer(series, places);
        boolean central = series != null && series.central();
        int end = date != null ? date.to() : m.to();
        Mention mention = new Mention(doc.charStart(m.from()), doc.charEnd(end), doc.charStart(s.from()), doc.charEnd(s.to()), dm.rule(), dm.confidence());
        // one document per number: a second mention typed otherwise ("Chỉ thị 06-NQ/TU", then "06-NQ/TU" alone) is
        // the same document, of the type first read
        String key = number;
        DocumentFact old = found.get(key);
        LocalDate issued = date == null ? null : date.value().date();
        if (old == null || old.issued() == null && issued != null || old.issuer() == null && issuer != null) {
            found.put(key, new DocumentFact(old == null ? dm.type() : old.type(), number, issued != null ? issued : old == null ? null : old.issued(),
                    issuer != null ? issuer : old == null ? null : old.issuer(), central, old == null ? mention : old.mention()));
        }
    }

    /** ", ngày 2/12/2022", " ban hành ngày ...", "ngày ..." right after the number: a full date only. */
    private static Span<Layers.DateValue> dateAfter(AnnotatedDocument doc, int at, int end) {
        List<Token> t = doc.tokens();
        int k = at;
        if (k < end && t.get(k).text().equals(",")) k++;
        if (k + 1 < end && t.get(k).key().equals("ban") && t.get(k + 1).key().equals("hanh")) k += 2;
        for (int j = k; j <= Math.min(k + 1, end - 1); j++) {
            for (Span<Layers.DateValue> d : doc.startingAt(Layers.DATE, j)) if (d.value().yearGiven()) return d;
        }
        return null;
    }

    /** "... của Bộ Chính trị": the body after "của" within a few words ("khóa XI" may stand between). */
    private static OrgRef issuerAfter(AnnotatedDocument doc, int at, int end) {
        for (int k = at; k < end && k < at + 4; k++) {
            if (doc.at(OF, k) != null) {
                Span<Layers.Body> b = doc.at(Layers.BODY, k + 1);
                return b == null ? null : b.value().org();
            }
        }
        return null;
    }

    /** "BCH Đảng bộ TP Uông Bí đã ban hành Nghị quyết số 06-NQ/TU": the body before "ban hành". */
    private static OrgRef issuerBefore(AnnotatedDocument doc, int at, int sentenceStart) {
        for (int k = at - 1; k >= sentenceStart && k >= at - 6; k--) {
            if (doc.at(ISSUE, k) == null) continue;
            for (Span<Layers.Body> b : doc.within(Layers.BODY, sentenceStart, k)) {
                if (b.to() >= k - 2) return b.value().org();
            }
        }
        return null;
    }

    /** "31" + Resolution + Bộ Chính trị = "31-NQ/TW", for series whose numbers take that form. */
    private String complete(String number, String type, OrgRef issuer) {
        if (!number.matches("\\d+") || !issuer.unit().isCountry()) return null;
        for (Lexicon.Issuer is : lex.issuers.values()) {
            if (!is.bare()) continue;
            for (String body : is.bodies()) {
                Lexicon.Body b = lex.bodies.get(body);
                if (b != null && b.kind().equals(issuer.kind())) {
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

    private static OrgRef seriesIssuer(Lexicon.Issuer series, Places places) {
        for (String body : series.bodies()) {
            List<Token> t = Tokenizer.tokenize(body);
            Places.Parsed p = places.body(t, 0);
            if (p != null && p.end() == t.size()) return p.org();
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
}
