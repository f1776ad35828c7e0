package org.vietpol.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vietpol.query.NamedQuery;

/**
 * SPARQL server for the knowledge graph: an embedded Fuseki exposing one dataset, {@code /vietpol}, whose default
 * graph is the union of all named graphs (one per article), plus an index page and static assets.
 *
 * <pre>
 *   SparqlServer server = SparqlServer.create().dataset(dsg).port(3030).queries(list).build().start();
 * </pre>
 *
 * Endpoints: {@code /vietpol/sparql} and {@code /vietpol/query} (SPARQL query), {@code /vietpol/get} (Graph Store
 * Protocol, read only), {@code /} (the explorer page), {@code /queries.html} (the endpoint and its named queries,
 * without scripts), {@code /api/} (named queries and label search for the explorer, see {@link ExplorerApi}),
 * {@code /webjars/} (browser libraries), other paths from the classpath folder {@code org/vietpol/web/}.
 * <p>
 * Read only unless {@link Builder#allowUpdate} names a credentials file: then {@code /vietpol/update} (SPARQL Update)
 * and {@code /vietpol/data} (Graph Store Protocol, read-write) are added, for those users only, with HTTP Basic
 * authentication by Fuseki and Jetty. Basic sends passwords in clear: beyond this machine, put it behind HTTPS.
 * Writes to the default graph go to the store's own default graph, which queries do not see (their default graph
 * is the union of the named graphs): write into named graphs.
 * <p>
 * Limits, each with a builder setting: a query's run time ({@link Builder#queryTimeout}, Fuseki's
 * {@code arq:queryTimeout} on the query endpoints; a request's {@code timeout} parameter may only shorten it), the
 * solutions of a query ({@link Builder#maxResultRows}, see {@link LimitedQueryService}), the size of a request body
 * ({@link Builder#maxRequestBytes}, {@link RequestSizeLimitHandler}: 413 above it). CORS is off unless
 * {@link Builder#corsOrigin} names the one origin allowed.
 */
public final class SparqlServer {

    /** Dataset name in URLs. */
    public static final String DATASET = "vietpol";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_RESULT_ROWS = 100_000;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1L << 20;
    /**
     * Request threads. Fuseki's embedded default is 20, and Jetty drops a queued request without an answer when it
     * waits longer than the connection idle timeout (30 s): with more clients than threads, that happens under load.
     */
    public static final int DEFAULT_MAX_THREADS = 200;
    /** Realm named in the authentication challenge. */
    static final String REALM = "vietpol";

    private static final Logger LOG = LoggerFactory.getLogger(SparqlServer.class);

    static {
        QuietLogging.apply();
    }

    private final FusekiServer fuseki;
    private final String host;
    private final int configuredPort;
    private final List<NamedQuery> queries;
    private final boolean updatable;

    private SparqlServer(FusekiServer fuseki, String host, int configuredPort, List<NamedQuery> queries,
            boolean updatable) {
        this.fuseki = fuseki;
        this.host = host;
        this.configuredPort = configuredPort;
        this.queries = queries;
        this.updatable = updatable;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Starts listening; returns this server for chaining. */
    public SparqlServer start() {
        // Jena's initialisation may have created Fuseki's loggers before this class loaded.
        QuietLogging.apply();
        fuseki.start();
        LOG.debug("SPARQL endpoint {} ({} named queries)", sparqlUrl(), queries.size());
        return this;
    }

    /** The port actually bound once started (meaningful for port 0); before that, the configured port. */
    public int port() {
        for (Connector c : fuseki.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc && sc.getLocalPort() > 0)
                return sc.getLocalPort();
        }
        return configuredPort;
    }

    public String host() {
        return host;
    }

    /** Base URL with trailing slash, e.g. {@code http://127.0.0.1:3030/}. */
    public String url() {
        return "http://" + urlHost(host) + ":" + port() + "/";
    }

    /** URL of the dataset, e.g. {@code http://127.0.0.1:3030/vietpol}. */
    public String datasetUrl() {
        return url() + DATASET;
    }

    /** URL of the SPARQL query endpoint. */
    public String sparqlUrl() {
        return datasetUrl() + "/sparql";
    }

    /** URL of the SPARQL Update endpoint (present only when updates are allowed). */
    public String updateUrl() {
        return datasetUrl() + "/update";
    }

    /** URL of the read-write Graph Store endpoint (present only when updates are allowed). */
    public String dataUrl() {
        return datasetUrl() + "/data";
    }

    /** Whether the update endpoints are there. */
    public boolean updatable() {
        return updatable;
    }

    public List<NamedQuery> queries() {
        return queries;
    }

    public void stop() {
        fuseki.stop();
        // the credentials file's user store runs a file scanner of its own, which the server's stop leaves running:
        // it would go on watching the file, and warn, stack and all, once the file is gone
        for (org.eclipse.jetty.security.PropertyUserStore users
                : fuseki.getJettyServer().getContainedBeans(org.eclipse.jetty.security.PropertyUserStore.class)) {
            try {
                users.stop();
            } catch (Exception e) {
                LOG.debug("stopping the user store", e);
            }
        }
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    // A wildcard bind address is not something a client can connect to.
    private static String urlHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]"))
            return "localhost";
        if (host.contains(":") && !host.startsWith("["))
            return "[" + host + "]";
        return host;
    }

    /** Whether the dataset is a TDB2 store, which implements the union default graph itself. */
    static boolean isTdb2(DatasetGraph dsg) {
        return DatabaseMgr.isTDB2(dsg);
    }

    /**
     * Returns the dataset to serve so that the default graph of a query is the union of the named graphs.
     * TDB2 does that natively through a context flag (set on the given dataset, which TDB2's query engine reads);
     * any other dataset is wrapped.
     */
    static DatasetGraph unionDefaultGraph(DatasetGraph dsg) {
        if (isTdb2(dsg)) {
            dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            return dsg;
        }
        return new UnionDefaultGraphDataset(dsg);
    }

    public static final class Builder {
        private DatasetGraph dataset;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private List<NamedQuery> queries = List.of();
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private long maxResultRows = DEFAULT_MAX_RESULT_ROWS;
        private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private String corsOrigin;
        private Credentials credentials;
        private int maxThreads = DEFAULT_MAX_THREADS;

        private Builder() {}

        public Builder dataset(DatasetGraph dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            return this;
        }

        /** Address to bind, default 127.0.0.1; "0.0.0.0" listens on all interfaces. */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank())
                throw new IllegalArgumentException("host is blank");
            this.host = host.strip();
            return this;
        }

        /** Port to listen on; 0 picks a free port (see {@link SparqlServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535)
                throw new IllegalArgumentException("port out of range: " + port);
            this.port = port;
            return this;
        }

        /** Named queries offered on the query pages. */
        public Builder queries(List<NamedQuery> queries) {
            this.queries = List.copyOf(Objects.requireNonNull(queries, "queries"));
            return this;
        }

        /** Longest run of a query, default 30 s; zero for none. Clients may ask for less, never more. */
        public Builder queryTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative())
                throw new IllegalArgumentException("negative query timeout");
            if (!timeout.isZero() && timeout.toMillis() < 1)
                throw new IllegalArgumentException("query timeout below a millisecond");
            this.queryTimeout = timeout;
            return this;
        }

        /** Most solutions a query returns (its LIMIT is lowered to this), default 100,000; zero for no cap. */
        public Builder maxResultRows(long rows) {
            if (rows < 0)
                throw new IllegalArgumentException("negative result row limit");
            this.maxResultRows = rows;
            return this;
        }

        /**
         * Largest request body accepted, default 1 MiB (larger ones get 413); zero for no limit. A chunked body is
         * held in memory up to this size before it is passed on.
         */
        public Builder maxRequestBytes(long bytes) {
            if (bytes < 0)
                throw new IllegalArgumentException("negative request size limit");
            if (bytes >= Integer.MAX_VALUE)
                throw new IllegalArgumentException("request size limit must be below 2 GiB");
            this.maxRequestBytes = bytes;
            return this;
        }

        /** Most requests handled at once (default 200); more wait in Jetty's queue. */
        public Builder maxThreads(int threads) {
            if (threads < 8 || threads > 10_000)
                throw new IllegalArgumentException("threads must be between 8 and 10000");
            this.maxThreads = threads;
            return this;
        }

        /** Allows cross-origin reads from this one web origin (e.g. {@code https://example.org}); default none. */
        public Builder corsOrigin(String origin) {
            this.corsOrigin = origin == null ? null : CorsFilter.checkOrigin(origin);
            return this;
        }

        /**
         * Adds SPARQL Update ({@code /vietpol/update}) and Graph Store writes ({@code /vietpol/data}) for the users
         * of this credentials file ({@code user:password} lines, see {@link Credentials}); null keeps the server
         * read only.
         *
         * @throws IllegalArgumentException if the file is unusable
         */
        public Builder allowUpdate(Path credentialsFile) {
            this.credentials = credentialsFile == null ? null : Credentials.read(credentialsFile);
            return this;
        }

        public SparqlServer build() {
            if (dataset == null)
                throw new IllegalStateException("no dataset");
            DatasetGraph served = unionDefaultGraph(dataset);
            // Explicit endpoints only, so nothing writes unless asked. (withStdServices(false) would not do: its
            // argument means "with update", and even the read-only standard set adds more than intended.)
            DataService.Builder serviceBuilder = DataService.newBuilder(served)
                    .addEndpoint(queryEndpoint("sparql"))
                    .addEndpoint(queryEndpoint("query"))
                    .addEndpoint(Operation.GSP_R, "get");
            FusekiServer.Builder fb = FusekiServer.create()
                    .port(port)
                    .verbose(false)
                    .enablePing(false)
                    .enableStats(false)
                    .enableMetrics(false)
                    .enableCompact(false)
                    .enableTasks(false)
                    .enableCors(false)
                    .numServerThreads(4, maxThreads);
            // always: it also refuses queries nested too deep for the parser (sent as a body, not a parameter)
            fb.registerOperation(Operation.Query, new LimitedQueryService(maxResultRows));
            if (credentials != null) {
                // Each endpoint with a policy gets a Jetty constraint (401 without valid credentials); Fuseki then
                // checks the authenticated user against the policy (403 for others).
                AuthPolicy writers = Auth.policyAllowSpecific(credentials.users());
                serviceBuilder.addEndpoint(Operation.Update, "update", writers)
                        .addEndpoint(Operation.GSP_RW, "data", writers);
                fb.passwordFile(credentials.file().toString()).auth(AuthScheme.BASIC).realm(REALM);
            }
            fb.add("/" + DATASET, serviceBuilder);
            if (corsOrigin != null)
                fb.addFilter("/*", new CorsFilter(corsOrigin));
            FusekiServer fuseki = fb
                    .addFilter("/*", new CloseOnRefusalFilter())
                    .addFilter("/*", new BadRequestFilter())
                    // Mapped "/*": Fuseki's dispatch filter answers dataset URLs first; this gets the rest.
                    .addServlet("/void", new VoidServlet(dataset, "/" + DATASET + "/sparql"))
                    .addServlet("/api/*", new ExplorerApi(served, queries))
                    .addServlet("/*", new WebServlet(queries))
                    .build();
            Server jetty = fuseki.getJettyServer();
            // Fuseki only offers "localhost" or all interfaces; the connector can bind any given address.
            for (Connector c : jetty.getConnectors()) {
                if (c instanceof ServerConnector sc)
                    sc.setHost(host);
            }
            if (credentials != null)
                jetty.setHandler(new MalformedBasicAuthHandler(REALM, jetty.getHandler()));
            limitRequestSize(jetty);
            return new SparqlServer(fuseki, host, port, queries, credentials != null);
        }

        private Endpoint queryEndpoint(String name) {
            Context context = new Context();
            if (!queryTimeout.isZero())
                context.set(ARQ.queryTimeout, Long.toString(queryTimeout.toMillis()));
            return Endpoint.create().operation(Operation.Query).endpointName(name).context(context).build();
        }

        /** The size limit around everything, and Jetty's form limit (otherwise 200 kB) set to match. */
        private void limitRequestSize(Server jetty) {
            ServletContextHandler context = jetty.getDescendant(ServletContextHandler.class);
            if (context != null)
                context.setMaxFormContentSize(maxRequestBytes == 0 ? -1 : (int) maxRequestBytes);
            if (maxRequestBytes > 0)
                jetty.setHandler(new RequestSizeLimitHandler(maxRequestBytes, jetty.getHandler()));
        }
    }
}
