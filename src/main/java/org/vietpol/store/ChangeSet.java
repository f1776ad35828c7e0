package org.vietpol.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * What one committed step of a build did to the article graphs: the articles it added, replaced and removed, with
 * the statements (those the merged graph holds, {@link org.vietpol.graph.ArticleGraph#merges}) the replaced and
 * removed ones made before and the added and replaced ones make now. {@link Derived} is its one consumer.
 *
 * <p>A bulk load streams its articles' statements to the merged graph as it goes (the loader's speed depends on it)
 * and gives here only the subjects whose article count changes ({@link #stated}); a bulk load into a store that
 * held no article ({@link #intoEmptyStore}) counted them all on the way, so everything derived is computed afresh.
 */
public final class ChangeSet {
    final Set<Node> added = new LinkedHashSet<>(), replaced = new LinkedHashSet<>(), removed = new LinkedHashSet<>();
    final List<Triple> before = new ArrayList<>(), after = new ArrayList<>();
    final Set<Node> stated = new HashSet<>();
    boolean intoEmptyStore;

    public Set<Node> added() {
        return Collections.unmodifiableSet(added);
    }

    public Set<Node> replaced() {
        return Collections.unmodifiableSet(replaced);
    }

    public Set<Node> removed() {
        return Collections.unmodifiableSet(removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && replaced.isEmpty() && removed.isEmpty();
    }
}
