package org.vietpol.export;

import com.google.gson.stream.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.vietpol.export.PropertyGraph.Edge;
import org.vietpol.export.PropertyGraph.Vertex;

/**
 * The cytoscape.js "elements" JSON, which Cytoscape desktop imports as a network:
 * {@code {"data":{...},"elements":{"nodes":[{"data":{"id","label","type","iri",...}}],"edges":[{"data":{"id",
 * "source","target","role","label"}}]}}}. Node ids are the IRIs. Nodes also carry "name" and edges "interaction",
 * the columns Cytoscape desktop shows by default.
 */
final class CytoscapeJsonWriter {
    private CytoscapeJsonWriter() {}

    static void write(PropertyGraph g, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        JsonWriter w = new JsonWriter(writer);
        w.setIndent("  ");
        w.setHtmlSafe(false);
        w.beginObject();
        w.name("format_version").value("1.0");
        w.name("generated_by").value("VietPol KG");
        w.name("target_cytoscapejs_version").value("~2.1");
        w.name("data").beginObject().name("name").value("VietPol KG").endObject();
        w.name("elements").beginObject();
        w.name("nodes").beginArray();
        for (Vertex v : g.vertices()) {
            w.beginObject().name("data").beginObject();
            w.name("id").value(v.iri());
            w.name("label").value(v.label());
            w.name("name").value(v.label());
            w.name("type").value(v.type());
            w.name("iri").value(v.iri());
            optional(w, "kind", v.kind());
            optional(w, "date", v.date());
            optional(w, "number", v.number());
            w.endObject().endObject();
        }
        w.endArray();
        w.name("edges").beginArray();
        int n = 0;
        for (Edge e : g.edges()) {
            w.beginObject().name("data").beginObject();
            w.name("id").value("e" + n++);
            w.name("source").value(e.source());
            w.name("target").value(e.target());
            w.name("role").value(e.role());
            w.name("label").value(e.label());
            w.name("interaction").value(e.role());
            w.endObject().endObject();
        }
        w.endArray();
        w.endObject();
        w.endObject();
        w.flush(); // not closed: the caller owns the stream
        writer.write('\n');
        writer.flush();
    }

    private static void optional(JsonWriter w, String name, String value) throws IOException {
        if (value != null) w.name(name).value(value);
    }
}
