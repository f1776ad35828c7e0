package org.vietpol.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.resolve.Decisions;
import org.vietpol.resolve.Resolution;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Lists the pairs of persons of one name that the last build could neither join nor tell apart",
                "(skos:closeMatch in the resolution graph), the most evidence first: each side's names, posts and",
                "articles, then a line to paste into the decisions file once 'same|different' is replaced by the",
                "judgement. Pairs the decisions file already settles are left out."})
final class ReviewCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Mixin
    DecisionsOption decisions;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N pairs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One side of a pair: a person with what the store says of it. */
    record Side(String iri, String name, List<String> others, List<String> posts, List<String> articles) {}

    record Pair(Side a, Side b, double score, String why) {
        int evidence() {
            return a.articles().size() + b.articles().size() + a.posts().size() + b.posts().size();
        }
    }

    private static final String PREFIXES = String.join("\n",
            "PREFIX vp: <https://w3id.org/vietpol/ontology#>", "PREFIX foaf: <http://xmlns.com/foaf/0.1/>",
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>", "PREFIX org: <http://www.w3.org/ns/org#>",
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>", "PREFIX dcterms: <http://purl.org/dc/terms/>", "");

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(store.store)) throw new Main.UserError("no store at " + store.store + ": run 'vietpol build' first");
        Decisions d = decisions.read();
        List<Pair> pairs;
        try (GraphStore gs = GraphStore.open(store.store)) {
            pairs = Txn.calculateRead(gs.dataset(), () -> read(gs, d));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + pairs.size() + " open pairs of same-name persons" + (pairs.size() > limit ? ", the first " + limit : "")
                + "; decisions file: " + (decisions.used() == null ? "none (" + DecisionsOption.DEFAULT + " when present)" : decisions.used()));
        int n = 0;
        for (Pair p : pairs) {
            if (n++ >= limit) break;
            out.printf("%n# %d. %s / %s, score %s: %s%n", n, p.a().name(), p.b().name(), p.score(), p.why());
            for (Side s : List.of(p.a(), p.b())) {
                out.println("#   " + s.iri() + (s.others().isEmpty() ? "" : "  (also written " + String.join(", ", s.others()) + ")"));
                for (String post : s.posts()) out.println("#     " + post);
                out.println("#     articles: " + String.join(", ", s.articles()));
            }
            out.println(p.a().iri() + "\t" + p.b().iri() + "\tsame|different");
        }
        out.flush();
        return Main.OK;
    }

    private static List<Pair> read(GraphStore gs, Decisions d) {
        List<Pair> out = new ArrayList<>();
        Map<String, Side> sides = new LinkedHashMap<>();
        String q = PREFIXES + "SELECT ?a ?b ?score ?why { GRAPH <" + Resolution.GRAPH + "> { ?l a vp:Link ; vp:subject ?a ;"
                + " vp:target ?b ; vp:relation skos:closeMatch ; vp:score ?score OPTIONAL { ?l rdfs:comment ?why } } }";
        for (QuerySolution s : select(gs, q)) {
            String a = s.getResource("a").getURI(), b = s.getResource("b").getURI();
            if (d.of(a, b) != null) continue;
            Side x = sides.computeIfAbsent(a, k -> side(gs, k)), y = sides.computeIfAbsent(b, k -> side(gs, k));
            if (x == null || y == null) continue; // a person no article names any more
            out.add(new Pair(x, y, s.getLiteral("score").getDouble(), s.contains("why") ? s.getLiteral("why").getString() : ""));
        }
        out.sort((p, r) -> {
            int c = Integer.compare(r.evidence(), p.evidence());
            if (c == 0) c = Double.compare(r.score(), p.score());
            if (c == 0) c = p.a().iri().compareTo(r.a().iri());
            return c != 0 ? c : p.b().iri().compareTo(r.b().iri());
        });
        return out;
    }

    private static Side side(GraphStore gs, String iri) {
        String p = "<" + iri + ">";
        String name = null;
        TreeSet<String> others = new TreeSet<>(), posts = new TreeSet<>(), articles = new TreeSet<>();
        for (QuerySolution s : select(gs, PREFIXES + "SELECT ?n { GRAPH <" + ArticleGraph.MERGED + "> { " + p + " foaf:name ?n } }")) {
            name = s.getLiteral("n").getString();
        }
        if (name == null) return null;
        for (QuerySolution s : select(gs, PREFIXES + "SELECT ?n { GRAPH <" + ArticleGraph.MERGED + "> { " + p + " skos:altLabel ?n } }")) {
            if (!s.getLiteral("n").getString().equals(name)) others.add(s.getLiteral("n").getString());
        }
        for (QuerySolution s : select(gs, PREFIXES + "SELECT ?role ?rl ?ol ?first ?last { GRAPH <" + ArticleGraph.MERGED + "> {"
                + " ?m org:member " + p + " ; org:role ?role ; org:organization ?o . OPTIONAL { ?o skos:prefLabel ?ol FILTER(lang(?ol) = 'vi') }"
                + " OPTIONAL { ?m vp:firstStated ?first } OPTIONAL { ?m vp:lastStated ?last } }"
                + " OPTIONAL { ?role rdfs:label ?rl FILTER(lang(?rl) = 'vi') } }")) {
            String role = s.contains("rl") ? s.getLiteral("rl").getString() : s.getResource("role").getLocalName();
            String org = s.contains("ol") ? s.getLiteral("ol").getString() : "?";
            String when = s.contains("first") ? " (" + s.getLiteral("first").getLexicalForm()
                    + (s.contains("last") && !s.getLiteral("last").getLexicalForm().equals(s.getLiteral("first").getLexicalForm())
                    ? " to " + s.getLiteral("last").getLexicalForm() : "") + ")" : "";
            posts.add(role + ", " + org + when);
        }
        for (QuerySolution s : select(gs, PREFIXES + "SELECT ?id { GRAPH ?g { " + p + " a vp:Person . ?g dcterms:identifier ?id } }")) {
            articles.add(s.getLiteral("id").getString());
        }
        return new Side(iri, name, List.copyOf(others), List.copyOf(posts), List.copyOf(articles));
    }

    private static List<QuerySolution> select(GraphStore gs, String query) {
        List<QuerySolution> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.create(query, DatasetFactory.wrap(gs.dataset()))) {
            qe.execSelect().forEachRemaining(out::add);
        }
        return out;
    }
}
