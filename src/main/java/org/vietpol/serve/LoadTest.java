package org.vietpol.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.StreamRDFLib;
import org.vietpol.query.NamedQuery;
import org.vietpol.query.Param;
import org.vietpol.query.QueryBinder;

/**
 * A bounded load test of a SPARQL endpoint on this machine: N clients, each on its own connection, run the named
 * queries in turn for a set time, then stop. Every answer must be a 200 whose results parse; anything else counts as
 * an error. Only loopback addresses are accepted: this tool never sends load to another host.
 *
 * <pre>
 *   LoadTest.Result r = LoadTest.create().endpoint(URI.create(server.sparqlUrl())).clients(20)
 *           .duration(Duration.ofSeconds(30)).queries(list).build().run();
 *   System.out.println(r.summaryLine());
 * </pre>
 */
public final class LoadTest {

    /** Values for required parameters: a place that appears in the seed articles, and plausible others. */
    static final Map<Param.Type, String> SAMPLE_VALUES = Map.of(
            Param.Type.STRING, "Huế",
            Param.Type.IRI, "https://w3id.org/vietpol/id/unit/hue",
            Param.Type.INTEGER, "2023",
            Param.Type.DATE, "2023-01-01");

    private static final int MAX_ERROR_SAMPLES = 5;

    private final URI endpoint;
    private final int clients;
    private final Duration duration;
    private final Duration requestTimeout;
    private final List<Prepared> queries;

    private LoadTest(Builder b) {
        this.endpoint = b.endpoint;
        this.clients = b.clients;
        this.duration = b.duration;
        this.requestTimeout = b.requestTimeout;
        this.queries = b.queries.stream().map(q -> new Prepared(q.name(), bindSample(q))).toList();
    }

    public static Builder create() {
        return new Builder();
    }

    /**
     * The named query as it is run here: each required parameter bound to a sample value of its type (a string
     * parameter gets a place name), optional ones left unset.
     */
    public static Query bindSample(NamedQuery q) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Param p : q.params()) {
            if (!p.optional())
                values.put(p.name(), SAMPLE_VALUES.get(p.type()));
        }
        return QueryBinder.bind(q, values);
    }

    /**
     * The endpoint to load, with its host replaced by the loopback address it names, so that nothing can resolve it
     * elsewhere later. A bare server URL ({@code http://127.0.0.1:3030/}) means its SPARQL endpoint.
     *
     * @throws IllegalArgumentException if the URL is not http(s) or its host is not a loopback address
     */
    public static URI loopbackEndpoint(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https"))
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        String host = url.getHost();
        if (host == null || host.isEmpty())
            throw new IllegalArgumentException("no host in " + url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host);
        }
        if (addresses.length == 0 || !Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress))
            throw new IllegalArgumentException("refusing " + host + ": the load test only targets this machine's "
                    + "loopback address (127.0.0.1, ::1, localhost)");
        // IPv4 first, as servers bind 127.0.0.1 by default
        InetAddress chosen = Arrays.stream(addresses).filter(a -> a instanceof java.net.Inet4Address).findFirst()
                .orElse(addresses[0]);
        String literal = chosen.getHostAddress();
        if (literal.contains(":"))
            literal = "[" + literal.replaceFirst("%.*$", "") + "]";
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/")
                ? "/" + SparqlServer.DATASET + "/sparql" : url.getRawPath();
        try {
            return new URI(scheme + "://" + literal + (url.getPort() < 0 ? "" : ":" + url.getPort()) + path
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad URL " + url + ": " + e.getMessage());
        }
    }

    /** Runs the clients for the set time and waits for their last requests. */
    public Result run() {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++)
            workers.add(new Worker(i, deadline));
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = new Thread(w, "load-test-client-" + w.index);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Result.of(endpoint, clients, duration, seconds, workers);
    }

    private record Prepared(String name, Query query) {
        String accept() {
            return query.isSelectType() || query.isAskType() ? "application/sparql-results+json"
                    : "application/n-triples";
        }
    }

    /** One client: its own HTTP connection, the queries in turn from its own starting point. */
    private final class Worker implements Runnable {
        final int index;
        final long deadline;
        final HttpClient http;
        long[] latencies = new long[1024];
        int count;
        long errors;
        final Map<String, QueryStats> perQuery = new TreeMap<>();
        final List<String> errorSamples = new ArrayList<>();

        Worker(int index, long deadline) {
            this.index = index;
            this.deadline = deadline;
            this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        @Override
        public void run() {
            int next = index % queries.size();
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                Prepared q = queries.get(next);
                next = (next + 1) % queries.size();
                long t0 = System.nanoTime();
                String failure = runOnce(q);
                long nanos = System.nanoTime() - t0;
                record(nanos);
                perQuery.computeIfAbsent(q.name(), k -> new QueryStats()).add(nanos);
                if (failure != null) {
                    errors++;
                    if (errorSamples.size() < MAX_ERROR_SAMPLES)
                        errorSamples.add(q.name() + ": " + failure);
                }
            }
        }

        private String runOnce(Prepared q) {
            HttpRequest req = HttpRequest.newBuilder(endpoint).timeout(requestTimeout)
                    .header("Content-Type", "application/sparql-query").header("Accept", q.accept())
                    .POST(HttpRequest.BodyPublishers.ofString(q.query().toString(), StandardCharsets.UTF_8)).build();
            try {
                HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = resp.body()) {
                    if (resp.statusCode() != 200) {
                        String text = new String(body.readNBytes(200), StandardCharsets.UTF_8).strip();
                        return "HTTP " + resp.statusCode() + (text.isEmpty() ? "" : " " + text.lines().findFirst().orElse(""));
                    }
                    parse(q, body);
                    return null;
                }
            } catch (IOException | RuntimeException e) {
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }

        private void parse(Prepared q, InputStream body) {
            if (q.query().isSelectType())
                ResultSetMgr.read(body, ResultSetLang.RS_JSON).forEachRemaining(row -> {});
            else if (q.query().isAskType())
                ResultSetMgr.readBoolean(body, ResultSetLang.RS_JSON);
            else
                RDFParser.source(body).lang(Lang.NTRIPLES).parse(StreamRDFLib.sinkNull());
        }

        private void record(long nanos) {
            if (count == latencies.length)
                latencies = Arrays.copyOf(latencies, count * 2);
            latencies[count++] = nanos;
        }
    }

    /** Requests of one query: how many, their total and longest time. */
    static final class QueryStats {
        long count;
        long totalNanos;
        long maxNanos;

        void add(long nanos) {
            count++;
            totalNanos += nanos;
            maxNanos = Math.max(maxNanos, nanos);
        }

        void add(QueryStats other) {
            count += other.count;
            totalNanos += other.totalNanos;
            maxNanos = Math.max(maxNanos, other.maxNanos);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d, mean %.1f ms, max %.1f ms", count,
                    count == 0 ? 0 : totalNanos / 1e6 / count, maxNanos / 1e6);
        }
    }

    /**
     * What a run measured.
     *
     * @param queries  requests completed, answered or failed
     * @param errors   requests that did not get a 200 with parseable results
     * @param seconds  wall time from the first request to the last answer
     * @param perQuery requests by query name: count, mean and longest time
     */
    public record Result(URI endpoint, int clients, Duration duration, double seconds, long queries, long errors,
            double p50Millis, double p95Millis, double p99Millis, double maxMillis, Map<String, String> perQuery,
            List<String> errorSamples) {

        static Result of(URI endpoint, int clients, Duration duration, double seconds, List<Worker> workers) {
            int n = workers.stream().mapToInt(w -> w.count).sum();
            long[] all = new long[n];
            int at = 0;
            long errors = 0;
            Map<String, QueryStats> perQuery = new TreeMap<>();
            List<String> samples = new ArrayList<>();
            for (Worker w : workers) {
                System.arraycopy(w.latencies, 0, all, at, w.count);
                at += w.count;
                errors += w.errors;
                w.perQuery.forEach((k, v) -> perQuery.computeIfAbsent(k, x -> new QueryStats()).add(v));
                for (String s : w.errorSamples)
                    if (samples.size() < MAX_ERROR_SAMPLES)
                        samples.add(s);
            }
            Arrays.sort(all);
            return new Result(endpoint, clients, duration, seconds, n, errors, percentile(all, 50),
                    percentile(all, 95), percentile(all, 99), n == 0 ? 0 : all[n - 1] / 1e6, describe(perQuery), samples);
        }

        private static Map<String, String> describe(Map<String, QueryStats> stats) {
            Map<String, String> out = new TreeMap<>();
            stats.forEach((k, v) -> out.put(k, v.toString()));
            return out;
        }

        /** Nearest-rank percentile, in milliseconds. */
        static double percentile(long[] sorted, int p) {
            if (sorted.length == 0)
                return 0;
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        public double qps() {
            return seconds > 0 ? queries / seconds : 0;
        }

        /** The last line of the report, one {@code key=value} per figure. */
        public String summaryLine() {
            return String.format(Locale.ROOT,
                    "load-test: clients=%d seconds=%d queries=%d qps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f errors=%d",
                    clients, duration.toSeconds(), queries, qps(), p50Millis, p95Millis, p99Millis, errors);
        }

        /** The whole report, ending with {@link #summaryLine()}. */
        public String report() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "endpoint:   %s%n", endpoint));
            sb.append(String.format(Locale.ROOT, "clients:    %d for %d s (%.1f s with the last answers)%n", clients,
                    duration.toSeconds(), seconds));
            sb.append(String.format(Locale.ROOT, "throughput: %d queries, %.1f queries/s%n", queries, qps()));
            sb.append(String.format(Locale.ROOT, "latency:    median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    p50Millis, p95Millis, p99Millis, maxMillis));
            sb.append(String.format(Locale.ROOT, "errors:     %d%n", errors));
            for (String s : errorSamples)
                sb.append("  ").append(s).append(System.lineSeparator());
            sb.append("per query:").append(System.lineSeparator());
            perQuery.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-40s %s%n", k, v)));
            sb.append(summaryLine()).append(System.lineSeparator());
            return sb.toString();
        }
    }

    public static final class Builder {
        private URI endpoint;
        private int clients = 20;
        private Duration duration = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private List<NamedQuery> queries = List.of();

        private Builder() {}

        /** The SPARQL endpoint on this machine (see {@link #loopbackEndpoint}). */
        public Builder endpoint(URI url) {
            this.endpoint = loopbackEndpoint(url);
            return this;
        }

        public Builder clients(int clients) {
            if (clients < 1 || clients > 1000)
                throw new IllegalArgumentException("clients must be between 1 and 1000");
            this.clients = clients;
            return this;
        }

        public Builder duration(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.toSeconds() < 1 || duration.toHours() >= 1)
                throw new IllegalArgumentException("duration must be from 1 second to under an hour");
            this.duration = duration;
            return this;
        }

        /** Longest wait for one answer (default 60 s); a request that takes longer is an error. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The named queries to run; those that need the internet (SERVICE) are refused. */
        public Builder queries(List<NamedQuery> queries) {
            for (NamedQuery q : queries)
                if (q.needsInternet())
                    throw new IllegalArgumentException("query " + q.name() + " calls a remote endpoint; "
                            + "a load test stays on this machine");
            this.queries = List.copyOf(queries);
            return this;
        }

        public LoadTest build() {
            if (endpoint == null)
                throw new IllegalStateException("no endpoint");
            if (queries.isEmpty())
                throw new IllegalStateException("no queries");
            return new LoadTest(this);
        }
    }
}
