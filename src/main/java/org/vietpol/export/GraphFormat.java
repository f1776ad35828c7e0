package org.vietpol.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The property-graph formats for graph visualisation tools: people, organizations, units, meetings and documents
 * as typed, labelled nodes, positions and participation as edges that carry a role.
 */
public enum GraphFormat {
    /** Graphviz. */
    DOT("dot", "text/vnd.graphviz", "dot"),
    /** Gephi, yEd and most graph libraries. */
    GRAPHML("graphml", "application/graphml+xml", "graphml"),
    /** Cytoscape desktop and cytoscape.js: the "elements" JSON format. */
    CYTOSCAPE_JSON("cytoscape-json", "application/json", "cyjs");

    private final String name;
    private final String mediaType;
    private final String extension;

    GraphFormat(String name, String mediaType, String extension) {
        this.name = name;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The name used on the command line. */
    public String cliName() {
        return name;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format named {@code name} (case-insensitive), or null if it is not a graph format. */
    public static GraphFormat find(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (GraphFormat f : values()) if (f.name.equals(n)) return f;
        return null;
    }

    /** The format named {@code name}, or an IllegalArgumentException listing the choices. */
    public static GraphFormat of(String name) {
        GraphFormat f = find(name);
        if (f == null) throw new IllegalArgumentException("unknown graph format '" + name + "'; choose one of " + names());
        return f;
    }

    /** "dot, graphml, cytoscape-json". */
    public static String names() {
        return Arrays.stream(values()).map(GraphFormat::cliName).collect(Collectors.joining(", "));
    }
}
