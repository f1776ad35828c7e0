package org.vietpol.article;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.vietpol.article.BadInputCorpus.Case;
import org.vietpol.article.BadInputCorpus.Expect;
import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.graph.Iris;
import org.vietpol.graph.Vocab;
import org.vietpol.store.GraphStore;

/**
 * Bad input is named with its path (and line, for JSON Lines) and a reason, and skipped; the rest is read and
 * built, and what a store already held stays. No case may throw.
 */
@Tag("slow")
class BadInputCorpusTest {
    private static final String EARLIER_SEED = "000_c9986b01fe566dcc.txt";
    private static final String GOOD_SEED = "001_4637516c40e19d0c.txt";

    @TempDir
    static Path root;
    private static BadInputCorpus corpus;

    @BeforeAll
    static void writeCorpus() throws IOException {
        corpus = BadInputCorpus.write(root.resolve("corpus"));
    }

    @Test
    void theCorpusHasAtLeastTwentyCases() {
        assertTrue(corpus.cases.size() >= 20, corpus.cases.toString());
    }

    @TestFactory
    Stream<DynamicTest> eachCaseIsReadOrSkippedWithItsPathLineAndReason() {
        return corpus.cases.stream().map(c -> dynamicTest(c.file(), () -> check(c)));
    }

    private static void check(Case c) {
        Path file = corpus.path(c);
        CollectingSink sink = new CollectingSink();
        assertDoesNotThrow(() -> ArticleSources.read(List.of(file), sink));
        List<Expect> reads = c.expects().stream().filter(Expect::isRead).toList();
        assertEquals(reads.stream().map(Expect::id).toList(), sink.articles.stream().map(Article::id).toList(),
                c + ": articles; problems " + sink.problems);
        for (int i = 0; i < reads.size(); i++) reads.get(i).check().accept(sink.articles.get(i));
        List<Expect> skips = c.expects().stream().filter(e -> !e.isRead()).toList();
        assertEquals(skips.size(), sink.problems.size(), c + ": " + sink.problems);
        for (Expect e : skips) {
            assertTrue(sink.problems.stream().anyMatch(p -> matches(p, file, e)),
                    c + ": expected line " + e.line() + " '" + e.reason() + "', got " + sink.problems);
        }
    }

    private static boolean matches(InputProblem p, Path file, Expect e) {
        return p.source().equals(file.toString()) && p.line() == e.line() && p.reason().contains(e.reason());
    }

    @Test
    void aGuessedEncodingIsNotedNotSkipped() {
        for (String[] c : new String[][] {{"tcvn3.txt", "TCVN3"}, {"vni.txt", "VNI"},
                {"windows-1258.txt", "Windows-1258"}, {"tcvn3-page.html", "TCVN3"},
                {"utf16le-no-bom.txt", "UTF-16LE"}, {"utf16le-page.html", "UTF-16LE"}}) {
            CollectingSink sink = new CollectingSink();
            ArticleSources.read(List.of(corpus.dir.resolve(c[0])), sink);
            assertEquals(1, sink.notes.size(), c[0]);
            assertTrue(sink.notes.get(0).reason().startsWith("read as " + c[1]), sink.notes.toString());
        }
        CollectingSink utf8 = new CollectingSink();
        ArticleSources.read(List.of(corpus.dir.resolve("utf8-bom.txt"), corpus.dir.resolve("windows-1258-page.html")),
                utf8);
        assertEquals(List.of(), utf8.notes);
    }

    @Test
    void aFailureOfTheSinkIsNotBlamedOnTheFile() {
        RuntimeException storeDown = new IllegalStateException("store is down");
        ArticleSink failing = new ArticleSink() {
            @Override
            public void article(Article article) {
                throw storeDown;
            }

            @Override
            public void problem(InputProblem problem) {}
        };
        RuntimeException thrown = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> ArticleSources.read(List.of(corpus.dir.resolve("utf8-bom.txt")), failing));
        assertEquals(storeDown, thrown);
    }

    @Test
    void anArticleNamingTenThousandPeopleIsBuilt() {
        BuildReport r = Build.create().build().run(List.of(corpus.dir.resolve("people.txt")), GraphStore.inMemory());
        assertEquals(List.of(), r.skipped());
        assertEquals(1, r.articlesLoaded());
        assertEquals(BadInputCorpus.PEOPLE, r.persons());
        assertEquals(BadInputCorpus.PEOPLE, r.positions());
    }

    @Test
    void aDuplicateIdIsReportedAndTheLaterRecordWins() {
        Path file = corpus.dir.resolve("duplicate.jsonl");
        GraphStore store = GraphStore.inMemory();
        BuildReport r = Build.create().build().run(List.of(file), store);
        assertEquals(2, r.articlesRead());
        assertEquals(List.of("article id " + BadInputCorpus.DUPLICATE_ID + " appears in " + file + ":1 and " + file
                + ":2; the later one replaces the earlier"), r.warnings());
        assertEquals(List.of("Bản sau"), titles(store.dataset(), BadInputCorpus.DUPLICATE_ID));
    }

    /**
     * All cases in one build, with a good article, into a store that already holds an article: the good and the
     * readable ones are loaded, each bad one is named with its reason, and the earlier article is still there.
     */
    @Test
    void everythingBuiltTogetherSkipsTheBadLoadsTheRestAndLosesNothing() throws IOException {
        Path storeDir = root.resolve("store");
        Path earlier = Files.createDirectories(root.resolve("earlier"));
        Files.copy(BadInputCorpus.seed(EARLIER_SEED), earlier.resolve(EARLIER_SEED));
        Path good = Files.createDirectories(root.resolve("good"));
        Files.copy(BadInputCorpus.seed(GOOD_SEED), good.resolve(GOOD_SEED));
        try (GraphStore store = GraphStore.open(storeDir)) {
            assertEquals(1, Build.create().build().run(List.of(earlier), store).articlesLoaded());
        }

        try (GraphStore store = GraphStore.open(storeDir)) {
            BuildReport r = assertDoesNotThrow(() -> Build.create().build().run(List.of(corpus.dir, good), store));
            Set<String> graphs = graphs(store.dataset());
            assertTrue(graphs.contains(Iris.article(id(EARLIER_SEED))), "the earlier article was lost");
            assertTrue(graphs.contains(Iris.article(id(GOOD_SEED))), r.summary());

            List<String> missing = new ArrayList<>();
            int problems = 0;
            for (Case c : corpus.cases) {
                for (Expect e : c.expects()) {
                    if (e.isRead()) {
                        if (!graphs.contains(Iris.article(e.id()))) missing.add(c + ": article " + e.id());
                    } else {
                        problems++;
                        if (r.skipped().stream().noneMatch(p -> matches(p, corpus.path(c), e))) {
                            missing.add(c + ": '" + e.reason() + "'");
                        }
                    }
                }
            }
            assertEquals(List.of(), missing, r.summary());
            assertEquals(problems, r.skipped().size(), r.summary());
            assertEquals(List.of("Bản sau"), titles(store.dataset(), BadInputCorpus.DUPLICATE_ID));
            assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("article id " + BadInputCorpus.DUPLICATE_ID)),
                    r.warnings().toString());
        }
    }

    private static String id(String seedFile) {
        return seedFile.substring(0, seedFile.lastIndexOf('.'));
    }

    private static Set<String> graphs(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Set<String> out = new HashSet<>();
            dsg.listGraphNodes().forEachRemaining(n -> out.add(n.getURI()));
            return out;
        });
    }

    private static List<String> titles(DatasetGraph dsg, String id) {
        Node g = Vocab.uri(Iris.article(id));
        return Txn.calculateRead(dsg, () -> {
            List<String> out = new ArrayList<>();
            dsg.find(g, g, Vocab.TITLE, Node.ANY).forEachRemaining(q -> out.add(q.getObject().getLiteralLexicalForm()));
            return out;
        });
    }
}
