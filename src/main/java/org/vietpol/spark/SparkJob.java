package org.vietpol.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The build on Apache Spark: reads articles from any Hadoop path (folders of {@code .txt}/{@code .html},
 * JSON Lines, Parquet tables with the JSON Lines fields), extracts, maps and validates them in the executors with
 * the single-machine build's code ({@link org.vietpol.build.ArticlePipeline}), and writes a new generation of the output folder
 * ({@link Layout}): gzip N-Quads parts, the content hashes and the problems. {@code vietpol load} puts the parts
 * into a TDB2 store.
 *
 * <p>Stages: the driver lists the input files (sorted, as the build walks folders); tasks read them with the
 * build's readers (a bad file or record becomes a problem row, never a failed task); the articles are shuffled by
 * graph IRI into {@code partitions} hash partitions and sorted; each partition keeps the later article of an id,
 * reuses the previous generation's graph of an unchanged article and processes the others; one Hadoop commit
 * writes the three outputs.
 */
public final class SparkJob {
    private SparkJob() {}

    /** The job's parameters. {@code partitions} null: the previous generation's, else from the input size. */
    public record Options(List<String> inputs, String out, Integer partitions, boolean full, int failOnce) {
        public Options {
            inputs = List.copyOf(inputs);
        }
    }

    /** What a run did. */
    public record Report(String generation, long read, long mapped, long reused, long problems, long duplicates,
                         long quads, int partitions, List<String> someProblems, Duration elapsed) {
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("articles: %d read, %d mapped, %d unchanged (graphs reused), %d skipped%n",
                    read, mapped, reused, problems));
            for (String p : someProblems) sb.append("  skipped ").append(p).append(System.lineSeparator());
            if (problems > someProblems.size()) {
                sb.append("  ... ").append(problems - someProblems.size()).append(" more in ")
                        .append(generation).append('/').append(Layout.PROBLEMS).append(System.lineSeparator());
            }
            if (duplicates > 0) {
                sb.append("  warning: ").append(duplicates)
                        .append(" articles had the id of a later one, which replaced them").append(System.lineSeparator());
            }
            sb.append(String.format("quads: %d in %d parts, seconds: %.1f%n", quads, partitions, elapsed.toMillis() / 1000.0));
            sb.append("output: ").append(generation).append('/').append(Layout.QUADS);
            return sb.toString();
        }
    }

    /** The last complete generation of an output folder, or null. */
    record Generation(Path dir, int number, Layout.RunInfo info) {}

    static Generation current(FileSystem fs, Path out) throws IOException {
        if (!fs.exists(out)) return null;
        Generation best = null;
        for (FileStatus st : fs.listStatus(out)) {
            int n = Layout.generationNumber(st.getPath().getName());
            Path run = new Path(st.getPath(), Layout.RUN_FILE);
            if (n < 0 || !st.isDirectory() || !fs.exists(run) || (best != null && best.number() > n)) continue;
            try (var in = fs.open(run)) {
                best = new Generation(st.getPath(), n, Layout.RunInfo.read(in));
            }
        }
        return best;
    }

    public static Report run(SparkSession spark, Options o) throws IOException {
        long t0 = System.nanoTime();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = sc.hadoopConfiguration();
        Path out = new Path(o.out());
        FileSystem fs = out.getFileSystem(conf);
        out = fs.makeQualified(out);
        Generation previous = current(fs, out);
        int newest = previous == null ? 0 : previous.number();
        if (fs.exists(out)) {
            for (FileStatus st : fs.listStatus(out)) newest = Math.max(newest, Layout.generationNumber(st.getPath().getName()));
        }
        Path gen = new Path(out, Layout.generationName(newest + 1));
        String fingerprint = ArticleProcessor.fingerprint();

        Inputs.Listing listing = Inputs.list(o.inputs(), conf);
        long bytes = listing.files().stream().mapToLong(Inputs.InputFile::length).sum();
        int partitions = o.partitions() != null ? o.partitions()
                : previous != null ? previous.info().partitions()
                : (int) Math.max(2L * sc.defaultParallelism(), (bytes >> 26) + 1); // 64 MB of input a partition
        boolean reuse = !o.full() && previous != null && previous.info().fingerprint().equals(fingerprint)
                && previous.info().partitions() == partitions;

        ConfBox box = new ConfBox(conf);
        JavaRDD<Item> items = sc.parallelize(listing.problems(), 1);
        List<List<Inputs.InputFile>> groups = groups(listing.files(), sc.defaultParallelism());
        if (!groups.isEmpty()) {
            JavaRDD<Item> read = sc.parallelize(groups, groups.size()).flatMap(group -> {
                List<Item> got = new ArrayList<>();
                for (Inputs.InputFile f : group) Inputs.read(f, box.get(), got::add);
                return got.iterator();
            });
            items = items.union(read);
        }
        List<Inputs.InputFile> parquet = listing.files().stream().filter(f -> f.kind().equals(Inputs.PARQUET)).toList();
        if (!parquet.isEmpty()) items = items.union(ParquetArticles.read(spark, parquet));

        var acc = spark.sparkContext();
        Processing.Settings settings = new Processing.Settings(box,
                reuse ? new Path(previous.dir(), Layout.QUADS).toString() : null, o.failOnce(),
                acc.longAccumulator("read"), acc.longAccumulator("mapped"), acc.longAccumulator("reused"),
                acc.longAccumulator("problems"), acc.longAccumulator("duplicates"), acc.longAccumulator("quads"));
        JavaPairRDD<String, Item> sorted = items.mapToPair(i -> new Tuple2<>(Processing.key(i), i))
                .repartitionAndSortWithinPartitions(new HashPartitioner(partitions));
        JavaPairRDD<String, Item> results = sorted
                .mapPartitionsWithIndex((index, it) -> Processing.partition(index, it, settings), true)
                .mapToPair(i -> new Tuple2<>(i.id == null ? "" : i.id, i));

        Job job = Job.getInstance(conf);
        job.getConfiguration().set("mapreduce.output.fileoutputformat.outputdir", gen.toString());
        results.saveAsNewAPIHadoopFile(gen.toString(), String.class, Item.class, PartsOutputFormat.class,
                job.getConfiguration());

        Layout.RunInfo info = new Layout.RunInfo(fingerprint, partitions, settings.read().value(),
                settings.reused().value(), settings.problems().value(), settings.duplicates().value(),
                settings.quads().value());
        // the marker of a complete generation, written last: a run killed before it leaves a generation no one reads
        try (OutputStream os = fs.create(new Path(gen, Layout.RUN_FILE), true)) {
            info.write(os);
        }
        for (FileStatus st : fs.listStatus(out)) {
            int n = Layout.generationNumber(st.getPath().getName());
            if (n >= 0 && n <= newest) fs.delete(st.getPath(), true);
        }
        return new Report(gen.toString(), info.articles(), settings.mapped().value(), info.reused(), info.problems(),
                info.duplicates(), info.quads(), partitions, someProblems(fs, new Path(gen, Layout.PROBLEMS), 20),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Input files in groups, in order: a task each. At most about 32 MB or 500 files a group, and as many groups as
     * a multiple of the task slots, of about the same size, so that no slot waits alone for the reading stage's last
     * task before the shuffle (with groups of 1,000 files, 5,000 files made five tasks: one slot in two idle for
     * the last fifth of the stage).
     */
    static List<List<Inputs.InputFile>> groups(List<Inputs.InputFile> files, int slots) {
        List<Inputs.InputFile> plain = files.stream().filter(f -> f.kind().equals(Inputs.FILE)).toList();
        if (plain.isEmpty()) return List.of();
        long bytes = plain.stream().mapToLong(f -> Math.max(1, f.length())).sum();
        long n = Math.max((plain.size() + 499) / 500, (bytes + (32L << 20) - 1) / (32L << 20));
        n = Math.min(plain.size(), (n + slots - 1) / slots * slots);
        List<List<Inputs.InputFile>> out = new ArrayList<>();
        List<Inputs.InputFile> g = new ArrayList<>();
        long size = 0, done = 0;
        for (Inputs.InputFile f : plain) {
            g.add(f);
            size += Math.max(1, f.length());
            // close the group when the bytes so far reach its share of the whole
            if ((double) size * n >= (double) (done + 1) * bytes && out.size() < n - 1) {
                out.add(g);
                g = new ArrayList<>();
                done++;
            }
        }
        if (!g.isEmpty()) out.add(g);
        return out;
    }

    /** The first problems of a generation, "file: reason", for the summary. */
    static List<String> someProblems(FileSystem fs, Path dir, int max) throws IOException {
        List<String> out = new ArrayList<>();
        if (!fs.exists(dir)) return out;
        List<FileStatus> parts = new ArrayList<>(List.of(fs.listStatus(dir)));
        parts.sort(java.util.Comparator.comparing(st -> st.getPath().getName()));
        for (FileStatus st : parts) {
            if (!st.getPath().getName().endsWith(".tsv.gz")) continue;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(fs.open(st.getPath())),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null && out.size() < max; ) {
                    String[] f = line.split("\t", 3);
                    out.add(f.length == 3 ? f[1] + ": " + f[2] : line);
                }
            }
            if (out.size() >= max) break;
        }
        return out;
    }
}
