package org.vietpol.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Writes one output partition as three gzip files, {@code quads/part-r-NNNNN.nq.gz},
 * {@code hashes/part-r-NNNNN.tsv.gz} and {@code problems/part-r-NNNNN.tsv.gz}, under the task attempt's work
 * folder. Hadoop's {@link FileOutputCommitter}, driven by Spark's commit protocol, moves a task's folder into the
 * output only when that attempt commits (one attempt per partition), and the job's output only when every task
 * did: a failed or speculative attempt leaves nothing behind, and the names are the partition's, so a retried
 * partition writes the same files.
 */
public final class PartsOutputFormat extends FileOutputFormat<String, Item> {
    @Override
    public RecordWriter<String, Item> getRecordWriter(TaskAttemptContext ctx) throws IOException {
        Path work = ((FileOutputCommitter) getOutputCommitter(ctx)).getWorkPath();
        int partition = ctx.getTaskAttemptID().getTaskID().getId();
        FileSystem fs = work.getFileSystem(ctx.getConfiguration());
        String part = String.format("part-r-%05d", partition);
        Writer quads = open(fs, new Path(new Path(work, Layout.QUADS), Layout.quadsPart(partition)));
        Writer hashes = open(fs, new Path(new Path(work, Layout.HASHES), part + ".tsv.gz"));
        Writer problems = open(fs, new Path(new Path(work, Layout.PROBLEMS), part + ".tsv.gz"));
        return new RecordWriter<>() {
            @Override
            public void write(String key, Item i) throws IOException {
                switch (i.kind) {
                    case Item.GRAPH, Item.REUSED -> {
                        quads.write(i.nquads);
                        hashes.write(tsv(i.id) + '\t' + i.hash + '\t' + tsv(i.source) + '\n');
                    }
                    case Item.PROBLEM -> problems.write(tsv(i.id) + '\t' + tsv(i.line > 0 ? i.source + ":" + i.line : i.source)
                            + '\t' + tsv(i.reason) + '\n');
                    default -> { } // duplicates are counted, not written
                }
            }

            @Override
            public void close(TaskAttemptContext c) throws IOException {
                try (quads; hashes; problems) {
                    // closes all three, the first failure thrown
                }
            }
        };
    }

    private static Writer open(FileSystem fs, Path p) throws IOException {
        // java.util.zip writes no time stamp: the same partition gives the same bytes
        return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(fs.create(p, false), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** A TSV field: tabs and line breaks would split the row, so they become spaces; null becomes empty. */
    static String tsv(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
