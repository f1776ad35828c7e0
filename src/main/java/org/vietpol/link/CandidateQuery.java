package org.vietpol.link;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.FmtUtils;
import org.vietpol.text.VietText;

/**
 * The query that finds candidates for persons on a Wikidata-shaped SPARQL endpoint, and the reading of its answer.
 * One query asks for several names at once (a VALUES block): people with that Vietnamese label or alias and
 * citizenship Việt Nam (P27 Q881), with their party (P102), positions (P39) and the places those concern.
 */
final class CandidateQuery {
    static final Var NAME = Var.alloc("name"), ITEM = Var.alloc("item"), LABEL = Var.alloc("label"), PARTY = Var.alloc("party"),
            POSITION = Var.alloc("position"), POSITION_LABEL = Var.alloc("positionLabel"), PLACE = Var.alloc("place");
    static final List<Var> VARS = List.of(NAME, ITEM, LABEL, PARTY, POSITION, POSITION_LABEL, PLACE);

    private static final String HEAD = String.join("\n",
            "PREFIX wd: <http://www.wikidata.org/entity/>",
            "PREFIX wdt: <http://www.wikidata.org/prop/direct/>",
            "PREFIX p: <http://www.wikidata.org/prop/>",
            "PREFIX ps: <http://www.wikidata.org/prop/statement/>",
            "PREFIX pq: <http://www.wikidata.org/prop/qualifier/>",
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
            "SELECT DISTINCT ?name ?item ?label ?party ?position ?positionLabel ?place WHERE {",
            "  VALUES ?name {");
    private static final String BODY = String.join("\n",
            "  }",
            "  { ?item rdfs:label ?name } UNION { ?item skos:altLabel ?name }",
            "  ?item wdt:P27 wd:" + ExternalIds.VIET_NAM + " .",
            "  OPTIONAL { ?item rdfs:label ?label . FILTER(LANG(?label) = \"vi\") }",
            "  OPTIONAL { ?item wdt:P102 ?party }",
            "  OPTIONAL {",
            "    ?item p:P39 ?held . ?held ps:P39 ?position .",
            "    OPTIONAL { ?position rdfs:label ?positionLabel . FILTER(LANG(?positionLabel) = \"vi\") }",
            "    OPTIONAL { { ?held pq:P768 ?place } UNION { ?held pq:P1001 ?place } UNION { ?position wdt:P1001 ?place } }",
            "  }",
            "}",
            "");

    private CandidateQuery() {}

    /** The query for these spellings (sorted, so the same names always give the same text and cache key). */
    static String text(Collection<String> spellings) {
        StringBuilder sb = new StringBuilder(HEAD);
        for (String s : new TreeSet<>(spellings)) sb.append("\n    ").append(FmtUtils.stringForNode(NodeFactory.createLiteralLang(s, "vi")));
        return sb.append("\n").append(BODY).toString();
    }

    /** The name, then its other tone-mark spellings ("Hòa" and "Hoà"), which Wikidata labels may use. */
    static List<String> spellings(String name) {
        List<String> out = new ArrayList<>();
        out.add(VietText.clean(name));
        String[] words = out.get(0).split(" ");
        for (int i = 0; i < words.length && out.size() < 8; i++) {
            String alt = otherToneSpelling(words[i]);
            if (alt == null) continue;
            for (String v : List.copyOf(out)) {
                String[] w = v.split(" ");
                w[i] = alt;
                out.add(String.join(" ", w));
            }
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /**
     * The syllable with its tone mark on the other vowel of a final "oa", "oe" or "uy" (old and new placement:
     * "Hòa"/"Hoà", "Thủy"/"Thuỷ"), or null when the placement is fixed ("Quý", "Hoàng").
     */
    static String otherToneSpelling(String word) {
        String d = Normalizer.normalize(word, Normalizer.Form.NFD);
        int tonePos = -1;
        for (int i = 0; i < d.length(); i++) if (isTone(d.charAt(i))) tonePos = i;
        if (tonePos < 1) return null;
        char tone = d.charAt(tonePos);
        String bare = d.substring(0, tonePos) + d.substring(tonePos + 1);
        String lower = bare.toLowerCase(Locale.ROOT);
        int n = lower.length();
        if (n < 2) return null;
        String end = lower.substring(n - 2);
        if (!end.equals("oa") && !end.equals("oe") && !end.equals("uy")) return null;
        if (end.equals("uy") && n >= 3 && lower.charAt(n - 3) == 'q') return null; // "qu" + y: the tone is on y
        int carrier = tonePos - 1;
        while (carrier > 0 && Character.getType(bare.charAt(carrier)) == Character.NON_SPACING_MARK) carrier--;
        int target = carrier == n - 2 ? n - 1 : carrier == n - 1 ? n - 2 : -1;
        if (target < 0) return null;
        return Normalizer.normalize(bare.substring(0, target + 1) + tone + bare.substring(target + 1), Normalizer.Form.NFC);
    }

    private static boolean isTone(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0309' || c == '\u0303' || c == '\u0323';
    }

    /** The rows of a SPARQL JSON answer. */
    static List<Binding> rows(byte[] json) {
        List<Binding> out = new ArrayList<>();
        RowSet rs = RowSet.adapt(ResultSetMgr.read(new ByteArrayInputStream(json), ResultSetLang.RS_JSON));
        while (rs.hasNext()) out.add(rs.next());
        return out;
    }

    /** These rows as a SPARQL JSON answer (what the endpoint would have sent for them alone). */
    static byte[] json(List<Binding> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetMgr.write(out, ResultSet.adapt(RowSetStream.create(VARS, rows.iterator())), ResultSetLang.RS_JSON);
        return out.toByteArray();
    }

    /** The rows whose ?name is one of these spellings. */
    static List<Binding> rowsFor(List<Binding> rows, Collection<String> spellings) {
        Set<String> wanted = new java.util.HashSet<>(spellings);
        List<Binding> out = new ArrayList<>();
        for (Binding b : rows) {
            Node n = b.get(NAME);
            if (n != null && n.isLiteral() && wanted.contains(VietText.nfc(n.getLiteralLexicalForm()))) out.add(b);
        }
        return out;
    }

    /** The candidates in these rows, one per item, in order of first appearance. */
    static List<Candidate> candidates(List<Binding> rows) {
        Map<String, Acc> byQid = new LinkedHashMap<>();
        for (Binding b : rows) {
            String qid = qid(b.get(ITEM));
            if (qid == null) continue;
            Acc a = byQid.computeIfAbsent(qid, Acc::new);
            Node label = b.get(LABEL);
            if (label != null && label.isLiteral() && a.label == null) a.label = label.getLiteralLexicalForm();
            String party = qid(b.get(PARTY));
            if (party != null) a.parties.add(party);
            String position = qid(b.get(POSITION));
            if (position != null) {
                Acc.Pos p = a.positions.computeIfAbsent(position, k -> new Acc.Pos());
                Node pl = b.get(POSITION_LABEL);
                if (pl != null && pl.isLiteral() && p.label == null) p.label = pl.getLiteralLexicalForm();
                String place = qid(b.get(PLACE));
                if (place != null) p.places.add(place);
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (Acc a : byQid.values()) {
            List<Candidate.Position> ps = new ArrayList<>();
            a.positions.forEach((q, p) -> ps.add(new Candidate.Position(q, p.label, p.places)));
            out.add(new Candidate(a.qid, a.label, a.parties, ps));
        }
        return out;
    }

    private static String qid(Node n) {
        return n != null && n.isURI() ? ExternalIds.qidOfIri(n.getURI()) : null;
    }

    private static final class Acc {
        final String qid;
        String label;
        final Set<String> parties = new TreeSet<>();
        final Map<String, Pos> positions = new LinkedHashMap<>();

        Acc(String qid) {
            this.qid = qid;
        }

        static final class Pos {
            String label;
            final Set<String> places = new TreeSet<>();
        }
    }
}
