package org.vietpol.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of the Spark job's output folder, shared by the job (through Hadoop's file systems) and by
 * {@code vietpol load} (plain files, no Spark on the class path):
 *
 * <pre>
 * OUT/gen-00001/quads/part-r-00000.nq.gz      the article graphs, N-Quads, gzip; one part per output partition,
 *                                            articles sorted by graph IRI, each article's quads together
 * OUT/gen-00001/hashes/part-r-00000.tsv.gz    id, content hash, file: one line per article in the quads
 * OUT/gen-00001/problems/part-r-00000.tsv.gz  id, file, reason: one line per input or article skipped
 * OUT/gen-00001/_SUCCESS                      written by Hadoop's committer when the job committed
 * OUT/gen-00001/vietpol-run.properties       fingerprint, partitions and counts: written last, it marks the
 *                                            generation complete
 * </pre>
 *
 * A run writes a new generation next to the last complete one, reads the last one's parts to reuse the graphs of
 * unchanged articles, and removes older generations once its own is complete.
 */
public final class Layout {
    private Layout() {}

    public static final String QUADS = "quads", HASHES = "hashes", PROBLEMS = "problems";
    public static final String RUN_FILE = "vietpol-run.properties";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{5,})");

    public static String generationName(int n) {
        return String.format("gen-%05d", n);
    }

    /** The generation number of a folder name, or -1. */
    public static int generationNumber(String name) {
        Matcher m = GENERATION.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The file of one partition's article graphs. */
    public static String quadsPart(int partition) {
        return String.format("part-r-%05d.nq.gz", partition);
    }

    /** What a generation records about itself. */
    public record RunInfo(String fingerprint, int partitions, long articles, long reused, long problems,
                          long duplicates, long quads) {
        public void write(OutputStream out) throws IOException {
            Properties p = new Properties();
            p.setProperty("fingerprint", fingerprint);
            p.setProperty("partitions", Integer.toString(partitions));
            p.setProperty("articles", Long.toString(articles));
            p.setProperty("reused", Long.toString(reused));
            p.setProperty("problems", Long.toString(problems));
            p.setProperty("duplicates", Long.toString(duplicates));
            p.setProperty("quads", Long.toString(quads));
            p.store(out, "vietpol spark run: complete");
        }

        public static RunInfo read(InputStream in) throws IOException {
            Properties p = new Properties();
            p.load(in);
            return new RunInfo(p.getProperty("fingerprint", ""), Integer.parseInt(p.getProperty("partitions", "0")),
                    Long.parseLong(p.getProperty("articles", "0")), Long.parseLong(p.getProperty("reused", "0")),
                    Long.parseLong(p.getProperty("problems", "0")), Long.parseLong(p.getProperty("duplicates", "0")),
                    Long.parseLong(p.getProperty("quads", "0")));
        }
    }
}
