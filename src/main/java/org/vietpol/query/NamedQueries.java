package org.vietpol.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A set of named queries, by name. They come from a directory of {@code NAME.rq} files
 * ({@link #fromDirectory}) or from the copies packaged with the program ({@link #builtin}); {@link #defaults}
 * prefers a {@code queries/} directory in the working directory, so edited queries win over packaged ones.
 */
public final class NamedQueries {
    /** The classpath folder holding the packaged queries (the build copies {@code queries/} there). */
    public static final String RESOURCE_FOLDER = "org/vietpol/queries";
    /** The directory {@link #defaults} looks for, relative to the working directory. */
    public static final String DIRECTORY = "queries";

    private static final String SUFFIX = ".rq";

    private final Map<String, NamedQuery> byName;

    private NamedQueries(Map<String, NamedQuery> byName) {
        this.byName = byName;
    }

    /**
     * A set of the given queries, kept in name order.
     *
     * @throws IllegalArgumentException if two queries share a name
     */
    public static NamedQueries of(Collection<NamedQuery> queries) {
        Map<String, NamedQuery> map = new TreeMap<>();
        for (NamedQuery q : queries) {
            if (map.putIfAbsent(q.name(), q) != null) {
                throw new IllegalArgumentException("two queries are named " + q.name());
            }
        }
        return new NamedQueries(Collections.unmodifiableMap(new LinkedHashMap<>(map)));
    }

    /** {@code queries/} under the working directory when it exists, else the packaged queries. */
    public static NamedQueries defaults() {
        Path dir = Path.of(DIRECTORY);
        return of(Files.isDirectory(dir) ? fromDirectory(dir) : builtin());
    }

    /**
     * Every {@code *.rq} file directly in {@code dir}, parsed, sorted by name (the file name without
     * {@code .rq}). Hidden files (names starting with a dot) are skipped.
     *
     * @throws QueryDefinitionException for a file that is not a valid query
     * @throws UncheckedIOException     if the directory cannot be read
     */
    public static List<NamedQuery> fromDirectory(Path dir) {
        Map<String, NamedQuery> found = new TreeMap<>();
        readFolder(dir, found);
        return List.copyOf(found.values());
    }

    /**
     * The queries packaged with the program: the {@code *.rq} files in classpath folder
     * {@value #RESOURCE_FOLDER}, whether that folder is a directory (a build's classes) or inside a jar.
     * Where several classpath entries hold the folder, the first one's copy of a name wins.
     *
     * @throws QueryDefinitionException for a packaged file that is not a valid query
     * @throws UncheckedIOException     if the classpath cannot be read
     */
    public static List<NamedQuery> builtin() {
        Map<String, NamedQuery> found = new TreeMap<>();
        ClassLoader loader = NamedQueries.class.getClassLoader();
        try {
            Enumeration<URL> roots = loader.getResources(RESOURCE_FOLDER);
            while (roots.hasMoreElements()) readLocation(roots.nextElement(), found);
            // A jar built without directory entries does not list the folder as a resource; the jar holding
            // this class is where the build puts the queries, so look inside it as well.
            URL self = NamedQueries.class.getResource(NamedQueries.class.getSimpleName() + ".class");
            if (self != null && "jar".equals(self.getProtocol())) {
                Path jar = jarFile(self);
                if (jar != null) readJar(jar, found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the packaged queries in " + RESOURCE_FOLDER, e);
        }
        return List.copyOf(found.values());
    }

    /** The {@code *.rq} files in folder {@value #RESOURCE_FOLDER} of a jar, parsed, sorted by name. */
    static List<NamedQuery> fromJar(Path jar) {
        Map<String, NamedQuery> found = new TreeMap<>();
        readJar(jar, found);
        return List.copyOf(found.values());
    }

    /** The queries at one classpath location of the folder: a {@code file:} or {@code jar:file:} URL. */
    static List<NamedQuery> fromLocation(URL url) {
        Map<String, NamedQuery> found = new TreeMap<>();
        readLocation(url, found);
        return List.copyOf(found.values());
    }

    /** The query called {@code name}, if there is one. */
    public Optional<NamedQuery> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All queries, sorted by name. */
    public List<NamedQuery> all() {
        return List.copyOf(byName.values());
    }

    private static void readLocation(URL url, Map<String, NamedQuery> found) {
        switch (url.getProtocol()) {
            case "file":
                try {
                    readFolder(Path.of(url.toURI()), found);
                } catch (URISyntaxException e) {
                    throw new UncheckedIOException(new IOException("unreadable classpath location " + url, e));
                }
                break;
            case "jar":
                Path jar = jarFile(url);
                if (jar != null) readJar(jar, found);
                break;
            default:
                // Other class loaders (e.g. network ones) cannot be listed; their queries are not seen.
        }
    }

    /** The local jar file of a {@code jar:file:/...!/entry} URL, or null when it is not a plain local jar. */
    private static Path jarFile(URL url) {
        String spec = url.toString();
        int bang = spec.indexOf("!/");
        if (!spec.startsWith("jar:file:") || bang < 0) return null;
        Path jar;
        try {
            jar = Path.of(new URI(spec.substring("jar:".length(), bang)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            // A URL made from a raw path (spaces not escaped) is not a URI; its path is usable as it is.
            jar = Path.of(spec.substring("jar:file:".length(), bang));
        }
        return Files.isRegularFile(jar) ? jar : null;
    }

    private static void readJar(Path jar, Map<String, NamedQuery> found) {
        // A private zip file system each time: no clash with one another part of the program has open.
        try (FileSystem fs = FileSystems.newFileSystem(jar)) {
            Path folder = fs.getPath("/" + RESOURCE_FOLDER);
            if (Files.isDirectory(folder)) readFolder(folder, found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queries in " + jar, e);
        }
    }

    private static void readFolder(Path dir, Map<String, NamedQuery> found) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(f -> {
                String file = f.getFileName().toString();
                return file.endsWith(SUFFIX) && !file.startsWith(".") && Files.isRegularFile(f);
            }).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the queries in " + dir, e);
        }
        for (Path f : files) {
            String file = f.getFileName().toString();
            String name = file.substring(0, file.length() - SUFFIX.length());
            if (found.containsKey(name)) continue;
            found.put(name, NamedQuery.parse(name, read(name, f)));
        }
    }

    private static String read(String name, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new QueryDefinitionException(name, 0, "the file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
