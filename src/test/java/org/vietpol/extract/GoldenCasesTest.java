package org.vietpol.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vietpol.article.Article;
import org.vietpol.article.ArticleSink;
import org.vietpol.article.ArticleSources;
import org.vietpol.article.InputProblem;
import org.vietpol.eval.Gold;
import org.vietpol.eval.Scorer;
import org.vietpol.graph.GraphMapper;

/**
 * The golden cases ({@code src/test/resources/cases/NAME/article.txt} and {@code expected.json}, gold in the
 * contract's format): one construction of real news each, read by the whole extractor, mapped to RDF and scored
 * with the project's scorer. Every case must come out exactly as its gold says, and every rule of the grammar
 * must fire in at least one case.
 */
class GoldenCasesTest {
    private static final Path CASES = Path.of("src/test/resources/cases");
    private static final Extractor EXTRACTOR = Extractor.create().build();

    private static final Map<String, Gold> GOLD = new LinkedHashMap<>();
    private static final Map<String, Map<String, Scorer.Score>> SCORES = new LinkedHashMap<>();
    private static final Set<String> FIRED = new TreeSet<>();

    @BeforeAll
    static void runAllCases() throws IOException {
        GraphMapper mapper = new GraphMapper(EXTRACTOR.lexicon(), EXTRACTOR.gazetteer());
        List<Path> dirs;
        try (Stream<Path> s = Files.list(CASES)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            Gold gold = Gold.read(dir.resolve("expected.json"));
            if (!gold.id().equals(name)) throw new IOException(dir.resolve("expected.json") + ": id must be the case name " + name);
            GOLD.put(name, gold);
            Article a = read(dir.resolve("article.txt"), name);
            Extraction x = EXTRACTOR.extract(a);
            FIRED.addAll(x.rulesFired());
            dsg.executeWrite(() -> {
                for (Quad q : mapper.map(x).quads()) dsg.add(q);
            });
        }
        for (Gold g : GOLD.values()) SCORES.put(g.id(), Scorer.score(dsg, List.of(g)));
    }

    /** The case's article as the tool reads a .txt file, under the case's name. */
    private static Article read(Path file, String name) {
        List<Article> out = new ArrayList<>();
        ArticleSources.read(List.of(file), new ArticleSink() {
            @Override public void article(Article a) { out.add(a); }
            @Override public void problem(InputProblem p) { throw new IllegalStateException(p.toString()); }
        });
        Article a = out.get(0);
        return new Article(name, a.source(), a.url(), a.title(), a.published(), a.text(), a.bylines());
    }

    @Test
    void thereAreEnoughCases() {
        assertTrue(GOLD.size() >= 150, () -> "only " + GOLD.size() + " golden cases");
    }

    @Test
    void everyCaseComesOutAsItsGoldSays() {
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, Map<String, Scorer.Score>> e : SCORES.entrySet()) {
            StringBuilder why = new StringBuilder();
            for (Scorer.Score s : e.getValue().values()) {
                for (String m : s.missed()) why.append("\n    missed   ").append(s.category()).append(' ').append(m);
                for (String m : s.spurious()) why.append("\n    spurious ").append(s.category()).append(' ').append(m);
            }
            if (why.length() > 0) failed.add(e.getKey() + why);
        }
        assertTrue(failed.isEmpty(), () -> failed.size() + " of " + SCORES.size() + " cases fail:\n  " + String.join("\n  ", failed));
    }

    @Test
    void everyRuleFiresInSomeCase() {
        List<String> unfired = new ArrayList<>(EXTRACTOR.rules());
        unfired.removeAll(FIRED);
        assertTrue(unfired.isEmpty(), () -> "rules no case fires: " + unfired);
    }
}
