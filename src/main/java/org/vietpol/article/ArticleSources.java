package org.vietpol.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Reads the inputs of a build: files and folders, each file by the first {@link ArticleReader} that accepts it.
 * Folders are walked recursively in sorted order, so a build sees its articles in the same order every time.
 * Problems (a missing path, an unreadable or unsupported file) go to the sink; nothing is thrown for them.
 */
public final class ArticleSources {
    private ArticleSources() {}

    /**
     * The readers found through {@link ServiceLoader}, sorted by class name: the loader's own order depends on
     * the class path, and the first reader that accepts a file must not.
     */
    public static List<ArticleReader> readers() {
        return Readers.ALL;
    }

    public static void read(List<Path> paths, ArticleSink sink) {
        read(paths, readers(), sink);
    }

    public static void read(List<Path> paths, List<ArticleReader> readers, ArticleSink sink) {
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : walk(path, readers, sink)) readFile(file, reader(file, readers), sink);
            } else if (Files.isRegularFile(path)) {
                ArticleReader reader = reader(path, readers);
                if (reader == null) {
                    sink.problem(new InputProblem(path.toString(), 0,
                            "unsupported file type (no reader takes it; built in: .txt, .html, .htm, .jsonl)"));
                } else {
                    readFile(path, reader, sink);
                }
            } else if (Files.exists(path)) {
                sink.problem(new InputProblem(path.toString(), 0, "not a regular file or folder"));
            } else {
                sink.problem(new InputProblem(path.toString(), 0, "no such file or folder"));
            }
        }
    }

    private static ArticleReader reader(Path file, List<ArticleReader> readers) {
        for (ArticleReader r : readers) if (r.accepts(file)) return r;
        return null;
    }

    /**
     * Reads one file. Whatever goes wrong inside a reader costs only that file; a failure of the sink itself (the
     * store behind it) is not the file's fault and goes on up.
     */
    private static void readFile(Path file, ArticleReader reader, ArticleSink sink) {
        Guarded guarded = new Guarded(sink);
        try {
            reader.read(file, guarded);
        } catch (IOException | UncheckedIOException e) {
            if (guarded.failure != null) throw guarded.failure;
            sink.problem(new InputProblem(file.toString(), 0, "cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            if (guarded.failure != null) throw guarded.failure;
            sink.problem(new InputProblem(file.toString(), 0, "could not be read: " + e));
        } catch (StackOverflowError e) {
            if (guarded.failure != null) throw guarded.failure;
            sink.problem(new InputProblem(file.toString(), 0, "could not be read: nested or repeated too deeply"));
        }
    }

    /** Passes everything on, remembering a failure of the sink so that it is not blamed on the file. */
    private static final class Guarded implements ArticleSink {
        private final ArticleSink sink;
        RuntimeException failure;

        Guarded(ArticleSink sink) {
            this.sink = sink;
        }

        @Override
        public void article(Article article) {
            try {
                sink.article(article);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void problem(InputProblem problem) {
            try {
                sink.problem(problem);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void note(InputProblem note) {
            try {
                sink.note(note);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** Files some reader accepts, sorted; hidden files and folders (".git", ".DS_Store") are skipped. */
    private static List<Path> walk(Path root, List<ArticleReader> readers, ArticleSink sink) {
        Collector collector = new Collector(root, readers, sink);
        try {
            // Links are followed: a corpus folder is often a link to shared storage. Loops are reported.
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, collector);
        } catch (IOException e) {
            sink.problem(new InputProblem(root.toString(), 0, "cannot list folder: " + e.getMessage()));
        }
        collector.files.sort(Comparator.comparing(Path::toString));
        return collector.files;
    }

    private static final class Collector extends SimpleFileVisitor<Path> {
        final List<Path> files = new ArrayList<>();
        private final Path root;
        private final List<ArticleReader> readers;
        private final ArticleSink sink;

        Collector(Path root, List<ArticleReader> readers, ArticleSink sink) {
            this.root = root;
            this.readers = readers;
            this.sink = sink;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !hidden(file) && reader(file, readers) != null) files.add(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            sink.problem(new InputProblem(file.toString(), 0, "cannot read: " + e.getMessage()));
            return FileVisitResult.CONTINUE;
        }
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static final class Readers {
        static final List<ArticleReader> ALL = ServiceLoader
                .load(ArticleReader.class, ArticleReader.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(r -> r.getClass().getName()))
                .toList();
    }
}
