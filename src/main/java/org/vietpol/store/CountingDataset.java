package org.vietpol.store;

import java.util.Iterator;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * A dataset that counts the quads its writes really add and delete (an add of a quad already there, or a delete of
 * one that is not, counts nothing), so a step of a build knows how the store's size changed without counting the
 * store. For steps that write little: each write looks first.
 */
final class CountingDataset extends DatasetGraphWrapper {
    private long delta;

    CountingDataset(DatasetGraph dsg) {
        super(dsg);
    }

    long delta() {
        return delta;
    }

    @Override
    public void add(Quad q) {
        if (!getW().contains(q)) delta++;
        getW().add(q);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if (!getW().contains(g, s, p, o)) delta++;
        getW().add(g, s, p, o);
    }

    @Override
    public void delete(Quad q) {
        if (getW().contains(q)) delta--;
        getW().delete(q);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (getW().contains(g, s, p, o)) delta--;
        getW().delete(g, s, p, o);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        for (Iterator<Quad> it = getW().find(g, s, p, o); it.hasNext(); it.next()) delta--;
        getW().deleteAny(g, s, p, o);
    }
}
