package org.vietpol.serve;

import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;

/**
 * View of a dataset whose default graph is the union of its named graphs, for stores without TDB2's
 * {@code unionDefaultGraph} setting (e.g. in-memory datasets). Named graphs are unchanged.
 * <p>
 * It must be a {@link DatasetGraphWrapperView}: ARQ runs queries on a plain {@link DatasetGraphWrapper}'s wrapped
 * dataset directly, which would bypass the overrides here.
 */
final class UnionDefaultGraphDataset extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    UnionDefaultGraphDataset(DatasetGraph base) {
        super(base);
    }

    @Override
    public Graph getDefaultGraph() {
        return getG().getUnionGraph();
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return Quad.isDefaultGraph(graphNode) ? getDefaultGraph() : super.getGraph(graphNode);
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g != null && Quad.isDefaultGraph(g))
            return Iter.map(getDefaultGraph().find(s, p, o), t -> Quad.create(Quad.defaultGraphIRI, t));
        return super.find(g, s, p, o);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        if (g != null && Quad.isDefaultGraph(g))
            return getDefaultGraph().contains(s, p, o);
        return super.contains(g, s, p, o);
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }
}
