package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.eval.Gold;
import org.vietpol.eval.ResolutionScorer;
import org.vietpol.eval.Scorer;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Builds the articles in memory and scores them against gold files (the contract's score):",
                "precision, recall and F1 per category, micro-averaged over the articles that have gold.",
                "With --resolution DIR, also builds each case of a resolution set on its own and scores person",
                "resolution: pairwise precision and recall of the persons against the gold clusters."})
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--gold", paramLabel = "DIR", description = "Folder of gold *.json files (with article PATHs).")
    Path gold;

    @Option(names = "--resolution", paramLabel = "DIR",
            description = "A resolution set: one folder per case with its articles and gold.json (src/test/resources/resolution).")
    Path resolution;

    @Option(names = "--verbose", description = "Also list each missed and spurious tuple.")
    boolean verbose;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Article files or folders.")
    List<Path> inputs = List.of();

    @Override
    public Integer call() throws Exception {
        if (resolution == null && (gold == null || inputs.isEmpty())) {
            throw new Main.UserError("give --gold DIR and article PATHs, or --resolution DIR, or both");
        }
        if (gold != null && inputs.isEmpty()) throw new Main.UserError("--gold needs the article PATHs it scores");
        if (gold != null) scoreExtraction();
        if (resolution != null) scoreResolution();
        return Main.OK;
    }

    private void scoreResolution() throws Exception {
        if (!Files.isDirectory(resolution)) throw new Main.UserError("no such folder: " + resolution);
        List<ResolutionScorer.Score> scores = new java.util.ArrayList<>();
        for (ResolutionScorer.Case c : ResolutionScorer.readCases(resolution)) {
            try (GraphStore gs = GraphStore.inMemory()) {
                BuildReport r = Build.create().build().run(List.of(c.dir()), gs);
                r.skipped().forEach(p -> System.err.println("skipped " + p));
                scores.add(ResolutionScorer.score(gs.dataset(), c));
            }
        }
        ResolutionScorer.Score t = ResolutionScorer.total(scores);
        System.out.printf("person resolution: %d cases, %d mentions (%d found in the graphs)%n", scores.size(), t.mentions(), t.found());
        System.out.printf("%-10s %9s %9s %9s %6s %6s %6s%n", "pairs", "precision", "recall", "F1", "tp", "merged", "split");
        System.out.printf("%-10s %9.3f %9.3f %9.3f %6d %6d %6d%n", "persons", t.precision(), t.recall(), t.f1(),
                t.truePairs(), t.falseMerges(), t.falseSplits());
        if (verbose) t.errors().forEach(e -> System.out.println("error    " + e));
    }

    private void scoreExtraction() throws Exception {
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
    }
}
