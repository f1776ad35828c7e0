package org.vietpol.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Answers already received, on disk, so a re-run asks the endpoint nothing twice. An answer is stored under the
 * SHA-256 of its query text: {@code KE/KEY.srj} holds the SPARQL JSON results, {@code KE/KEY.rq} the query with the
 * endpoint and time it was asked (for people reading the cache); the two-character folders keep any one folder small.
 * Delete the folder to ask again.
 */
public final class QueryCache {
    /** A stored answer and where and when it was got. */
    public record Entry(String query, String endpoint, Instant fetched, byte[] results) {}

    private final Path dir;

    public QueryCache(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    public static String key(String query) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public Optional<Entry> get(String query) throws IOException {
        Path results = resultsFile(query), meta = metaFile(query);
        if (!Files.isRegularFile(results) || !Files.isRegularFile(meta)) return Optional.empty();
        String endpoint = null;
        Instant fetched = null;
        for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
            if (line.startsWith("# endpoint: ")) endpoint = line.substring(12).strip();
            else if (line.startsWith("# fetched: ")) fetched = Instant.parse(line.substring(11).strip());
            else if (!line.startsWith("#")) break;
        }
        return Optional.of(new Entry(query, endpoint, fetched, Files.readAllBytes(results)));
    }

    public void put(String query, String endpoint, Instant fetched, byte[] results) throws IOException {
        Files.createDirectories(resultsFile(query).getParent());
        // results last: an entry counts only when both files are there, so a crash between them is harmless
        write(metaFile(query), ("# endpoint: " + endpoint + "\n# fetched: " + fetched + "\n" + query)
                .getBytes(StandardCharsets.UTF_8));
        write(resultsFile(query), results);
    }

    Path resultsFile(String query) {
        String k = key(query);
        return dir.resolve(k.substring(0, 2)).resolve(k + ".srj");
    }

    private Path metaFile(String query) {
        String k = key(query);
        return dir.resolve(k.substring(0, 2)).resolve(k + ".rq");
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Number of stored answers. */
    public int size() throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (var s = Files.walk(dir, 2)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".srj")).count();
        }
    }
}
