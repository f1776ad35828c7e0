package org.vietpol.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.resolve.Decisions;
import org.vietpol.resolve.Resolution;
import org.vietpol.store.GraphStore;

/**
 * `vietpol load --endpoint`: the article graphs of a Spark run go to a real Fuseki, started here on a free
 * localhost port, through the Graph Store Protocol, in batches; requests the server turns away at first (503) are
 * retried, and the server ends with exactly the parts' graphs.
 */
class LoadToEndpointTest {
    @TempDir
    Path tmp;

    @Test
    void articleGraphsReachAGraphStoreProtocolEndpointDespiteRefusals() throws Exception {
        Path out = tmp.resolve("out");
        SparkTestSupport.run(out, List.of(Path.of("seeds")), 2, -1);
        Parts.Resolved parts = Parts.resolve(List.of(out));
        Set<Quad> expected = new HashSet<>();
        for (Path f : parts.files()) Parts.read(f, g -> expected.addAll(g.quads()));

        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        AtomicInteger refused = new AtomicInteger();
        Filter flaky = (req, res, chain) -> {
            // the first three writes are turned away, as by a server under load
            if ("PUT".equals(((HttpServletRequest) req).getMethod()) && refused.incrementAndGet() <= 3) {
                ((HttpServletResponse) res).sendError(503, "busy");
                return;
            }
            chain.doFilter(req, res);
        };
        int port;
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FusekiServer server = FusekiServer.create().loopback(true).port(port).add("/ds", dsg, true)
                .addFilter("/*", flaky).build().start();
        try {
            GspSender.Report r = new GspSender(URI.create("http://127.0.0.1:" + port + "/ds/data"), 2, 2, 5,
                    Duration.ofMillis(20), null).send(parts);
            assertEquals(5, r.graphs(), r.summary());
            assertEquals(3, r.batches());
            assertTrue(r.retried() >= 3, r.summary());
            Set<Quad> got = new HashSet<>();
            Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(got::add));
            assertEquals(expected, got);

            // sent again: PUT replaces, nothing doubles
            new GspSender(URI.create("http://127.0.0.1:" + port + "/ds/data"), 100, 4, 5, Duration.ofMillis(20), null).send(parts);
            Set<Quad> again = new HashSet<>();
            Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(again::add));
            assertEquals(expected, again);

            // persons resolved before sending: the article graphs and the resolution graph a load into a new store makes
            Txn.executeWrite(dsg, () -> dsg.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY));
            GspSender.Report resolved = new GspSender(URI.create("http://127.0.0.1:" + port + "/ds/data"), 100, 4, 5,
                    Duration.ofMillis(20), null).resolving(Decisions.NONE).send(parts);
            assertEquals(6, resolved.graphs(), "the five articles, then the resolution graph: " + resolved.summary());
            Set<Quad> loaded = new HashSet<>();
            try (GraphStore gs = GraphStore.inMemory()) {
                StoreLoader.load(gs, parts);
                Txn.executeRead(gs.dataset(), () -> gs.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                    if (ArticleGraph.isArticleGraph(q.getGraph()) || q.getGraph().equals(Resolution.GRAPH_NODE)) loaded.add(q);
                }));
            }
            Set<Quad> sent = new HashSet<>();
            Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(sent::add));
            assertEquals(loaded, sent);
        } finally {
            server.stop();
        }
    }
}
