package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vietpol.generate.ArticleWriter;
import org.vietpol.generate.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes synthetic news articles with their gold files, to measure speed and accuracy at scale:",
                "DIR/articles/NNNNNN.txt (every tenth a saved .html page) and DIR/gold/NNNNNN.json.",
                "The same seed gives the same files."})
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--articles", required = true, paramLabel = "N", description = "How many articles.")
    int articles;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--force", description = "Write into a folder that is not empty.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (articles < 0) throw new Main.UserError("--articles must not be negative");
        if (Files.exists(out) && !Files.isDirectory(out)) throw new Main.UserError("not a folder: " + out);
        if (Files.isDirectory(out) && !force) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) throw new Main.UserError("folder is not empty (use --force): " + out);
            }
        }
        long start = System.nanoTime();
        Generator g = Generator.builder().seed(seed).build();
        long[] counts = new long[5];
        ArticleWriter files = ArticleWriter.toDirectory(out);
        g.generate(articles, a -> {
            files.write(a);
            counts[0]++;
            counts[1] += a.officials();
            counts[2] += a.meetings();
            counts[3] += a.documents();
            counts[4] += a.content().length();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("articles: %d, officials: %d, meetings: %d, documents: %d, characters: %d%n",
                counts[0], counts[1], counts[2], counts[3], counts[4]);
        System.out.printf("out: %s, seconds: %.2f%n", out, seconds);
        return Main.OK;
    }
}
