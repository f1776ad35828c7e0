package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vietpol.build.Build;
import org.vietpol.build.BuildReport;
import org.vietpol.store.Dump;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Reads articles (.txt, .html/.htm, .jsonl; folders recursively), extracts officials, meetings and",
                "documents, validates each article's graph and loads it into the TDB2 store. Articles unchanged since",
                "the last build (same content, same rules) are kept as they are; changed ones are replaced.",
                "Exit status: 0 all loaded, 1 some inputs skipped (the rest is loaded), 2 usage error."})
final class BuildCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Mixin
    DecisionsOption decisions;

    @Option(names = "--dump", paramLabel = "FILE", description = "Also write the whole dataset to FILE (.nq or .trig), sorted so that rebuilds give identical files (an external sort: the heap holds a few hundred thousand quads at a time, whatever the size of the store).")
    Path dump;

    @Option(names = "--prune", description = "Remove articles that are in the store but no longer in the input.")
    boolean prune;

    @Option(names = "--threads", paramLabel = "N", description = "Extraction threads (default: all cores but one, which loads).")
    Integer threads;

    @Option(names = "--progress-lines", hidden = true,
            description = "Print a line on standard error when the load's transaction begins and for each article loaded (for scripts and tests that watch a build).")
    boolean progressLines;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or folders.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        Build.Builder b = Build.create().prune(prune).decisions(decisions.read());
        if (threads != null) b.threads(threads);
        return run(store.store, inputs, dump, b, progressLines);
    }

    static int run(Path storeDir, List<Path> inputs, Path dump) throws Exception {
        return run(storeDir, inputs, dump, Build.create().decisions(DecisionsOption.read(null)), false);
    }

    static int run(Path storeDir, List<Path> inputs, Path dump, Build.Builder builder, boolean lines) throws Exception {
        if (dump != null) Dump.formatFor(dump); // refuse a bad name before the work, not after
        for (Path p : inputs) if (!Files.exists(p)) throw new Main.UserError("no such file or folder: " + p);
        BuildReport report;
        try (GraphStore gs = GraphStore.open(storeDir); ProgressBar bar = progressBar()) {
            report = builder.progress(id -> {
                if (lines) System.err.println(id.equals(Build.LOAD_BEGUN) ? "build: load begun" : "build: loaded " + id);
                if (bar != null && !id.equals(Build.LOAD_BEGUN)) bar.step();
            }).build().run(inputs, gs);
            if (dump != null) Dump.write(gs.dataset(), dump);
        }
        System.out.println(report.summary());
        System.out.println("store: " + storeDir + (dump == null ? "" : ", dump: " + dump));
        return report.skipped().isEmpty() ? Main.OK : Main.SKIPPED;
    }

    /** A progress bar on an interactive terminal only; logs and CI get the summary alone. */
    private static ProgressBar progressBar() {
        if (System.console() == null) return null;
        return new ProgressBarBuilder().setTaskName("articles").setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200).continuousUpdate().clearDisplayOnFinish().build();
    }
}
