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
 * The seed articles, plus one article carrying markup in its title and sentences, plus the three Quảng Ninh
 * articles of issue 14 (posts over time: A elected Bí thư in 2020, stated in 2022, retiring in 2024 when B is
 * elected), built into a TDB2 store and served on a free port with the project's named queries, as
 * {@code vietpol serve} would. The seeds report no changes of post; the Quảng Ninh articles give tenures with both
 * ends, a succession and evidence sentences.
 */
final class SeedServer implements AutoCloseable {

    /** Markup in the hostile article's title and in a sentence stating a position. */
    static final String MARKUP = "<img src=x onerror=alert(1)>";
    /** The person the hostile article names, and the body he leads. */
    static final String HOSTILE_PERSON = "Nguyễn Văn Quảng";
    /** Issue 14's articles (src/test/resources/posts-over-time/), and the two Secretaries they name. */
    static final List<String> POSTS_OVER_TIME = List.of("posts-2020-quang-ninh-bau-bi-thu.txt",
            "posts-2022-quang-ninh-hoi-nghi-tinh-uy.txt", "posts-2024-quang-ninh-tan-bi-thu.txt");
    static final String A = "Nguyễn Văn An", B = "Trần Minh Bình";

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
        copy("hostile-article.txt", inputs);
        for (String article : POSTS_OVER_TIME)
            copy("/posts-over-time/" + article, inputs);
        GraphStore store = GraphStore.open(tmp.resolve("store"));
        BuildReport report = Build.create().build().run(List.of(Path.of("seeds"), inputs), store);
        SparqlServer server = SparqlServer.create().dataset(store.dataset()).port(0)
                .queries(NamedQueries.fromDirectory(Path.of(NamedQueries.DIRECTORY))).build().start();
        return new SeedServer(store, server, report);
    }

    private static void copy(String resource, Path dir) throws IOException {
        try (InputStream in = SeedServer.class.getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException(resource + " missing from the test classpath");
            Files.copy(in, dir.resolve(Path.of(resource).getFileName().toString()));
        }
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
