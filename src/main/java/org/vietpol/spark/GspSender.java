package org.vietpol.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.vietpol.extract.Extractor;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.resolve.Decisions;
import org.vietpol.resolve.Resolution;
import org.vietpol.store.GraphStore;

/**
 * Sends article graphs to a SPARQL 1.1 Graph Store Protocol endpoint: each graph by {@code PUT ?graph=IRI}
 * (N-Triples), which replaces it, so a repeated request does no harm. Graphs go in batches: a batch's requests run
 * on a few connections at once, and the next batch starts when the whole batch is stored. A request that fails
 * for a reason that may pass (no connection, a time-out, HTTP 408, 429 or 5xx) is sent again after a growing pause;
 * any other refusal stops the load with the endpoint's answer.
 */
public final class GspSender {
    private final URI endpoint;
    private final int batch;
    private final int connections;
    private final int retries;
    private final Duration pause;
    private final String authorization;
    private final HttpClient http;

    public GspSender(URI endpoint, int batch, int connections, int retries, Duration pause, String userColonPassword) {
        if (batch < 1 || connections < 1 || retries < 0) throw new IllegalArgumentException("batch and connections must be positive");
        this.endpoint = endpoint;
        this.batch = batch;
        this.connections = connections;
        this.retries = retries;
        this.pause = pause;
        this.authorization = userColonPassword == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public record Report(long graphs, long quads, long batches, long retried, Duration elapsed) {
        public String summary() {
            return String.format("graphs: %d sent in %d batches (%d quads), %d requests retried, seconds: %.1f",
                    graphs, batches, quads, retried, elapsed.toMillis() / 1000.0);
        }
    }

    /**
     * Resolves the persons of the parts before sending, as {@code vietpol load} into a store resolves them (in the
     * input's order, with these decisions), against an empty registry: the persons the endpoint holds already are
     * not consulted, so the graphs sent are those a build of these parts alone into a new store makes; the
     * resolution graph ({@link Resolution#GRAPH}) is sent last, replacing the endpoint's. Without it (null, the
     * default) the article graphs go as the Spark job wrote them.
     */
    public GspSender resolving(Decisions decisions) {
        this.decisions = decisions;
        return this;
    }

    private Decisions decisions;

    public Report send(Parts.Resolved parts) throws IOException {
        long t0 = System.nanoTime();
        AtomicLong retried = new AtomicLong();
        long[] n = new long[3]; // graphs, quads, batches
        ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "vietpol-gsp");
            t.setDaemon(true);
            return t;
        });
        try (GraphStore scratch = GraphStore.inMemory()) {
            List<ArticleGraph> pending = new ArrayList<>();
            java.util.function.Consumer<ArticleGraph> sink = g -> {
                pending.add(g);
                if (pending.size() >= batch) {
                    sendBatch(pool, pending, retried, n);
                    pending.clear();
                }
            };
            if (decisions == null) {
                for (Path f : parts.files()) Parts.read(f, sink);
            } else {
                // the registry and the resolution graph live in an empty in-memory store: nothing is stored there
                Resolution resolution = Resolution.open(scratch, decisions, Extractor.create().build().gazetteer());
                StoreLoader.Plan plan = StoreLoader.plan(parts, iri -> null, false, resolution);
                plan.read(parts, resolution, iri -> true, sink);
                resolution.finish();
                DatasetGraph dsg = scratch.dataset();
                List<Quad> pairs = Txn.calculateRead(dsg, () -> {
                    List<Quad> qs = new ArrayList<>();
                    dsg.find(Resolution.GRAPH_NODE, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(qs::add);
                    return qs;
                });
                if (!pending.isEmpty()) sendBatch(pool, pending, retried, n);
                pending.clear();
                pending.add(new ArticleGraph(Resolution.GRAPH, null, Resolution.GRAPH_NODE, pairs));
            }
            if (!pending.isEmpty()) sendBatch(pool, pending, retried, n);
        } finally {
            pool.shutdownNow();
        }
        return new Report(n[0], n[1], n[2], retried.get(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private void sendBatch(ExecutorService pool, List<ArticleGraph> graphs, AtomicLong retried, long[] n) {
        List<Future<?>> running = new ArrayList<>();
        for (ArticleGraph g : graphs) running.add(pool.submit(() -> {
            put(g, retried);
            return null;
        }));
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                for (Future<?> other : running) other.cancel(true);
                Throwable c = e.getCause();
                throw c instanceof RuntimeException re ? re : new IllegalStateException(c.getMessage(), c);
            }
        }
        for (ArticleGraph g : graphs) {
            n[0]++;
            n[1] += g.quads().size();
        }
        n[2]++;
    }

    private void put(ArticleGraph g, AtomicLong retried) throws InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.writeTriples(body, g.quads().stream().map(Quad::asTriple).iterator());
        String sep = endpoint.getRawQuery() == null ? "?" : "&";
        URI target = URI.create(endpoint + sep + "graph=" + URLEncoder.encode(g.graph().getURI(), StandardCharsets.UTF_8));
        HttpRequest.Builder rb = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/n-triples")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) rb.header("Authorization", authorization);
        HttpRequest request = rb.build();
        for (int attempt = 0; ; attempt++) {
            String failure;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                int s = r.statusCode();
                if (s >= 200 && s < 300) return;
                failure = "HTTP " + s + " for " + g.graph().getURI() + ": " + r.body().strip();
                if (!(s == 408 || s == 429 || s >= 500)) throw new IllegalStateException("the endpoint refused the graph: " + failure);
            } catch (IOException e) {
                failure = e.toString();
            }
            if (attempt >= retries) {
                throw new IllegalStateException("gave up after " + (retries + 1) + " attempts: " + failure);
            }
            retried.incrementAndGet();
            Thread.sleep(Math.min(30_000, pause.toMillis() << Math.min(attempt, 10)));
        }
    }
}
