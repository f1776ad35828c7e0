package org.vietpol.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vietpol.spark.LocalSpark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Builds on Apache Spark: reads articles from any path Spark's Hadoop file systems read (local, HDFS,",
                "S3 through your Spark configuration): folders of .txt/.html, JSON Lines, Parquet tables with the JSON Lines",
                "fields; extracts, maps and validates them in the executors with the build's own code; writes gzip N-Quads",
                "parts, the content hashes and a problems table to a new generation of OUT. A run on the same OUT extracts",
                "only new and changed articles. Load the parts with `vietpol load`.",
                "Embedded: --master local[*] (Spark's jars come from the Maven build, or $SPARK_HOME/jars).",
                "On a cluster: spark-submit --class org.vietpol.spark.Submit target/vietpol.jar --out OUT PATH...",
                "Exit status: 0 all built, 1 some inputs skipped (the rest is built), 2 usage error."})
final class SparkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[*], local[2], spark://HOST:7077, yarn, k8s://...); default: spark-submit's, else local[*].")
    String master;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (any Hadoop path).")
    String out;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Output parts (default: the previous run's, else one per 64 MB of input, at least twice the cores).")
    Integer partitions;

    @Option(names = "--full", description = "Extract every article again (ignore the previous run's graphs).")
    boolean full;

    @Option(names = "--fail-once", hidden = true, paramLabel = "PARTITION", defaultValue = "-1",
            description = "Tests: fail the first attempt of this partition's task half way through.")
    int failOnce;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files or folders (Hadoop paths).")
    List<String> inputs;

    @Override
    public Integer call() throws Exception {
        if (partitions != null && partitions < 1) throw new Main.UserError("--partitions must be positive");
        if (!LocalSpark.present()) {
            String missing = LocalSpark.missing();
            if (missing != null) throw new Main.UserError(missing);
            List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
            if (args.isEmpty() || !args.get(0).equals("spark")) args.add(0, "spark");
            return LocalSpark.relaunch(args);
        }
        return org.vietpol.spark.SparkRunner.run(master,
                new org.vietpol.spark.SparkJob.Options(inputs, out, partitions, full, failOnce), System.out);
    }
}
