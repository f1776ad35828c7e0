package org.vietpol.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vietpol.link.Linker;
import org.vietpol.link.LinkReport;
import org.vietpol.link.LinksFile;
import org.vietpol.link.WikidataClient;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Links the graph to Wikidata and GeoNames, into the named graph https://w3id.org/vietpol/graph/links:",
                "administrative units, the country, the Party and the central bodies from the shipped tables, and (online)",
                "persons found on a SPARQL endpoint: owl:sameAs when confident, skos:closeMatch with a score when not.",
                "A links file (CSV: iri,qid,status accepted|rejected) overrides all of it; it is only read.",
                "Answers are cached on disk, so a re-run asks nothing twice."})
public final class LinkCommand implements Callable<Integer> {
    static final String DEFAULT_LINKS_FILE = "links.csv";

    @Mixin
    StoreOption store;

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = WikidataClient.DEFAULT_ENDPOINT,
            description = "SPARQL endpoint to look persons up (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--offline", description = "Send nothing: use the shipped tables and the links file only.")
    boolean offline;

    @Option(names = "--links-file", paramLabel = "FILE",
            description = "Your accepted and rejected links (default: " + DEFAULT_LINKS_FILE + " in the working folder, if there).")
    Path linksFile;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Folder of cached answers (default: link-cache next to the store folder).")
    Path cache;

    @Override
    public Integer call() throws Exception {
        Path dir = store.store;
        if (!Files.isDirectory(dir)) throw new Main.UserError("no store at " + dir + "; run \"vietpol build\" first");
        LinksFile links = readLinksFile();
        Path cacheDir = cache != null ? cache : dir.toAbsolutePath().normalize().resolveSibling("link-cache");
        Linker linker;
        try {
            linker = Linker.create().offline(offline).endpoint(endpoint).linksFile(links).cacheDir(cacheDir).build();
        } catch (IllegalArgumentException e) {
            throw new Main.UserError("--endpoint: " + e.getMessage());
        }
        LinkReport report;
        try (GraphStore gs = GraphStore.open(dir)) {
            report = linker.run(gs);
        } catch (IOException e) {
            throw new Main.UserError(e.getMessage() + (offline ? "" : "; the links graph is unchanged (--offline links from the tables alone)"));
        }
        System.out.println(report.summary());
        if (!offline) System.out.println("cache: " + cacheDir);
        if (links.path() != null) System.out.println("links file: " + links.path() + " (" + links.entries().size() + " decisions)");
        return Main.OK;
    }

    private LinksFile readLinksFile() throws IOException {
        Path p = linksFile;
        if (p == null) {
            p = Path.of(DEFAULT_LINKS_FILE);
            if (!Files.isRegularFile(p)) return LinksFile.empty();
        } else if (!Files.isRegularFile(p)) {
            throw new Main.UserError("no such links file: " + p);
        }
        try {
            return LinksFile.read(p);
        } catch (LinksFile.FormatException e) {
            throw new Main.UserError(e.getMessage());
        }
    }
}
