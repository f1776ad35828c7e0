package org.vietpol.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.vietpol.build.Build;
import org.vietpol.store.GraphStore;

/** The seed store, the Wikidata-shaped fixture, SPARQL over a store, and a counting proxy in front of an endpoint. */
final class LinkTestSupport {
    static final String ID = "https://w3id.org/vietpol/id/";
    static final String WD = "http://www.wikidata.org/entity/";
    static final String PREFIXES = String.join("\n",
            "PREFIX vp: <https://w3id.org/vietpol/ontology#>",
            "PREFIX owl: <http://www.w3.org/2002/07/owl#>",
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
            "PREFIX org: <http://www.w3.org/ns/org#>",
            "PREFIX prov: <http://www.w3.org/ns/prov#>",
            "PREFIX dcterms: <http://purl.org/dc/terms/>",
            "PREFIX schema: <https://schema.org/>",
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
            "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>",
            "");

    private LinkTestSupport() {}

    /** The five seed articles built into an in-memory store (tests run in the project folder). */
    static GraphStore seedStore() {
        GraphStore gs = GraphStore.inMemory();
        Build.create().build().run(List.of(Path.of("seeds")), gs);
        return gs;
    }

    /** The fixture in a named graph (the server's default graph is the union of the named ones). */
    static DatasetGraph fixtureDataset() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node g = org.apache.jena.graph.NodeFactory.createURI("http://www.wikidata.org/");
        Txn.executeWrite(dsg, () -> {
            try (InputStream in = LinkTestSupport.class.getResourceAsStream("wikidata-fixture.ttl")) {
                RDFParser.source(in).lang(Lang.TURTLE).parse(dsg.getGraph(g));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return dsg;
    }

    /** Rows of a SELECT over the union of all graphs, each row the given variables as strings (IRI or lexical form, "" unbound). */
    static Set<List<String>> select(DatasetGraph dsg, String query, String... vars) {
        return Txn.calculateRead(dsg, () -> rows(DatasetFactory.wrap(DatasetGraphFactory.wrap(dsg.getUnionGraph())), query, vars));
    }

    /** The same, over the dataset as stored (named graphs only; use GRAPH). */
    static Set<List<String>> selectGraphs(DatasetGraph dsg, String query, String... vars) {
        return Txn.calculateRead(dsg, () -> rows(DatasetFactory.wrap(dsg), query, vars));
    }

    /** The same, over the links graph alone. */
    static Set<List<String>> selectLinks(DatasetGraph dsg, String query, String... vars) {
        return Txn.calculateRead(dsg, () -> rows(DatasetFactory.wrap(DatasetGraphFactory.wrap(dsg.getGraph(LinkGraph.GRAPH))), query, vars));
    }

    private static Set<List<String>> rows(Dataset ds, String query, String... vars) {
        Set<List<String>> out = new TreeSet<>(java.util.Comparator.comparing(Object::toString));
        try (QueryExecution qe = QueryExecution.create(PREFIXES + query, ds)) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                List<String> row = new ArrayList<>();
                for (String v : vars) {
                    RDFNode n = s.get(v);
                    row.add(n == null ? "" : n.isURIResource() ? n.asResource().getURI() : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                }
                out.add(row);
            }
        }
        return out;
    }

    static long count(DatasetGraph dsg, Node graph) {
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            var it = dsg.find(graph, Node.ANY, Node.ANY, Node.ANY);
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
    }

    /**
     * A tiny HTTP server in front of an endpoint: counts requests, remembers their User-Agent and query, and answers
     * the first {@code failFirst} of them with {@code failStatus} and a Retry-After header instead of forwarding.
     */
    static final class CountingProxy implements AutoCloseable {
        final AtomicInteger requests = new AtomicInteger();
        final List<String> userAgents = new CopyOnWriteArrayList<>();
        final List<String> queries = new CopyOnWriteArrayList<>();
        final List<Long> times = new CopyOnWriteArrayList<>();
        volatile int failFirst;
        volatile int failStatus = 429;
        volatile String retryAfter = "1";
        private final String target;
        private final HttpServer server;
        private final HttpClient http = HttpClient.newHttpClient();

        CountingProxy(String target) throws IOException {
            this.target = target;
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql";
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                int n = requests.incrementAndGet();
                times.add(System.nanoTime());
                byte[] body = ex.getRequestBody().readAllBytes();
                userAgents.add(String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
                String form = new String(body, StandardCharsets.UTF_8);
                queries.add(form.startsWith("query=") ? URLDecoder.decode(form.substring(6), StandardCharsets.UTF_8) : form);
                if (n <= failFirst) {
                    if (retryAfter != null) ex.getResponseHeaders().add("Retry-After", retryAfter);
                    byte[] msg = "Too Many Requests".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(failStatus, msg.length);
                    ex.getResponseBody().write(msg);
                    return;
                }
                HttpRequest.Builder fwd = HttpRequest.newBuilder(URI.create(target))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                for (String h : List.of("Content-Type", "Accept")) {
                    String v = ex.getRequestHeaders().getFirst(h);
                    if (v != null) fwd.header(h, v);
                }
                HttpResponse<byte[]> r;
                try {
                    r = http.send(fwd.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                r.headers().firstValue("Content-Type").ifPresent(v -> ex.getResponseHeaders().add("Content-Type", v));
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(r.body());
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
