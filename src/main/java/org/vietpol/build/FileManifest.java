package org.vietpol.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which input files a store was built from: path, size, modification time and the article ids each gave. A file
 * whose size and time are unchanged (and the rules too) is not read again, so rebuilding a large store after a
 * small change costs a directory walk. Written next to the store after each committed build; a missing or stale
 * manifest only costs speed, never correctness: articles are still compared by content hash.
 */
final class FileManifest {
    /** One file as last built. */
    record Entry(long size, long modified, List<String> ids) {}

    private static final String NAME = "vietpol-files.tsv";
    private final Map<String, Entry> entries;

    private FileManifest(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static FileManifest empty() {
        return new FileManifest(new HashMap<>());
    }

    /** The manifest of a store folder, empty when there is none or it cannot be read. */
    static FileManifest load(Path storeDir, String fingerprint) {
        if (storeDir == null) return empty();
        Path f = storeDir.resolve(NAME);
        Map<String, Entry> m = new HashMap<>();
        try {
            if (!Files.isRegularFile(f)) return empty();
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("# rules " + fingerprint)) return empty();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split("\t", -1);
                if (c.length < 4) continue;
                m.put(c[0], new Entry(Long.parseLong(c[1]), Long.parseLong(c[2]),
                        c[3].isEmpty() ? List.of() : List.of(c[3].split(" "))));
            }
        } catch (IOException | RuntimeException e) {
            return empty(); // only speed is lost
        }
        return new FileManifest(m);
    }

    /** The ids a file gave last time, if it has not changed since; null when it must be read. */
    List<String> unchanged(Path file) {
        Entry e = entries.get(key(file));
        if (e == null) return null;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() == e.size() && a.lastModifiedTime().toMillis() == e.modified() ? e.ids() : null;
        } catch (IOException ex) {
            return null;
        }
    }

    static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** Writes the manifest of this build (atomically). */
    static void save(Path storeDir, String fingerprint, Map<String, List<String>> idsByFile) throws IOException {
        if (storeDir == null) return;
        StringBuilder sb = new StringBuilder("# rules ").append(fingerprint).append('\n');
        for (Map.Entry<String, List<String>> e : new TreeMap<>(idsByFile).entrySet()) {
            Path p = Path.of(e.getKey());
            if (!Files.isRegularFile(p)) continue;
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            sb.append(e.getKey().replace('\t', ' ')).append('\t').append(a.size()).append('\t')
                    .append(a.lastModifiedTime().toMillis()).append('\t').append(String.join(" ", e.getValue())).append('\n');
        }
        Path tmp = storeDir.resolve(NAME + ".tmp");
        Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, storeDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static List<String> newList() {
        return new ArrayList<>();
    }
}
