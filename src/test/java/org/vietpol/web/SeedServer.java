package org.vietpol.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.query.NamedQueries;
import org.vietpol.serve.SparqlServer;
import org.vietpol.store.GraphStore;

/**
 * The seed articles, plus one article carrying markup in its title and sentences, built into a TDB2 store and
 * served on a free port with the project's named queries, as {@code vietpol serve} would.
 */
final class SeedServer implements AutoCloseable {

    /** Markup in the hostile article's title and in a sentence stating a position. */
    static final String MARKUP = "<img src=x onerror=alert(1)>";
    /** The person the hostile article names, and the body he leads. */
    static final String HOSTILE_PERSON = "Nguyễn Văn Quảng";

    final GraphStore store;
    final SparqlServer server;
    final BuildReport report;

    private SeedServer(GraphStore store, SparqlServer server, BuildReport report) {
        this.store = store;
        this.server = server;
        this.report = report;
    }

    static SeedServer start(Path tmp) throws IOException {
        Path inputs = Files.createDirectories(tmp.resolve("inputs"));
        try (InputStream in = SeedServer.class.getResourceAsStream("hostile-article.txt")) {
            if (in == null)
                throw new IllegalStateException("hostile-article.txt missing from the test classpath");
            Files.copy(in, inputs.resolve("hostile-article.txt"));
        }
        GraphStore store = GraphStore.open(tmp.resolve("store"));
        BuildReport report = Build.create().build().run(List.of(Path.of("seeds"), inputs), store);
        SparqlServer server = SparqlServer.create().dataset(store.dataset()).port(0)
                .queries(NamedQueries.fromDirectory(Path.of(NamedQueries.DIRECTORY))).build().start();
        return new SeedServer(store, server, report);
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.stop();
        store.close();
    }
}
