package org.vietpol.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vietpol.article.InputProblem;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.Iris;
import org.vietpol.store.BulkLoad;
import org.vietpol.store.GraphStore;

/**
 * The loading end of a build, on one thread, taking the pipeline's outcomes in input order: articles new to the
 * store go through one bulk load (one transaction, committed by {@link #finish}); articles already in the store
 * are replaced graph by graph, {@code batchSize} per write transaction. Duplicate ids: the later article replaces
 * the earlier, with a warning. The store brings its derived data in step with every commit.
 */
final class Loader implements AutoCloseable {
    private final GraphStore store;
    private final BuildPlan plan;
    private final int batchSize;
    private final Consumer<String> progress;
    private final BulkLoad bulk;
    private final Map<String, ArticleGraph> replacements = new LinkedHashMap<>();
    private final Map<String, String> sourceOfId = new HashMap<>();
    final List<InputProblem> skipped = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    int read, loaded, unchanged;

    /** Run once before the bulk load begins (after which the store cannot be read until it commits). */
    private Runnable beforeBulk;

    Loader(GraphStore store, BuildPlan plan, int batchSize, Consumer<String> progress, Runnable beforeBulk) {
        this.beforeBulk = beforeBulk;
        this.store = store;
        this.plan = plan;
        this.batchSize = batchSize;
        this.progress = progress;
        // a line a watcher can wait for: from here until the commit, a killed build leaves the store as it was
        this.bulk = store.bulkLoad().onStart(() -> progress.accept(Build.LOAD_BEGUN));
    }

    /** Articles of files not read (unchanged since the last build). */
    void kept(List<String> ids) {
        plan.kept(ids);
        unchanged += ids.size();
    }

    void problem(InputProblem p) {
        skipped.add(p);
        plan.unreadable(p.source());
    }

    /** One article the pipeline could not turn into a graph. */
    void failed(String id, InputProblem p) {
        skipped.add(p);
        plan.failed(id, p.source());
    }

    /** One article read: its graph, or null when it is unchanged since the last build. */
    void article(String id, String source, String hash, ArticleGraph graph) {
        read++;
        plan.given(id, hash, source);
        progress.accept(id);
        String previous = sourceOfId.put(id, source);
        if (previous != null) {
            warnings.add("article id " + id + " appears in " + previous + " and " + source
                    + "; the later one replaces the earlier");
        }
        if (graph == null) {
            unchanged++;
            return;
        }
        if (previous == null) loaded++; // a duplicate replaces, it does not add
        if (plan.inStore(id)) {
            replacements.put(Iris.article(id), graph);
            if (replacements.size() >= batchSize) flush();
        } else {
            if (beforeBulk != null) {
                beforeBulk.run();
                beforeBulk = null;
            }
            bulk.add(graph);
            plan.loadedNew(id);
        }
    }

    /** Commits the bulk load, then the last replacements. */
    void finish() {
        bulk.finish();
        flush();
    }

    private void flush() {
        if (replacements.isEmpty()) return;
        store.replace(List.copyOf(replacements.values()));
        replacements.clear();
    }

    @Override
    public void close() {
        bulk.close();
    }
}
