package org.vietpol.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which input files a store was built from: path, size, modification time, and the article ids each gave with their
 * content hashes. A file whose size and time are unchanged (and the rules too) is not read again, so rebuilding a
 * large store after a small change costs a directory walk.
 *
 * <p>Written next to the store after each committed build, and deleted before a build changes the store: a manifest
 * that exists describes the store as the last build left it. When it lists as many articles as the store holds (a
 * store changed between builds by other means, such as SPARQL Update, counts differently), the build takes the
 * stored content hashes from it rather than reading them out of the store. A missing manifest only costs speed.
 */
final class FileManifest {
    /** One file as last built: its articles' content hashes by id, in input order. */
    record Entry(long size, long modified, Map<String, String> articles) {
        /** This entry with no size: the file is read again next time (its reading had a problem to tell again). */
        Entry readAgain() {
            return new Entry(-1, -1, articles);
        }
    }

    private static final String NAME = "vietpol-files.tsv";
    private final Map<String, Entry> entries;
    private FileManifest(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static FileManifest empty() {
        return new FileManifest(new HashMap<>());
    }

    /** The manifest of a store folder, empty when there is none, it cannot be read or other rules wrote it. */
    static FileManifest load(Path storeDir, String fingerprint) {
        if (storeDir == null) return empty();
        Path f = storeDir.resolve(NAME);
        Map<String, Entry> m = new HashMap<>();
        try {
            if (!Files.isRegularFile(f)) return empty();
            var lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("# rules " + fingerprint)) return empty();
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("# ")) continue;
                String[] c = line.split("\t", -1);
                if (c.length < 5) continue;
                Map<String, String> articles = new LinkedHashMap<>();
                if (!c[3].isEmpty()) {
                    String[] ids = c[3].split(" "), hashes = c[4].split(" ");
                    if (ids.length != hashes.length) continue;
                    for (int i = 0; i < ids.length; i++) articles.put(ids[i], hashes[i]);
                }
                m.put(c[0], new Entry(Long.parseLong(c[1]), Long.parseLong(c[2]), articles));
            }
        } catch (IOException | RuntimeException e) {
            return empty(); // only speed is lost
        }
        return new FileManifest(m);
    }

    /** Deletes the manifest: from now until the next {@link #save} it could be stale. */
    static void invalidate(Path storeDir) throws IOException {
        if (storeDir != null) Files.deleteIfExists(storeDir.resolve(NAME));
    }

    /** What a file gave last time, if it has not changed since; null when it must be read. */
    Entry unchanged(Path file) {
        Entry e = entries.get(key(file));
        if (e == null) return null;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() == e.size() && a.lastModifiedTime().toMillis() == e.modified() ? e : null;
        } catch (IOException ex) {
            return null;
        }
    }

    /**
     * Every article the manifest lists, with its content hash, when they are as many as the store holds
     * ({@code storedArticles}); else null, and the hashes must be read out of the store.
     */
    Map<String, String> hashesIfComplete(long storedArticles) {
        Map<String, String> all = new HashMap<>();
        for (Entry e : entries.values())
            for (var a : e.articles().entrySet()) {
                // one id from two files with different texts: which one the store holds is the store's to say
                String was = all.put(a.getKey(), a.getValue());
                if (was != null && !was.equals(a.getValue())) return null;
            }
        return all.size() == storedArticles && storedArticles > 0 ? all : null;
    }

    /** What the manifest lists for a file (by {@link #key}), changed or not; null when it lists nothing. */
    Entry entry(String key) {
        return entries.get(key);
    }

    static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /**
     * Writes the manifest of this build (atomically): the files it walked, with what they gave; and, unless it
     * pruned, the earlier entries of files it did not walk and whose ids no walked file gave (those articles stay
     * in the store as they were).
     */
    void save(Path storeDir, String fingerprint, Map<String, Entry> walked, boolean pruned) throws IOException {
        if (storeDir == null) return;
        Map<String, Entry> out = new TreeMap<>(walked);
        if (!pruned) {
            Set<String> given = new HashSet<>();
            walked.values().forEach(e -> given.addAll(e.articles().keySet()));
            entries.forEach((file, e) -> {
                if (!walked.containsKey(file) && e.articles().keySet().stream().noneMatch(given::contains))
                    out.put(file, e);
            });
        }
        Path tmp = storeDir.resolve(NAME + ".tmp");
        try (var w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("# rules " + fingerprint + "\n");
            for (var f : out.entrySet()) {
                Entry e = f.getValue();
                w.write(f.getKey().replace('\t', ' ') + '\t' + e.size() + '\t' + e.modified() + '\t'
                        + String.join(" ", e.articles().keySet()) + '\t' + String.join(" ", e.articles().values()) + '\n');
            }
        }
        Files.move(tmp, storeDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
