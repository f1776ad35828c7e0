package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Datasets other than TDB2 get a union default graph too, and the server's life cycle is clean. */
class InMemoryDatasetServingTest {

    private SparqlServer server;

    @AfterEach
    void stopServer() {
        if (server != null)
            server.stop();
    }

    @Test
    void transactionalInMemoryDatasetAnswersOverUnionOfNamedGraphs() {
        assertServesUnion(DatasetGraphFactory::createTxnMem);
    }

    @Test
    void plainInMemoryDatasetAnswersOverUnionOfNamedGraphs() {
        assertServesUnion(DatasetGraphFactory::create);
    }

    @Test
    void namedGraphsRemainAddressableThroughGraphClause() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> TestGraphs.load(dsg));
        server = SparqlServer.create().dataset(dsg).port(0).build().start();
        List<String> rows = select(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g");
        assertEquals(List.of(TestGraphs.ARTICLE_1.getURI() + " 13", TestGraphs.ARTICLE_2.getURI() + " 7"), rows);
    }

    @Test
    void stopReleasesThePortAndLeavesTheDatasetUsable() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> TestGraphs.load(dsg));
        server = SparqlServer.create().dataset(dsg).port(0).build().start();
        int port = server.port();
        server.stop();
        server = null;
        assertThrows(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        });
        assertEquals(TestGraphs.QUAD_COUNT, (long) Txn.calculateRead(dsg, () -> dsg.stream().count()));
    }

    @Test
    void builderRejectsMissingDatasetAndBadPort() {
        assertThrows(IllegalStateException.class, () -> SparqlServer.create().build());
        assertThrows(IllegalArgumentException.class, () -> SparqlServer.create().port(70000));
        assertThrows(IllegalArgumentException.class, () -> SparqlServer.create().host(" "));
    }

    private void assertServesUnion(Supplier<DatasetGraph> factory) {
        DatasetGraph dsg = factory.get();
        Txn.executeWrite(dsg, () -> TestGraphs.load(dsg));
        server = SparqlServer.create().dataset(dsg).port(0).build().start();
        assertEquals(List.of(
                TestGraphs.PHUONG.getURI() + " Nguyễn Văn Phương",
                TestGraphs.DINH.getURI() + " Phan Thiên Định"), select(TestGraphs.PERSONS_QUERY));
        assertEquals(List.of(TestGraphs.THANH_UY_HUE.getURI()), select("""
                PREFIX org: <http://www.w3.org/ns/org#>
                SELECT ?org WHERE { ?m org:member <%s> ; org:organization ?org }
                """.formatted(TestGraphs.DINH.getURI())));
    }

    private List<String> select(String query) {
        List<String> rows = new ArrayList<>();
        try (RDFConnection conn = RDFConnection.queryConnect(server.sparqlUrl())) {
            conn.querySelect(query, row -> {
                List<String> cells = new ArrayList<>();
                row.varNames().forEachRemaining(v -> {
                    var n = row.get(v).asNode();
                    cells.add(n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI());
                });
                rows.add(String.join(" ", cells));
            });
        }
        return rows;
    }
}
