package org.vietpol.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.system.Txn;
import org.vietpol.article.Article;
import org.vietpol.article.ArticleSink;
import org.vietpol.article.ArticleSources;
import org.vietpol.article.InputProblem;
import org.vietpol.extract.Extraction;
import org.vietpol.extract.Extractor;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.GraphMapper;
import org.vietpol.graph.ShapesValidator;
import org.vietpol.store.GraphStore;

/**
 * The main job: read inputs, extract, map to RDF, validate each article's graph, load into a store.
 * A bad input or an article whose graph fails validation is reported and skipped; the rest is built.
 * Loading is in batches, each one write transaction that replaces the articles' named graphs.
 */
public final class Build {
    private final Extractor extractor;
    private final GraphMapper mapper;
    private final ShapesValidator validator;
    private final int batchSize;
    private final Consumer<String> progress;

    private Build(Builder b) {
        this.extractor = b.extractor != null ? b.extractor : Extractor.create().build();
        this.mapper = new GraphMapper(extractor.lexicon(), extractor.gazetteer());
        this.validator = b.validate ? ShapesValidator.defaults() : null;
        this.batchSize = b.batchSize;
        this.progress = b.progress;
    }

    public static Builder create() {
        return new Builder();
    }

    public BuildReport run(List<Path> inputs, GraphStore store) {
        long t0 = System.nanoTime();
        store.loadOntology();
        List<InputProblem> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> sourceOfId = new HashMap<>();
        Map<String, ArticleGraph> batch = new LinkedHashMap<>();
        int[] read = {0}, loaded = {0};

        ArticleSources.read(inputs, new ArticleSink() {
            @Override
            public void article(Article a) {
                read[0]++;
                progress.accept(a.id());
                ArticleGraph g;
                try {
                    Extraction x = extractor.extract(a);
                    g = mapper.map(x);
                } catch (RuntimeException e) {
                    skipped.add(new InputProblem(a.source(), 0, "could not be processed: " + e));
                    return;
                }
                if (validator != null) {
                    List<String> v = validator.violations(g);
                    if (!v.isEmpty()) {
                        skipped.add(new InputProblem(a.source(), 0, "its graph fails the SHACL shapes: "
                                + String.join("; ", v.subList(0, Math.min(3, v.size())))));
                        return;
                    }
                }
                String previous = sourceOfId.put(a.id(), a.source());
                if (previous != null) {
                    warnings.add("article id " + a.id() + " appears in " + previous + " and " + a.source()
                            + "; the later one replaces the earlier");
                }
                if (batch.put(a.id(), g) == null) loaded[0]++;
                if (batch.size() >= batchSize) flush(store, batch);
            }

            @Override
            public void problem(InputProblem p) {
                skipped.add(p);
            }
        });
        flush(store, batch);
        Map<String, Long> counts = counts(store.dataset());
        return new BuildReport(read[0], loaded[0], skipped, warnings, counts.get("persons"), counts.get("orgs"),
                counts.get("positions"), counts.get("meetings"), counts.get("documents"), store.quadCount(),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private static void flush(GraphStore store, Map<String, ArticleGraph> batch) {
        if (batch.isEmpty()) return;
        store.replace(batch.values());
        batch.clear();
    }

    private static final String COUNTS = String.join("\n",
            "PREFIX vp: <https://w3id.org/vietpol/ontology#>",
            "PREFIX org: <http://www.w3.org/ns/org#>",
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
            "SELECT",
            " (COUNT(DISTINCT ?p) AS ?persons) (COUNT(DISTINCT ?o) AS ?orgs) (COUNT(DISTINCT ?m) AS ?positions)",
            " (COUNT(DISTINCT ?e) AS ?meetings) (COUNT(DISTINCT ?d) AS ?documents)",
            "WHERE { { ?p a vp:Person } UNION { ?o vp:jurisdiction ?u } UNION { ?m a org:Membership }",
            " UNION { ?e a vp:Meeting } UNION { ?d vp:documentNumber ?n } }");

    static Map<String, Long> counts(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            DatasetGraph union = DatasetGraphFactory.wrap(dsg.getUnionGraph());
            try (QueryExecution qe = QueryExecution.create(COUNTS, DatasetFactory.wrap(union))) {
                ResultSet rs = qe.execSelect();
                QuerySolution s = rs.next();
                Map<String, Long> m = new HashMap<>();
                for (String v : List.of("persons", "orgs", "positions", "meetings", "documents")) {
                    m.put(v, s.getLiteral(v).getLong());
                }
                return m;
            }
        });
    }

    public static final class Builder {
        private Extractor extractor;
        private boolean validate = true;
        private int batchSize = 500;
        private Consumer<String> progress = id -> {};

        public Builder extractor(Extractor extractor) {
            this.extractor = extractor;
            return this;
        }

        /** Validate each article graph with the SHACL shapes (default on). */
        public Builder validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive");
            this.batchSize = batchSize;
            return this;
        }

        /** Called with each article id as it is read. */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        public Build build() {
            return new Build(this);
        }
    }
}
