package org.vietpol.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.vietpol.text.VietText;

/**
 * Scores person resolution against the resolution set: groups of articles ("cases", one folder each with a
 * {@code gold.json}) whose gold says which written names are one real person. A mention is (article, full name as
 * written); the graph's person for it is the person the article mentions ({@code schema:mentions}) whose
 * {@code foaf:name} or {@code skos:altLabel} is that name (exactly as written, else with the other tone-mark
 * placement). Pairwise precision and recall over the mentions of each case, micro-averaged over the cases: a pair
 * put in one person wrongly costs precision, a pair kept apart wrongly costs recall, and a mention the graph does
 * not have at all stands alone.
 */
public final class ResolutionScorer {
    /** One case's gold: its folder and, per gold person, the mentions. */
    public record Case(String id, Path dir, Map<String, List<Mention>> clusters) {}

    public record Mention(String article, String name) {
        @Override public String toString() { return name + " (" + article + ")"; }
    }

    /** Pair counts, with the pairs behind the errors ("merged" and "split"). */
    public record Score(long truePairs, long falseMerges, long falseSplits, int mentions, int found,
                        List<String> errors) {
        public double precision() { return truePairs + falseMerges == 0 ? 1 : (double) truePairs / (truePairs + falseMerges); }
        public double recall() { return truePairs + falseSplits == 0 ? 1 : (double) truePairs / (truePairs + falseSplits); }
        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Score o) {
            List<String> e = new ArrayList<>(errors);
            e.addAll(o.errors);
            return new Score(truePairs + o.truePairs, falseMerges + o.falseMerges, falseSplits + o.falseSplits,
                    mentions + o.mentions, found + o.found, e);
        }

        static final Score NONE = new Score(0, 0, 0, 0, 0, List.of());
    }

    private static final String PERSONS = String.join("\n",
            "PREFIX vp: <https://w3id.org/vietpol/ontology#>",
            "PREFIX foaf: <http://xmlns.com/foaf/0.1/>",
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
            "PREFIX dcterms: <http://purl.org/dc/terms/>",
            "PREFIX schema: <https://schema.org/>",
            "SELECT DISTINCT ?id ?p ?name WHERE {",
            "  ?p a vp:Person . { ?p foaf:name ?name } UNION { ?p skos:altLabel ?name }",
            "  ?a schema:mentions ?p ; dcterms:identifier ?id .",
            "}");

    private ResolutionScorer() {}

    /** The cases under {@code root}: every folder holding a {@code gold.json}, in name order. */
    public static List<Case> readCases(Path root) throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("gold.json"))).sorted().toList()) {
                out.add(readCase(d));
            }
        }
        if (out.isEmpty()) throw new IOException(root + ": no case folders with a gold.json");
        return out;
    }

    static Case readCase(Path dir) throws IOException {
        Path file = dir.resolve("gold.json");
        JsonObject o;
        try (InputStream in = Files.newInputStream(file)) {
            o = JSON.parse(in);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonValue cl = o.get("clusters");
        if (cl == null || !cl.isArray()) throw new IOException(file + ": no \"clusters\" array");
        Map<String, List<Mention>> clusters = new java.util.LinkedHashMap<>();
        Map<Mention, String> seen = new HashMap<>();
        for (JsonValue c : cl.getAsArray()) {
            String person = string(c, "person", file);
            List<Mention> ms = new ArrayList<>();
            JsonValue mv = c.getAsObject().get("mentions");
            if (mv == null || !mv.isArray()) throw new IOException(file + ": person " + person + " has no \"mentions\" array");
            for (JsonValue m : mv.getAsArray()) {
                Mention x = new Mention(string(m, "article", file), VietText.clean(string(m, "name", file)));
                String other = seen.put(x, person);
                if (other != null) throw new IOException(file + ": " + x + " is in two persons, " + other + " and " + person);
                ms.add(x);
            }
            if (clusters.put(person, ms) != null) throw new IOException(file + ": person " + person + " twice");
        }
        return new Case(dir.getFileName().toString(), dir, clusters);
    }

    private static String string(JsonValue v, String key, Path file) throws IOException {
        JsonValue x = v.isObject() ? v.getAsObject().get(key) : null;
        if (x == null || !x.isString()) throw new IOException(file + ": \"" + key + "\" must be a string in " + v);
        return x.getAsString().value();
    }

    /** Scores one case against a graph built from its articles. */
    public static Score score(DatasetGraph dsg, Case c) {
        // article id -> written name (exact, then tone-insensitive key) -> person IRIs
        Map<String, Map<String, List<String>>> exact = new HashMap<>(), loose = new HashMap<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.create(PERSONS, DatasetFactory.wrap(Scorer.readView(dsg)))) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    String id = s.getLiteral("id").getString(), p = s.getResource("p").getURI();
                    String name = VietText.clean(s.getLiteral("name").getString());
                    exact.computeIfAbsent(id, k -> new HashMap<>()).computeIfAbsent(name, k -> new ArrayList<>()).add(p);
                    loose.computeIfAbsent(id, k -> new HashMap<>()).computeIfAbsent(VietText.key(name), k -> new ArrayList<>()).add(p);
                }
            }
        });
        List<Mention> all = new ArrayList<>();
        List<String> gold = new ArrayList<>(), got = new ArrayList<>();
        int found = 0;
        for (var e : c.clusters().entrySet()) {
            for (Mention m : e.getValue()) {
                List<String> ps = exact.getOrDefault(m.article(), Map.of()).get(m.name());
                if (ps == null) ps = loose.getOrDefault(m.article(), Map.of()).get(VietText.key(m.name()));
                all.add(m);
                gold.add(e.getKey());
                // one written name for two persons in one article: the mention is ambiguous, counted apart
                if (ps != null && ps.stream().distinct().count() == 1) {
                    got.add(ps.get(0));
                    found++;
                } else {
                    got.add(null);
                }
            }
        }
        long tp = 0, fp = 0, fn = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                boolean same = gold.get(i).equals(gold.get(j));
                boolean put = got.get(i) != null && got.get(i).equals(got.get(j));
                if (same && put) tp++;
                else if (put) {
                    fp++;
                    errors.add(c.id() + " merged " + all.get(i) + " and " + all.get(j));
                } else if (same) {
                    fn++;
                    errors.add(c.id() + " split " + all.get(i) + " and " + all.get(j)
                            + (got.get(i) == null || got.get(j) == null ? " (not found in the graph)" : ""));
                }
            }
        }
        return new Score(tp, fp, fn, all.size(), found, errors);
    }

    /** Micro-average over cases. */
    public static Score total(List<Score> scores) {
        Score t = Score.NONE;
        for (Score s : scores) t = t.plus(s);
        return t;
    }
}
