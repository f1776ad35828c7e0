package org.vietpol.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.vietpol.export.PropertyGraph.Edge;
import org.vietpol.export.PropertyGraph.Vertex;

/**
 * Graphviz DOT: {@code digraph vietpol { ... }} with the IRIs as quoted node ids, a shape and colour per node type,
 * and the custom attributes {@code type}, {@code iri}, {@code kind}, {@code date}, {@code number} on nodes and
 * {@code role} on edges (Graphviz keeps attributes it does not know). Edges are labelled with the role's label.
 */
final class DotWriter {
    /** Shape and fill colour per node type. */
    private static final Map<String, String[]> STYLE = Map.of(
            PropertyGraph.PERSON, new String[] {"ellipse", "#cfe2f3"},
            PropertyGraph.ORGANIZATION, new String[] {"box", "#fce5cd"},
            PropertyGraph.UNIT, new String[] {"house", "#d9ead3"},
            PropertyGraph.MEETING, new String[] {"hexagon", "#fff2cc"},
            PropertyGraph.DOCUMENT, new String[] {"note", "#ead1dc"});

    private DotWriter() {}

    static void write(PropertyGraph g, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("digraph vietpol {\n");
        w.write("  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"Helvetica\"];\n");
        w.write("  node [style=filled, fontname=\"Helvetica\", fontsize=10];\n");
        w.write("  edge [fontname=\"Helvetica\", fontsize=8];\n");
        for (Vertex v : g.vertices()) {
            String[] style = STYLE.getOrDefault(v.type(), new String[] {"ellipse", "#eeeeee"});
            w.write("  " + quote(v.iri()) + " [label=" + quote(v.label()) + ", type=" + quote(v.type())
                    + ", iri=" + quote(v.iri()));
            if (v.kind() != null) w.write(", kind=" + quote(v.kind()));
            if (v.date() != null) w.write(", date=" + quote(v.date()));
            if (v.number() != null) w.write(", number=" + quote(v.number()));
            w.write(", shape=" + style[0] + ", fillcolor=" + quote(style[1]) + "];\n");
        }
        for (Edge e : g.edges()) {
            w.write("  " + quote(e.source()) + " -> " + quote(e.target()) + " [label=" + quote(e.label())
                    + ", role=" + quote(e.role()) + "];\n");
        }
        w.write("}\n");
        w.flush();
    }

    /**
     * A DOT double-quoted string. Backslashes are doubled as well as quotes escaped, since Graphviz reads "\N",
     * "\l" and the like in labels as escapes; line breaks become "\n", other control characters are dropped.
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7f) b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
