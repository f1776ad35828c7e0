package org.vietpol.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vietpol.graph.Iris;
import org.vietpol.store.GraphStore;

/**
 * The incremental plan of one build: what to read, what to skip, what to replace and what to prune. Made from the
 * store (its rules' fingerprint and the content hashes of its articles) and the file manifest next to it; filled
 * in as the build walks its inputs; saved as the next manifest once the build has committed.
 *
 * <ul>
 *   <li>read: a file whose size and time are those of the manifest, built by the same rules and whose articles the
 *       store still holds, is not read at all ({@link #unchangedFile}); every other file is;</li>
 *   <li>skip: an article whose content hash is the stored one, under the same rules ({@link #unchanged});</li>
 *   <li>replace: an article the store holds, or one this build already loaded (a duplicate id)
 *       ({@link #inStore});</li>
 *   <li>prune: the stored articles no input gave, except those whose input had a problem this time: the last good
 *       version of an article whose file, or JSON Lines record, failed stays ({@link #toPrune}).</li>
 * </ul>
 */
final class BuildPlan {
    private final String fingerprint;
    private final boolean sameRules;
    private final FileManifest manifest;
    private final Path storeDir;
    /** Stored articles' content hashes, by article graph IRI. */
    private final Map<String, String> stored = new HashMap<>();
    /** Files walked this build, with the articles they gave (by id, with hashes). */
    private final Map<String, FileManifest.Entry> walked = new ConcurrentHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<String> troubled = new HashSet<>();
    private final Set<String> loadedThisRun = new HashSet<>();
    private int unchangedFiles;
    private final boolean manifestComplete;

    private BuildPlan(GraphStore store, String fingerprint) {
        this.fingerprint = fingerprint;
        this.storeDir = store.directory();
        this.sameRules = fingerprint.equals(store.fingerprint());
        this.manifest = sameRules ? FileManifest.load(storeDir, fingerprint) : FileManifest.empty();
        // the stored articles' content hashes: from the manifest when it accounts for them all (reading them out of
        // a store of 10^5 articles takes seconds)
        Map<String, String> listed = manifest.hashesIfComplete(store.articleCount());
        manifestComplete = listed != null;
        if (listed != null) listed.forEach((id, hash) -> stored.put(Iris.article(id), hash));
        else stored.putAll(store.articleHashes());
    }

    /**
     * The plan for building into {@code store} under rules with this fingerprint. The stale manifest is removed
     * now: until the build saves the next one, the store may change.
     */
    static BuildPlan prepare(GraphStore store, String fingerprint) {
        BuildPlan plan = new BuildPlan(store, fingerprint);
        try {
            FileManifest.invalidate(plan.storeDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale file manifest in " + plan.storeDir, e);
        }
        return plan;
    }

    /**
     * Whether the manifest accounts for every article of the store: then nothing but builds changed it since the
     * last one, and the quad count that build recorded still holds.
     */
    boolean storeAsLastBuilt() {
        return manifestComplete;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** Whether the store was built by the same rules (its articles are kept when unchanged). */
    boolean sameRules() {
        return sameRules;
    }

    /** Whether the store held no article when the build began. */
    boolean storeWasEmpty() {
        return stored.isEmpty();
    }

    /**
     * The ids of a file unchanged since the last build (same size and time, every article still in the store): the
     * file is not read. Null when it must be read; it is then walked ({@link #reading}).
     */
    List<String> unchangedFile(Path file) {
        FileManifest.Entry was = manifest.unchanged(file);
        if (was == null || !was.articles().keySet().stream().allMatch(id -> stored.containsKey(Iris.article(id))))
            return null;
        walked.put(FileManifest.key(file), was);
        unchangedFiles++;
        return List.copyOf(was.articles().keySet());
    }

    /** A file about to be read: its size and time are taken before reading (one changed meanwhile is read again). */
    void reading(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        walked.put(FileManifest.key(file), new FileManifest.Entry(attrs.size(), attrs.lastModifiedTime().toMillis(),
                new LinkedHashMap<>()));
    }

    /** Whether an article's content is what the store holds under the same rules: it is kept as it is. */
    boolean unchanged(String id, String hash) {
        return sameRules && hash.equals(stored.get(Iris.article(id)));
    }

    /** An article given by the input (built or kept); its id and hash go to its file's manifest entry. */
    void given(String id, String hash, String source) {
        seen.add(Iris.article(id));
        FileManifest.Entry ofFile = walked.get(fileKey(source));
        if (ofFile != null && hash != null) ofFile.articles().put(id, hash);
    }

    /** Articles of unchanged files, known by id. */
    void kept(Collection<String> ids) {
        for (String id : ids) seen.add(Iris.article(id));
    }

    /** Whether the article's graph is in the store (or was loaded by this build): it is replaced, not added. */
    boolean inStore(String id) {
        String iri = Iris.article(id);
        return stored.containsKey(iri) || loadedThisRun.contains(iri);
    }

    void loadedNew(String id) {
        loadedThisRun.add(Iris.article(id));
    }

    /**
     * An article whose extraction, mapping or validation failed: never pruned, and its stored version (if any)
     * stays listed in the manifest, which goes on describing the store. Its file is read again next time.
     */
    void failed(String id, String source) {
        String iri = Iris.article(id);
        troubled.add(iri);
        String old = stored.get(iri);
        FileManifest.Entry ofFile = walked.get(fileKey(source));
        if (ofFile != null && old != null) ofFile.articles().put(id, old);
        readAgain(source);
    }

    /**
     * An input that could not be read into articles (a bad file, a broken JSON Lines record): the articles the
     * manifest listed for that file are never pruned, nor, without a manifest, the one its file name names.
     */
    void unreadable(String source) {
        String key = fileKey(source);
        FileManifest.Entry before = manifest.entry(key);
        if (before != null && !before.articles().isEmpty()) {
            for (String id : before.articles().keySet()) {
                troubled.add(Iris.article(id));
                // still in the store as it was: keep it in the manifest too
                FileManifest.Entry now = walked.get(key);
                String old = stored.get(Iris.article(id));
                if (now != null && old != null) now.articles().putIfAbsent(id, old);
            }
        } else {
            String name = Path.of(source.replaceFirst(":\\d+$", "")).getFileName().toString();
            int dot = name.lastIndexOf('.');
            troubled.add(Iris.article(dot > 0 ? name.substring(0, dot) : name));
        }
        readAgain(source);
    }

    private void readAgain(String source) {
        // a file with a problem is read again next time, and its problem told again
        walked.computeIfPresent(fileKey(source), (k, e) -> e.readAgain());
    }

    /** The stored articles to remove with {@code --prune}: no input gave them and none of theirs had a problem. */
    List<String> toPrune() {
        List<String> gone = new ArrayList<>();
        for (String iri : stored.keySet()) if (!seen.contains(iri) && !troubled.contains(iri)) gone.add(iri);
        gone.sort(null);
        return gone;
    }

    int unchangedFiles() {
        return unchangedFiles;
    }

    /** Writes the manifest of this build, once it has committed. */
    void save(boolean pruned) throws IOException {
        manifest.save(storeDir, fingerprint, walked, pruned);
    }

    /** The manifest key of the file an article or problem comes from ("file" or "file:line"). */
    static String fileKey(String source) {
        try {
            return FileManifest.key(Path.of(source.replaceFirst(":\\d+$", "")));
        } catch (InvalidPathException e) {
            return source;
        }
    }
}
