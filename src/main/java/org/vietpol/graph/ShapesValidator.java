package org.vietpol.graph;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/** Checks each article's graph against ontology/shapes.ttl (SHACL). Thread-safe. */
public final class ShapesValidator {
    private static final String SHAPES = "/org/vietpol/ontology/shapes.ttl";
    private final Shapes shapes;

    private ShapesValidator(Shapes shapes) {
        this.shapes = shapes;
    }

    public static ShapesValidator defaults() {
        try (InputStream in = ShapesValidator.class.getResourceAsStream(SHAPES)) {
            if (in == null) throw new IllegalStateException("missing " + SHAPES + " on the classpath");
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            return new ShapesValidator(Shapes.parse(g));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Violations as readable lines ("focus node: message"); empty when the graph conforms. */
    public List<String> violations(ArticleGraph article) {
        Graph g = GraphFactory.createDefaultGraph();
        for (Quad q : article.quads()) g.add(q.asTriple());
        if (conforms(g)) return new ArrayList<>();
        ValidationReport report = ShaclValidator.get().validate(shapes, g);
        List<String> out = new ArrayList<>();
        if (report.conforms()) return out;
        for (ReportEntry e : report.getEntries()) {
            String path = e.resultPath() == null ? "" : " " + e.resultPath();
            out.add(e.focusNode() + path + ": " + e.message());
        }
        return out;
    }

    /**
     * Every shape on every focus node, as Jena's validator runs them, without building the report (an RDF graph of
     * its own, the larger part of the cost for a graph that conforms). Any entry at all sends the graph through the
     * full validator, which then gives the messages.
     */
    private boolean conforms(Graph g) {
        ValidationContext vCxt = ValidationContext.create(shapes, g);
        for (Shape shape : shapes.getTargetShapes()) {
            for (Node focus : VLib.focusNodes(g, shape)) {
                VLib.validateShape(vCxt, g, shape, focus);
                if (vCxt.hasViolation()) return false;
            }
        }
        return !vCxt.hasViolation();
    }
}
