package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.query.NamedQueries;
import org.vietpol.query.NamedQuery;
import org.vietpol.query.Param;

/** The project's own named queries, as listed on the queries page, run through their links. */
class ProjectQueriesServingTest {

    @TempDir
    Path storeDir;

    @Test
    void everyQueryNeedingNoValueRunsFromItsQueriesPageLink() throws Exception {
        Path dir = Path.of(NamedQueries.DIRECTORY);
        assumeTrue(Files.isDirectory(dir), "run from the project directory");
        // queries that ask a remote endpoint (SERVICE) cannot run here: no internet in tests
        List<NamedQuery> queries = NamedQueries.fromDirectory(dir).stream().filter(q -> !q.needsInternet()).toList();
        assumeTrue(!queries.isEmpty(), "no query files yet");

        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(storeDir.toString());
        Txn.executeWrite(dsg, () -> TestGraphs.load(dsg));
        SparqlServer server = SparqlServer.create().dataset(dsg).port(0).queries(queries).build().start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String html = http.send(HttpRequest.newBuilder(URI.create(server.url() + "queries.html")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            for (NamedQuery q : queries)
                assertTrue(html.contains("id=\"" + IndexPage.anchor(q.name()) + "\""), q.name());

            List<String> links = new ArrayList<>();
            Matcher m = Pattern.compile("<a class=\"run\" href=\"([^\"]+)\"").matcher(html);
            while (m.find())
                links.add(m.group(1).replace("&amp;", "&"));
            long runnable = queries.stream().filter(q -> q.params().stream().allMatch(Param::optional)).count();
            assertEquals(runnable, links.size());
            assertFalse(links.isEmpty());
            for (String link : links) {
                HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(server.url() + link)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, resp.statusCode(), () -> link + "\n" + resp.body());
            }
        } finally {
            server.stop();
        }
    }
}
