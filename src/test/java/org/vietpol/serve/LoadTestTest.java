package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.build.Build;
import org.vietpol.query.NamedQueries;
import org.vietpol.query.NamedQuery;
import org.vietpol.query.Param;
import org.vietpol.store.GraphStore;

/** The load test against a real server on the seed store, and its refusal of anything but loopback. */
class LoadTestTest {

    @TempDir
    Path storeDir;

    @Test
    void fiveClientsForThreeSecondsOnTheSeedStoreGetAnswersAndNoErrors() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("seeds")) && Files.isDirectory(Path.of(NamedQueries.DIRECTORY)),
                "run from the project directory");
        List<NamedQuery> queries = NamedQueries.defaults().all().stream().filter(q -> !q.needsInternet()).toList();
        try (GraphStore gs = GraphStore.open(storeDir)) {
            Build.create().build().run(List.of(Path.of("seeds")), gs);
            SparqlServer server = SparqlServer.create().dataset(gs.dataset()).port(0).queries(queries).build().start();
            try {
                LoadTest.Result r = LoadTest.create().endpoint(URI.create(server.url())).clients(5)
                        .duration(Duration.ofSeconds(3)).queries(queries).build().run();
                assertEquals(0, r.errors(), r::report);
                assertTrue(r.queries() > 0, r::report);
                assertEquals(queries.size(), r.perQuery().size(), "every query ran at least once: " + r.perQuery());
                String last = r.report().strip().lines().reduce((a, b) -> b).orElse("");
                assertEquals(r.summaryLine(), last);
                assertTrue(last.matches("load-test: clients=5 seconds=3 queries=\\d+ qps=[0-9.]+ p50_ms=[0-9.]+ "
                        + "p95_ms=[0-9.]+ p99_ms=[0-9.]+ errors=0"), last);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void onlyLoopbackAddressesAreAccepted() {
        assertEquals(URI.create("http://127.0.0.1:3030/vietpol/sparql"),
                LoadTest.loopbackEndpoint(URI.create("http://localhost:3030/")));
        assertEquals(URI.create("http://127.0.0.1:3030/vietpol/query"),
                LoadTest.loopbackEndpoint(URI.create("http://127.0.0.1:3030/vietpol/query")));
        assertEquals(URI.create("http://[0:0:0:0:0:0:0:1]:8080/vietpol/sparql"),
                LoadTest.loopbackEndpoint(URI.create("http://[::1]:8080")));
        for (String url : List.of("http://192.0.2.1:3030/vietpol/sparql", "http://10.0.0.1/",
                "https://192.168.1.1/sparql", "http://0.0.0.0:3030/", "ftp://127.0.0.1/", "file:///tmp/x",
                "http:///vietpol/sparql"))
            assertThrows(IllegalArgumentException.class, () -> LoadTest.create().endpoint(URI.create(url)), url);
    }

    @Test
    void queriesThatNeedTheInternetAreRefusedAndRequiredParametersGetSamples() {
        NamedQuery remote = new NamedQuery("remote", "Remote", "Remote?", List.of(),
                "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }");
        assertThrows(IllegalArgumentException.class, () -> LoadTest.create().queries(List.of(remote)));
        NamedQuery city = new NamedQuery("city", "City", "Which city?",
                List.of(new Param("city", Param.Type.STRING, false, ""), new Param("year", Param.Type.INTEGER, true, "")),
                "SELECT * WHERE { ?x ?p ?city . OPTIONAL { ?x ?q ?year } }");
        String bound = LoadTest.bindSample(city).toString();
        assertTrue(bound.contains("\"Huế\""), bound);
        assertTrue(bound.contains("?year"), bound);
    }

    @Test
    void percentilesAreNearestRank() {
        long[] ms = {1_000_000, 2_000_000, 3_000_000, 4_000_000, 100_000_000};
        assertEquals(3.0, LoadTest.Result.percentile(ms, 50));
        assertEquals(100.0, LoadTest.Result.percentile(ms, 95));
        assertEquals(0.0, LoadTest.Result.percentile(new long[0], 99));
    }
}
