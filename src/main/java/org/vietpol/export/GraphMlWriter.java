package org.vietpol.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.vietpol.export.PropertyGraph.Edge;
import org.vietpol.export.PropertyGraph.Vertex;

/**
 * GraphML for Gephi and yEd. Nodes carry the keys type, label, iri, kind, date and number, edges role and label
 * (each declared with a {@code <key>}). GraphML ids are XML name tokens, which IRIs are not, so nodes are n0, n1,
 * ... in IRI order and the IRI is the {@code iri} attribute.
 */
final class GraphMlWriter {
    static final String NS = "http://graphml.graphdrawing.org/xmlns";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private GraphMlWriter() {}

    static void write(PropertyGraph g, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            newline(w, 0);
            w.setDefaultNamespace(NS);
            w.writeStartElement(NS, "graphml");
            w.writeDefaultNamespace(NS);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            key(w, "type", "node", "type");
            key(w, "label", "node", "label");
            key(w, "iri", "node", "iri");
            key(w, "kind", "node", "kind");
            key(w, "date", "node", "date");
            key(w, "number", "node", "number");
            key(w, "role", "edge", "role");
            key(w, "edgelabel", "edge", "label");
            newline(w, 1);
            w.writeStartElement(NS, "graph");
            w.writeAttribute("id", "vietpol");
            w.writeAttribute("edgedefault", "directed");

            Map<String, String> ids = new HashMap<>();
            for (Vertex v : g.vertices()) {
                String id = "n" + ids.size();
                ids.put(v.iri(), id);
                newline(w, 2);
                w.writeStartElement(NS, "node");
                w.writeAttribute("id", id);
                data(w, "type", v.type());
                data(w, "label", v.label());
                data(w, "iri", v.iri());
                data(w, "kind", v.kind());
                data(w, "date", v.date());
                data(w, "number", v.number());
                newline(w, 2);
                w.writeEndElement();
            }
            int n = 0;
            for (Edge e : g.edges()) {
                newline(w, 2);
                w.writeStartElement(NS, "edge");
                w.writeAttribute("id", "e" + n++);
                w.writeAttribute("source", ids.get(e.source()));
                w.writeAttribute("target", ids.get(e.target()));
                data(w, "role", e.role());
                data(w, "edgelabel", e.label());
                newline(w, 2);
                w.writeEndElement();
            }
            newline(w, 1);
            w.writeEndElement();
            newline(w, 0);
            w.writeEndElement();
            newline(w, 0);
            w.writeEndDocument();
            w.flush();
            w.close(); // does not close the stream
        } catch (XMLStreamException e) {
            throw new IOException("could not write GraphML: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void key(XMLStreamWriter w, String id, String forWhat, String name) throws XMLStreamException {
        newline(w, 1);
        w.writeEmptyElement(NS, "key");
        w.writeAttribute("id", id);
        w.writeAttribute("for", forWhat);
        w.writeAttribute("attr.name", name);
        w.writeAttribute("attr.type", "string");
    }

    private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
        if (value == null) return;
        newline(w, 3);
        w.writeStartElement(NS, "data");
        w.writeAttribute("key", key);
        w.writeCharacters(xmlSafe(value));
        w.writeEndElement();
    }

    private static void newline(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Drops the characters XML 1.0 cannot carry at all (most control characters); the writer escapes the rest. */
    static String xmlSafe(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
            if (!ok && b == null) b = new StringBuilder(s.substring(0, i));
            else if (ok && b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }
}
