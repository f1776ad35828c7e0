package org.vietpol.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Writes the knowledge graph as a property graph for visualisation tools: Graphviz (DOT), Gephi and yEd
 * (GraphML), Cytoscape (cytoscape.js JSON).
 *
 * <pre>
 *   GraphExporter.create().format(GraphFormat.GRAPHML).place("Huế").build().write(store.dataset(), out);
 * </pre>
 *
 * Nodes are persons, organizations, administrative units (the organizations' jurisdictions), meetings and
 * documents, each with a type and a label; edges are positions held (labelled with the role), meeting organizer,
 * chair and attendees, document issuer and organization jurisdiction. The same store always gives the same bytes.
 */
public final class GraphExporter {
    private final GraphFormat format;
    private final String place;
    private final boolean units;

    private GraphExporter(Builder b) {
        this.format = Objects.requireNonNull(b.format, "format");
        this.place = b.place;
        this.units = b.units;
    }

    public static Builder create() {
        return new Builder();
    }

    public GraphFormat format() {
        return format;
    }

    /**
     * The property graph of the union of the dataset's graphs, cut to the place if one was given. An
     * IllegalArgumentException if no administrative unit bears the place's name.
     */
    public PropertyGraph read(DatasetGraph dsg) {
        return PropertyGraphReader.read(dsg, place, units);
    }

    /** Writes a graph read before (flushed, not closed). */
    public void write(PropertyGraph g, OutputStream out) throws IOException {
        switch (format) {
            case DOT -> DotWriter.write(g, out);
            case GRAPHML -> GraphMlWriter.write(g, out);
            case CYTOSCAPE_JSON -> CytoscapeJsonWriter.write(g, out);
        }
        out.flush();
    }

    /** Reads and writes; returns the number of nodes and edges written. */
    public long write(DatasetGraph dsg, OutputStream out) throws IOException {
        PropertyGraph g = read(dsg);
        write(g, out);
        return g.vertices().size() + (long) g.edges().size();
    }

    public static final class Builder {
        private GraphFormat format;
        private String place;
        private boolean units = true;

        private Builder() {}

        public Builder format(GraphFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Only the organizations whose jurisdiction, or that unit's parent, has this name (its Vietnamese label or
         * another spelling; case, diacritics, hyphens and a leading "TP.", "Thành phố" or "tỉnh" do not matter),
         * with their members, meetings and the meetings' participants, and documents. Null for everything.
         */
        public Builder place(String place) {
            this.place = place == null || place.isBlank() ? null : place.strip();
            return this;
        }

        /** Whether administrative units are nodes, linked to their organizations by "jurisdiction" (default true). */
        public Builder units(boolean units) {
            this.units = units;
            return this;
        }

        public GraphExporter build() {
            if (format == null) throw new IllegalStateException("no format");
            return new GraphExporter(this);
        }
    }
}
