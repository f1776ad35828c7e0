package org.vietpol.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.vietpol.article.Article;
import org.vietpol.article.ArticleReader;
import org.vietpol.article.ArticleSink;
import org.vietpol.article.ArticleSources;
import org.vietpol.article.InputProblem;

/**
 * The job's inputs on any Hadoop file system: listed on the driver (folders recursively, hidden names skipped,
 * sorted, as the build walks folders), read in the executors by the build's own article readers.
 */
final class Inputs {
    private Inputs() {}

    static final String FILE = "file", PARQUET = "parquet";

    /**
     * One input file: its place in the sorted input list, its path, how to read it and its size. A plain class,
     * not a record: Kryo (Spark's serializer here) builds objects through a constructor without arguments.
     */
    static final class InputFile implements Serializable {
        private static final long serialVersionUID = 1L;
        private int ordinal;
        private String path, kind;
        private long length;

        InputFile() {}

        InputFile(int ordinal, String path, String kind, long length) {
            this.ordinal = ordinal;
            this.path = path;
            this.kind = kind;
            this.length = length;
        }

        int ordinal() {
            return ordinal;
        }

        String path() {
            return path;
        }

        String kind() {
            return kind;
        }

        long length() {
            return length;
        }
    }

    record Listing(List<InputFile> files, List<Item> problems) {}

    /** Lists the inputs in the build's order: the paths as given, each folder's files sorted by path. */
    static Listing list(List<String> paths, Configuration conf) throws IOException {
        List<InputFile> files = new ArrayList<>();
        List<Item> problems = new ArrayList<>();
        for (String p : paths) {
            Path path = new Path(p);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus st;
            try {
                st = fs.getFileStatus(path);
            } catch (java.io.FileNotFoundException e) {
                problems.add(Item.problem(null, p, -1, 0, "no such file or folder"));
                continue;
            }
            if (st.isDirectory()) {
                List<FileStatus> found = new ArrayList<>();
                walk(fs, st.getPath(), found);
                found.sort(Comparator.comparing(f -> f.getPath().toString()));
                for (FileStatus f : found) {
                    files.add(new InputFile(files.size(), f.getPath().toString(), kind(f.getPath().getName()), f.getLen()));
                }
            } else {
                String kind = kind(path.getName());
                if (kind == null) {
                    problems.add(Item.problem(null, st.getPath().toString(), -1, 0,
                            "unsupported file type (no reader takes it; built in: .txt, .html, .htm, .jsonl, and .parquet in Spark)"));
                } else {
                    files.add(new InputFile(files.size(), st.getPath().toString(), kind, st.getLen()));
                }
            }
        }
        return new Listing(files, problems);
    }

    /**
     * The readable files below a folder, recursively, skipping names that start with a dot below it (".git",
     * ".DS_Store", Hadoop's ".crc" files). By {@code listStatus}, not {@code listFiles}: the latter's located
     * statuses ask each file's permissions, which Hadoop's local file system (without its native library) does
     * by starting an {@code ls} process per file, most of a 20,000-file job's time.
     */
    private static void walk(FileSystem fs, Path dir, List<FileStatus> found) throws IOException {
        for (FileStatus f : fs.listStatus(dir)) {
            if (f.getPath().getName().startsWith(".")) continue;
            if (f.isDirectory()) walk(fs, f.getPath(), found);
            else if (kind(f.getPath().getName()) != null) found.add(f);
        }
    }

    /** How a file is read: by one of the build's readers, as a Parquet table, or not at all (null). */
    static String kind(String name) {
        if (name.toLowerCase(Locale.ROOT).endsWith(".parquet")) return PARQUET;
        return reader(Paths.get(name)) != null ? FILE : null;
    }

    private static ArticleReader reader(java.nio.file.Path file) {
        for (ArticleReader r : ArticleSources.readers()) if (r.accepts(file)) return r;
        return null;
    }

    /**
     * Reads one file with the build's reader for it. A local file is read where it is; a file on another file
     * system is copied to a local temporary file of the same name first (the readers take a local path; the name
     * gives the article id). Whatever goes wrong costs only this file: it becomes a problem, never an exception.
     */
    static void read(InputFile f, Configuration conf, Consumer<Item> out) {
        Path hp = new Path(f.path());
        java.nio.file.Path tmpDir = null;
        try {
            java.nio.file.Path local;
            if ("file".equals(hp.toUri().getScheme()) || hp.toUri().getScheme() == null) {
                local = Paths.get(hp.toUri().getPath());
            } else {
                tmpDir = Files.createTempDirectory("vietpol-input-");
                local = tmpDir.resolve(hp.getName());
                FileSystem fs = hp.getFileSystem(conf);
                try (InputStream in = fs.open(hp)) {
                    Files.copy(in, local);
                }
            }
            readLocal(local, f.path(), f.ordinal(), out);
        } catch (IOException | UncheckedIOException e) {
            out.accept(Item.problem(null, f.path(), f.ordinal(), 0, "cannot read: " + e.getMessage()));
        } finally {
            if (tmpDir != null) deleteQuietly(tmpDir);
        }
    }

    /** Reads a local file; sources name {@code display} instead of the local path. */
    static void readLocal(java.nio.file.Path local, String display, int ordinal, Consumer<Item> out) {
        ArticleReader reader = reader(local);
        String localName = local.toString();
        ArticleSink sink = new ArticleSink() {
            @Override
            public void article(Article a) {
                String source = rename(a.source(), localName, display);
                Article renamed = new Article(a.id(), source, a.url(), a.title(), a.published(), a.text(), a.bylines());
                out.accept(Item.article(renamed, ordinal, lineOf(source, display)));
            }

            @Override
            public void problem(InputProblem p) {
                String source = rename(p.source(), localName, display);
                out.accept(Item.problem(idOf(display, p), source, ordinal, p.line(), p.reason()));
            }
        };
        if (reader == null) {
            sink.problem(new InputProblem(localName, 0, "unsupported file type"));
            return;
        }
        // as ArticleSources.readFile: whatever goes wrong inside a reader costs only that file
        try {
            reader.read(local, sink);
        } catch (IOException | UncheckedIOException e) {
            sink.problem(new InputProblem(localName, 0, "cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            sink.problem(new InputProblem(localName, 0, "could not be read: " + e));
        } catch (StackOverflowError e) {
            sink.problem(new InputProblem(localName, 0, "could not be read: nested or repeated too deeply"));
        } catch (OutOfMemoryError e) {
            sink.problem(new InputProblem(localName, 0, "too large to read in the memory given"));
        }
    }

    private static String rename(String source, String local, String display) {
        return source.startsWith(local) ? display + source.substring(local.length()) : source;
    }

    /** The line of a JSON Lines source ("file:12"), else 0. */
    private static long lineOf(String source, String display) {
        if (source.length() > display.length() + 1 && source.startsWith(display + ":")) {
            try {
                return Long.parseLong(source.substring(display.length() + 1));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** The article id a problem concerns, when the file name gives it (one-article files); else null. */
    private static String idOf(String display, InputProblem p) {
        if (p.line() > 0) return null;
        String name = new Path(display).getName();
        if (kind(name) == null || name.toLowerCase(Locale.ROOT).endsWith(".jsonl")
                || name.toLowerCase(Locale.ROOT).endsWith(".ndjson")) return null;
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static void deleteQuietly(java.nio.file.Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its temporary folder
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
