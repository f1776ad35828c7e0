package org.vietpol.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Vocab;
import org.vietpol.store.GraphStore;
import org.vietpol.store.Tenures;

/** Rebuilding a store: only what changed is redone, removed inputs go with --prune, merged entities stay right. */
class IncrementalBuildTest {
    @TempDir
    Path tmp;

    private static Set<String> secretariesOf(GraphStore gs, String place) {
        String q = "PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                + "PREFIX vp: <https://w3id.org/vietpol/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                + "SELECT DISTINCT ?n { ?m org:member ?p ; org:role vp:Secretary ; org:organization ?o . ?p foaf:name ?n . "
                + "?o vp:jurisdiction ?u . ?u skos:prefLabel '" + place + "'@vi }";
        return Txn.calculateRead(gs.dataset(), () -> {
            Set<String> out = new TreeSet<>();
            try (QueryExecution qe = QueryExecution.create(q, DatasetFactory.wrap(gs.dataset()))) {
                qe.execSelect().forEachRemaining(s -> out.add(s.getLiteral("n").getString()));
            }
            return out;
        });
    }

    /**
     * The merged graph holds exactly the statements the article graphs make (evidence mentions and content hashes
     * aside) and the article counts: nothing an article no longer states, nothing missing, no stale count.
     */
    static void assertMergedGraphInStep(GraphStore gs) {
        Txn.executeRead(gs.dataset(), () -> {
            Set<Triple> expected = new HashSet<>(), merged = new HashSet<>();
            Map<Node, Set<Node>> articlesStating = new HashMap<>();
            gs.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                String g = q.getGraph().getURI();
                // the tenures and stated dates derived from the articles are checked against a fresh build's instead
                if (g.equals(ArticleGraph.MERGED)) {
                    if (!Tenures.isDerived(q.asTriple())) merged.add(q.asTriple());
                }
                else if (ArticleGraph.isArticleGraph(q.getGraph()) && ArticleGraph.merges(q.getSubject(), q.getPredicate())) {
                    expected.add(q.asTriple());
                    if (q.getPredicate().equals(Vocab.DERIVED_FROM)) {
                        articlesStating.computeIfAbsent(q.getSubject(), k -> new HashSet<>()).add(q.getObject());
                    }
                }
            });
            // each position, meeting and document carries the number of articles stating it
            articlesStating.forEach((s, articles) -> expected.add(ArticleGraph.articleCount(s, articles.size()).asTriple()));
            assertFalse(expected.isEmpty());
            // each cited document, the number of places citing it
            Map<Node, Integer> places = new HashMap<>();
            for (Triple t : expected) if (t.getPredicate().equals(Vocab.CITED_FROM)) places.merge(t.getSubject(), 1, Integer::sum);
            assertFalse(places.isEmpty());
            places.forEach((doc, n) -> expected.add(Triple.create(doc, Vocab.CITED_PLACE_COUNT,
                    org.apache.jena.graph.NodeFactory.createLiteralDT(n.toString(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))));
            Set<String> tallied = talliesIn(merged);
            assertFalse(tallied.isEmpty());
            assertEquals(talliesFrom(expected), tallied, "the meeting tallies");
            Set<Node> tallies = new HashSet<>();
            for (Triple t : merged)
                if (t.getPredicate().equals(Vocab.TALLY_OF) || t.getObject().equals(Vocab.DAY_TALLY)
                        || t.getObject().equals(Vocab.CITATION_TALLY)) tallies.add(t.getSubject());
            merged.removeIf(t -> tallies.contains(t.getSubject()));
            Set<Triple> missing = new HashSet<>(expected);
            missing.removeAll(merged);
            Set<Triple> stale = new HashSet<>(merged);
            stale.removeAll(expected);
            assertEquals(Set.of(), missing, "stated by an article, missing from the merged graph");
            assertEquals(Set.of(), stale, "in the merged graph, stated by no article");
        });
    }

    /**
     * The tallies as "organizer year count", "person part organizer count latest", "day D meetings documents
     * articles" and "cited-from places documents" lines, read off the tally nodes.
     */
    private static Set<String> talliesIn(Set<Triple> merged) {
        Map<Node, Map<Node, Node>> bySubject = new HashMap<>();
        for (Triple t : merged) bySubject.computeIfAbsent(t.getSubject(), k -> new HashMap<>()).put(t.getPredicate(), t.getObject());
        Set<String> out = new TreeSet<>();
        bySubject.values().forEach(p -> {
            if (Vocab.DAY_TALLY.equals(p.get(Vocab.TYPE))) {
                out.add("day " + p.get(Vocab.DAY).getLiteralLexicalForm() + " " + lexical(p.get(Vocab.MEETINGS_HELD)) + " "
                        + lexical(p.get(Vocab.DOCUMENTS_ISSUED)) + " " + lexical(p.get(Vocab.ARTICLES_PUBLISHED)));
                return;
            }
            if (Vocab.CITATION_TALLY.equals(p.get(Vocab.TYPE))) {
                out.add("cited-from " + lexical(p.get(Vocab.PLACE_COUNT)) + " " + lexical(p.get(Vocab.DOCUMENTS_CITED)));
                return;
            }
            if (!p.containsKey(Vocab.TALLY_OF)) return;
            String n = p.get(Vocab.MEETING_COUNT).getLiteralLexicalForm();
            if (p.get(Vocab.TYPE).equals(Vocab.MEETING_TALLY))
                out.add(p.get(Vocab.TALLY_OF) + " " + (p.containsKey(Vocab.YEAR) ? p.get(Vocab.YEAR).getLiteralLexicalForm() : "-") + " " + n);
            else
                out.add(p.get(Vocab.TALLY_OF) + " " + p.get(Vocab.PART) + " " + p.get(Vocab.TALLY_ORGANIZER) + " " + n + " "
                        + (p.containsKey(Vocab.LATEST_DATE) ? p.get(Vocab.LATEST_DATE).getLiteralLexicalForm() : "-"));
        });
        return out;
    }

    private static String lexical(Node n) {
        return n == null ? "0" : n.getLiteralLexicalForm();
    }

    /** The same lines counted from the statements themselves. */
    private static Set<String> talliesFrom(Set<Triple> statements) {
        Map<Node, Set<Node>> organizers = new HashMap<>(), dates = new HashMap<>(), articles = new HashMap<>(), issued = new HashMap<>();
        Map<List<Node>, Set<Node>> participants = new HashMap<>(); // [meeting, part] -> persons
        for (Triple t : statements) {
            Node p = t.getPredicate();
            Map<Node, Set<Node>> into = p.equals(Vocab.ORGANIZER) ? organizers : p.equals(Vocab.DATE) ? dates
                    : p.equals(Vocab.DERIVED_FROM) ? articles : p.equals(Vocab.ISSUED) ? issued : null;
            if (into != null) into.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
            if (p.equals(Vocab.CHAIR) || p.equals(Vocab.ATTENDEE))
                participants.computeIfAbsent(List.of(t.getSubject(), p), k -> new HashSet<>()).add(t.getObject());
        }
        Map<String, Integer> meetings = new HashMap<>();
        organizers.forEach((m, os) -> {
            Set<String> years = new HashSet<>();
            dates.getOrDefault(m, Set.of()).forEach(d -> years.add(d.getLiteralLexicalForm().substring(0, 4)));
            if (years.isEmpty())
                articles.getOrDefault(m, Set.of()).forEach(a -> issued.getOrDefault(a, Set.of())
                        .forEach(d -> years.add(d.getLiteralLexicalForm().substring(0, 4))));
            if (years.isEmpty()) years.add("-");
            for (Node o : os) for (String y : years) meetings.merge(o + " " + y, 1, Integer::sum);
        });
        Map<String, Integer> parts = new HashMap<>();
        Map<String, String> latest = new HashMap<>();
        participants.forEach((mp, persons) -> {
            Node m = mp.get(0);
            String last = dates.getOrDefault(m, Set.of()).stream().map(Node::getLiteralLexicalForm).max(String::compareTo).orElse(null);
            for (Node person : persons)
                for (Node o : organizers.getOrDefault(m, Set.of())) {
                    String key = person + " " + mp.get(1) + " " + o;
                    parts.merge(key, 1, Integer::sum);
                    if (last != null) latest.merge(key, last, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
        });
        Set<String> out = new TreeSet<>();
        meetings.forEach((k, n) -> out.add(k + " " + n));
        parts.forEach((k, n) -> out.add(k + " " + n + " " + latest.getOrDefault(k, "-")));
        // per day: meetings held (dated meetings), documents issued (what has a number), articles published
        Set<Node> meetingNodes = new HashSet<>(), documents = new HashSet<>(), newsArticles = new HashSet<>();
        Map<Node, Integer> placesOf = new HashMap<>();
        for (Triple t : statements) {
            if (t.getPredicate().equals(Vocab.TYPE) && t.getObject().equals(Vocab.MEETING)) meetingNodes.add(t.getSubject());
            if (t.getPredicate().equals(Vocab.TYPE) && t.getObject().equals(Vocab.NEWS_ARTICLE)) newsArticles.add(t.getSubject());
            if (t.getPredicate().equals(Vocab.DOCUMENT_NUMBER)) documents.add(t.getSubject());
            if (t.getPredicate().equals(Vocab.CITED_FROM)) placesOf.merge(t.getSubject(), 1, Integer::sum);
        }
        Map<String, int[]> days = new TreeMap<>();
        dates.forEach((m, ds) -> {
            if (meetingNodes.contains(m)) ds.forEach(d -> days.computeIfAbsent(d.getLiteralLexicalForm(), k -> new int[3])[0]++);
        });
        issued.forEach((s, ds) -> ds.forEach(d -> {
            if (documents.contains(s)) days.computeIfAbsent(d.getLiteralLexicalForm(), k -> new int[3])[1]++;
            else if (newsArticles.contains(s)) days.computeIfAbsent(d.getLiteralLexicalForm(), k -> new int[3])[2]++;
        }));
        days.forEach((d, n) -> out.add("day " + d + " " + n[0] + " " + n[1] + " " + n[2]));
        Map<Integer, Integer> cited = new TreeMap<>();
        placesOf.values().forEach(n -> cited.merge(n, 1, Integer::sum));
        cited.forEach((places, n) -> out.add("cited-from " + places + " " + n));
        return out;
    }

    @Test
    void onlyTheChangedArticleIsRebuiltAndPruneRemovesWhatIsGone() throws Exception {
        Path in = copyOfTheSeeds();
        Path storeDir = tmp.resolve("store");
        try (GraphStore gs = GraphStore.open(storeDir)) {
            BuildReport first = Build.create().build().run(List.of(in), gs);
            assertEquals(5, first.articlesLoaded());
            assertEquals(Set.of("Đinh Tiến Dũng"), secretariesOf(gs, "Hà Nội"));
            assertMergedGraphInStep(gs);
            long quads = gs.quadCount();
            assertEquals(quads, first.quads(), "a build into an empty store reports the store's size");
            assertTrue(first.summary().contains("quads: " + quads), first.summary());

            BuildReport again = Build.create().build().run(List.of(in), gs);
            assertEquals(0, again.articlesLoaded(), "nothing changed, nothing redone");
            assertEquals(quads, gs.quadCount());
            // an incremental build does not walk the whole quad index to count the store
            assertEquals(-1, again.quads());
            assertFalse(again.summary().contains("quads:"), again.summary());

            // a new article into a store holding others: the positions it shares with them are counted again
            Files.copy(in.resolve("000_c9986b01fe566dcc.txt"), in.resolve("copy_of_hue.txt"));
            assertEquals(1, Build.create().build().run(List.of(in), gs).articlesLoaded());
            assertMergedGraphInStep(gs);
            Files.delete(in.resolve("copy_of_hue.txt"));
            Build.create().prune(true).build().run(List.of(in), gs);
            assertMergedGraphInStep(gs);
            assertEquals(quads, gs.quadCount(), "added and pruned again: the store as it was");

            Path hn = in.resolve("001_4637516c40e19d0c.txt");
            Files.writeString(hn, Files.readString(hn).replace("Đinh Tiến Dũng", "Trần Sỹ Thanh"));
            BuildReport changed = Build.create().build().run(List.of(in), gs);
            assertEquals(1, changed.articlesLoaded(), "only the edited article");
            assertEquals(Set.of("Trần Sỹ Thanh"), secretariesOf(gs, "Hà Nội"), "the old fact went with the old graph");
            assertEquals(Set.of("Phan Thiên Định"), secretariesOf(gs, "Huế"));
            assertMergedGraphInStep(gs);

            Files.delete(in.resolve("002_3a90effac3ee2126.txt"));
            Build.create().build().run(List.of(in), gs);
            assertTrue(graphExists(gs, "002_3a90effac3ee2126"), "without --prune a removed input stays");
            Build.create().prune(true).build().run(List.of(in), gs);
            assertFalse(graphExists(gs, "002_3a90effac3ee2126"), "--prune removes it");
            assertEquals(Set.of("Phan Thiên Định"), secretariesOf(gs, "Huế"), "still stated by the other Huế article");
            assertMergedGraphInStep(gs);
        }
    }

    @Test
    void aDuplicateIdIsReportedAndTheLaterArticleWins() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a")), b = Files.createDirectories(tmp.resolve("b"));
        Files.copy(Path.of("seeds/001_4637516c40e19d0c.txt"), a.resolve("x.txt"));
        Files.writeString(b.resolve("x.txt"), Files.readString(Path.of("seeds/001_4637516c40e19d0c.txt"))
                .replace("Đinh Tiến Dũng", "Trần Sỹ Thanh"));
        try (GraphStore gs = GraphStore.open(tmp.resolve("store"))) {
            BuildReport r = Build.create().build().run(List.of(a, b), gs);
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("article id x appears in")), r.warnings().toString());
            assertEquals(Set.of("Trần Sỹ Thanh"), secretariesOf(gs, "Hà Nội"));
            assertMergedGraphInStep(gs);

            // the later file made the same as the earlier: the store must take its text, whichever hash it had
            Files.copy(a.resolve("x.txt"), b.resolve("x.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(1, Build.create().build().run(List.of(a, b), gs).articlesLoaded());
            assertEquals(Set.of("Đinh Tiến Dũng"), secretariesOf(gs, "Hà Nội"));
            assertMergedGraphInStep(gs);
        }
    }

    @Test
    void theFileManifestSparesReadingUnchangedFilesButNeverHidesAStoreChangedOtherwise() throws Exception {
        Path in = copyOfTheSeeds();
        Path storeDir = tmp.resolve("store");
        Path manifest = storeDir.resolve("vietpol-files.tsv");
        try (GraphStore gs = GraphStore.open(storeDir)) {
            assertEquals(5, Build.create().build().run(List.of(in), gs).articlesLoaded());
            assertTrue(Files.isRegularFile(manifest));
            BuildReport again = Build.create().build().run(List.of(in), gs);
            assertEquals(0, again.articlesLoaded());
            assertTrue(again.warnings().stream().anyMatch(w -> w.contains("(5 unchanged files not read)")), again.warnings().toString());

            // an article graph dropped between builds by other means: the next build loads it again
            String hue = "https://w3id.org/vietpol/id/article/000_c9986b01fe566dcc";
            Txn.executeWrite(gs.dataset(), () -> org.apache.jena.update.UpdateAction.parseExecute("DROP GRAPH <" + hue + ">", gs.dataset()));
            assertFalse(graphExists(gs, "000_c9986b01fe566dcc"));
            assertEquals(1, Build.create().build().run(List.of(in), gs).articlesLoaded(), "the dropped article");
            assertTrue(graphExists(gs, "000_c9986b01fe566dcc"));
            assertMergedGraphInStep(gs);

            // a build killed before it wrote the manifest leaves none: the next one reads every file, loads nothing
            Files.delete(manifest);
            BuildReport afterKill = Build.create().build().run(List.of(in), gs);
            assertEquals(5, afterKill.articlesRead());
            assertEquals(0, afterKill.articlesLoaded());
            assertTrue(Files.isRegularFile(manifest));
        }
    }

    @Test
    void aFileWithAProblemIsReadAgainAndItsProblemToldAgain() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("seeds/001_4637516c40e19d0c.txt"), in.resolve("good.txt"));
        Files.writeString(in.resolve("batch.jsonl"), "{\"id\": \"a\", \"text\": \"Tiêu đề\\nNội dung một.\"}\n{broken\n");
        try (GraphStore gs = GraphStore.open(tmp.resolve("store"))) {
            BuildReport first = Build.create().build().run(List.of(in), gs);
            assertEquals(2, first.articlesLoaded());
            assertEquals(1, first.skipped().size(), first.skipped().toString());
            BuildReport again = Build.create().build().run(List.of(in), gs);
            assertEquals(0, again.articlesLoaded());
            assertEquals(first.skipped().toString(), again.skipped().toString(), "told again");
            assertTrue(again.warnings().stream().anyMatch(w -> w.contains("(1 unchanged files not read)")), again.warnings().toString());
        }
    }

    /**
     * --prune keeps the last good version of an article whose input failed this time: a JSON Lines record that no
     * longer parses is known by the ids the manifest listed for its file, not by the file's name.
     */
    @Test
    void pruneKeepsTheLastGoodVersionOfAJsonLinesRecordThatFailed() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String hanoi = Files.readString(Path.of("seeds/001_4637516c40e19d0c.txt"));
        String record = "{\"id\": \"hn\", \"title\": \"Hà Nội\", \"published\": \"2024-01-02\", \"text\": "
                + org.apache.jena.atlas.json.JSON.buildObject(b -> b.pair("t", hanoi)).get("t").toString() + "}";
        Path lines = in.resolve("batch.jsonl");
        Files.writeString(lines, "{\"id\": \"a\", \"text\": \"Tiêu đề\\nNội dung một.\"}\n" + record + "\n");
        try (GraphStore gs = GraphStore.open(tmp.resolve("store"))) {
            assertEquals(2, Build.create().build().run(List.of(in), gs).articlesLoaded());
            assertTrue(graphExists(gs, "hn"));
            Set<String> before = secretariesOf(gs, "Hà Nội");
            assertFalse(before.isEmpty());
            // the record is broken now: read again, it fails; pruning must not take its last good version
            Files.writeString(lines, "{\"id\": \"a\", \"text\": \"Tiêu đề\\nNội dung một.\"}\n" + record.substring(0, 40) + "\n");
            BuildReport pruned = Build.create().prune(true).build().run(List.of(in), gs);
            assertEquals(1, pruned.skipped().size(), pruned.skipped().toString());
            assertTrue(graphExists(gs, "hn"), "the failed record's last good version stays");
            assertTrue(graphExists(gs, "a"));
            assertEquals(before, secretariesOf(gs, "Hà Nội"));
            assertMergedGraphInStep(gs);
            // and stays on the next build too (the manifest still lists it with the file)
            Build.create().prune(true).build().run(List.of(in), gs);
            assertTrue(graphExists(gs, "hn"));
            // once the record is gone from the file, --prune removes it
            Files.writeString(lines, "{\"id\": \"a\", \"text\": \"Tiêu đề\\nNội dung một.\"}\n");
            Build.create().prune(true).build().run(List.of(in), gs);
            assertFalse(graphExists(gs, "hn"));
        }
    }

    /**
     * Tenures are derived for the posts an incremental build touches: after articles are added to a store that holds
     * others (the bulk loader), edited (replaced graph by graph) and pruned, the store's tenures are a fresh build's.
     */
    @Test
    void anIncrementalBuildDerivesTheTenuresAFreshBuildDerives() throws Exception {
        Path in = copyOfTheSeeds();
        Path posts = Path.of("src/test/resources/posts-over-time");
        Files.copy(posts.resolve("posts-2022-quang-ninh-hoi-nghi-tinh-uy.txt"), in.resolve("posts-2022.txt"));
        Files.copy(posts.resolve("posts-2024-quang-ninh-tan-bi-thu.txt"), in.resolve("posts-2024.txt"));
        try (GraphStore gs = GraphStore.open(tmp.resolve("store"))) {
            Build.create().build().run(List.of(in), gs);
            // new articles into a store holding others: the 2020 election, and a slice of the corpus
            Files.copy(posts.resolve("posts-2020-quang-ninh-bau-bi-thu.txt"), in.resolve("posts-2020.txt"));
            try (var files = Files.list(Path.of("src/test/resources/corpus/dev"))) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("[1-5]\\d\\d_.*\\.txt")).sorted().toList())
                    Files.copy(f, in.resolve(f.getFileName()));
            }
            Build.create().build().run(List.of(in), gs);
            // an edited article: the 2022 article now states the secretary's successor instead
            Path y2022 = in.resolve("posts-2022.txt");
            Files.writeString(y2022, Files.readString(y2022).replace("Nguyễn Văn An", "Trần Minh Bình"));
            Build.create().build().run(List.of(in), gs);
            // and a pruned one
            Files.delete(in.resolve("posts-2024.txt"));
            Build.create().prune(true).build().run(List.of(in), gs);
            assertMergedGraphInStep(gs);
            Set<Triple> incremental = derived(gs);
            try (GraphStore fresh = GraphStore.open(tmp.resolve("fresh"))) {
                Build.create().build().run(List.of(in), fresh);
                Set<Triple> expected = derived(fresh);
                assertTrue(expected.stream().filter(t -> t.getObject().equals(Vocab.TENURE)).count() > 20, "tenures of many posts");
                assertEquals(expected, incremental);
            }
        }
    }

    private static Set<Triple> derived(GraphStore gs) {
        return Txn.calculateRead(gs.dataset(), () -> {
            Set<Triple> out = new HashSet<>();
            gs.dataset().find(ArticleGraph.MERGED_NODE, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (Tenures.isDerived(q.asTriple())) out.add(q.asTriple());
            });
            return out;
        });
    }

    /** A folder holding a copy of the five seed articles, to edit. */
    private Path copyOfTheSeeds() throws java.io.IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path f : files.toList()) Files.copy(f, in.resolve(f.getFileName()));
        }
        return in;
    }

    private static boolean graphExists(GraphStore gs, String id) {
        org.apache.jena.graph.Node g = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/vietpol/id/article/" + id);
        return Txn.calculateRead(gs.dataset(), () -> gs.dataset().find(g, org.apache.jena.graph.Node.ANY,
                org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY).hasNext());
    }
}
