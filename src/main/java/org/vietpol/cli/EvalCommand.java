package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.eval.Gold;
import org.vietpol.eval.Scorer;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Builds the articles in memory and scores them against gold files (the contract's score):",
                "precision, recall and F1 per category, micro-averaged over the articles that have gold."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "Folder of gold *.json files.")
    Path gold;

    @Option(names = "--verbose", description = "Also list each missed and spurious tuple.")
    boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or folders.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        for (Path p : inputs) if (!Files.exists(p)) throw new Main.UserError("no such file or folder: " + p);
        List<Gold> golds = Gold.readDirectory(gold);
        Map<String, Scorer.Score> scores;
        BuildReport report;
        try (GraphStore gs = GraphStore.inMemory()) {
            report = Build.create().build().run(inputs, gs);
            scores = Scorer.score(gs.dataset(), golds);
        }
        report.skipped().forEach(p -> System.err.println("skipped " + p));
        System.out.printf("%-10s %9s %9s %9s %6s %6s %6s%n", "category", "precision", "recall", "F1", "tp", "pred", "gold");
        for (Scorer.Score s : scores.values()) {
            System.out.printf("%-10s %9.3f %9.3f %9.3f %6d %6d %6d%n", s.category(), s.precision(), s.recall(), s.f1(),
                    s.truePositives(), s.predicted(), s.gold());
        }
        System.out.printf("articles: %d with gold, %d read%n", golds.size(), report.articlesRead());
        if (verbose) {
            for (Scorer.Score s : scores.values()) {
                s.missed().forEach(m -> System.out.println("missed   " + s.category() + " " + m));
                s.spurious().forEach(m -> System.out.println("spurious " + s.category() + " " + m));
            }
        }
        return Main.OK;
    }
}
