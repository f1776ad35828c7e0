package org.vietpol.serve;

import java.util.List;
import java.util.Objects;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vietpol.query.NamedQuery;

/**
 * Read-only SPARQL server for the knowledge graph: an embedded Fuseki exposing one dataset, {@code /vietpol},
 * whose default graph is the union of all named graphs (one per article), plus an index page and static assets.
 *
 * <pre>
 *   SparqlServer server = SparqlServer.create().dataset(dsg).port(3030).queries(list).build().start();
 * </pre>
 *
 * Endpoints: {@code /vietpol/sparql} and {@code /vietpol/query} (SPARQL query), {@code /vietpol/get} (Graph Store
 * Protocol, read only), {@code /} (the explorer page), {@code /queries.html} (the endpoint and its named queries,
 * without scripts), {@code /api/} (named queries and label search for the explorer, see {@link ExplorerApi}),
 * {@code /webjars/} (browser libraries), other paths from the classpath folder {@code org/vietpol/web/}.
 * Nothing accepts SPARQL Update or uploads.
 */
public final class SparqlServer {

    /** Dataset name in URLs. */
    public static final String DATASET = "vietpol";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;

    private static final Logger LOG = LoggerFactory.getLogger(SparqlServer.class);

    static {
        QuietLogging.apply();
    }

    private final FusekiServer fuseki;
    private final String host;
    private final int configuredPort;
    private final List<NamedQuery> queries;

    private SparqlServer(FusekiServer fuseki, String host, int configuredPort, List<NamedQuery> queries) {
        this.fuseki = fuseki;
        this.host = host;
        this.configuredPort = configuredPort;
        this.queries = queries;
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

    public List<NamedQuery> queries() {
        return queries;
    }

    public void stop() {
        fuseki.stop();
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

        public SparqlServer build() {
            if (dataset == null)
                throw new IllegalStateException("no dataset");
            DatasetGraph served = unionDefaultGraph(dataset);
            // Explicit endpoints only, so nothing can write. (withStdServices(false) would not do: its argument
            // means "with update", and even the read-only standard set adds more than intended.)
            DataService.Builder serviceBuilder = DataService.newBuilder(served)
                    .addEndpoint(Operation.Query, "sparql")
                    .addEndpoint(Operation.Query, "query")
                    .addEndpoint(Operation.GSP_R, "get");
            FusekiServer fuseki = FusekiServer.create()
                    .port(port)
                    .verbose(false)
                    .enablePing(false)
                    .enableStats(false)
                    .enableMetrics(false)
                    .enableCompact(false)
                    .enableTasks(false)
                    .add("/" + DATASET, serviceBuilder)
                    .addFilter("/*", new CloseOnRefusalFilter())
                    // Mapped "/*": Fuseki's dispatch filter answers dataset URLs first; this gets the rest.
                    .addServlet("/void", new VoidServlet(dataset, "/" + DATASET + "/sparql"))
                    .addServlet("/api/*", new ExplorerApi(served, queries))
                    .addServlet("/*", new WebServlet(queries))
                    .build();
            // Fuseki only offers "localhost" or all interfaces; the connector can bind any given address.
            for (Connector c : fuseki.getJettyServer().getConnectors()) {
                if (c instanceof ServerConnector sc)
                    sc.setHost(host);
            }
            return new SparqlServer(fuseki, host, port, queries);
        }
    }
}
