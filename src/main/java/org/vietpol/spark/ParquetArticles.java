package org.vietpol.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Parquet tables with the JSON Lines fields ({@code id}, {@code url}, {@code title}, {@code published},
 * {@code text} or {@code html}): Spark splits them by row group; each row is read by the build's JSON Lines
 * reader, so a row is cleaned and checked exactly as a line of a {@code .jsonl} file. A row's source is
 * {@code file:row} (rows counted from 1).
 */
final class ParquetArticles {
    private ParquetArticles() {}

    private static final List<String> FIELDS = List.of("id", "url", "title", "published", "text", "html");
    private static final int CHUNK = 500;

    static JavaRDD<Item> read(SparkSession spark, List<Inputs.InputFile> files) {
        Map<String, Integer> ordinals = new HashMap<>();
        for (Inputs.InputFile f : files) ordinals.put(pathKey(f.path()), f.ordinal());
        Dataset<Row> table = spark.read().parquet(files.stream().map(Inputs.InputFile::path).toArray(String[]::new));
        List<String> present = Arrays.asList(table.columns());
        List<Column> cols = new ArrayList<>();
        for (String f : FIELDS) {
            cols.add(present.contains(f) ? col(f).cast("string").as(f) : lit(null).cast("string").as(f));
        }
        cols.add(col("_metadata.file_path").as("file_path"));
        cols.add(col("_metadata.row_index").as("row_index"));
        JavaRDD<Row> rows = table.select(cols.toArray(new Column[0])).javaRDD();
        return rows.mapPartitions((Iterator<Row> it) -> {
            List<Item> out = new ArrayList<>();
            List<Row> chunk = new ArrayList<>(CHUNK);
            while (it.hasNext()) {
                chunk.add(it.next());
                if (chunk.size() == CHUNK || !it.hasNext()) {
                    readChunk(chunk, ordinals, out::add);
                    chunk.clear();
                }
            }
            return out.iterator();
        });
    }

    /** Writes the rows as JSON Lines to a local temporary file, reads it with the build's reader. */
    private static void readChunk(List<Row> rows, Map<String, Integer> ordinals, java.util.function.Consumer<Item> out) {
        java.nio.file.Path dir = null;
        try {
            dir = Files.createTempDirectory("vietpol-parquet-");
            java.nio.file.Path file = dir.resolve("rows.jsonl");
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Row r : rows) {
                    JsonObject o = new JsonObject();
                    for (int i = 0; i < FIELDS.size(); i++) if (!r.isNullAt(i)) o.addProperty(FIELDS.get(i), r.getString(i));
                    // a line per row, whatever the text holds: Gson escapes line breaks
                    w.write(o.toString());
                    w.write('\n');
                }
            }
            List<Row> byLine = rows;
            Inputs.readLocal(file, file.toString(), -1, item -> {
                int k = (int) item.line - 1;
                if (k >= 0 && k < byLine.size()) {
                    Row r = byLine.get(k);
                    String path = r.getString(FIELDS.size());
                    long row = r.getLong(FIELDS.size() + 1) + 1;
                    item.file = ordinals.getOrDefault(pathKey(path), Integer.MAX_VALUE);
                    item.line = row;
                    String source = path + ":" + row;
                    if (item.kind == Item.ARTICLE) {
                        item.source = source;
                    } else {
                        item.source = path;
                    }
                } else if (item.kind == Item.PROBLEM) {
                    item.reason = "Parquet rows could not be read: " + item.reason;
                }
                out.accept(item);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) Inputs.deleteQuietly(dir);
        }
    }

    /** The same key for a listed path and Spark's {@code _metadata.file_path} of it. */
    static String pathKey(String path) {
        try {
            return new org.apache.hadoop.fs.Path(new URI(path)).toUri().getPath();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return new org.apache.hadoop.fs.Path(path).toUri().getPath();
        }
    }
}
