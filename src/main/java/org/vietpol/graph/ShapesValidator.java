package org.vietpol.graph;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.QualifiedValueShape;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.ConstraintVisitor;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ValidationProc;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/** Checks each article's graph against ontology/shapes.ttl (SHACL). Thread-safe. */
public final class ShapesValidator {
    private static final String SHAPES = "/org/vietpol/ontology/shapes.ttl";
    private final Shapes shapes;
    /** The same shapes for {@link #conforms}, with qualified value shapes counted without reports. */
    private final Shapes quick;

    private ShapesValidator(Shapes shapes, Shapes quick) {
        this.shapes = shapes;
        this.quick = quick;
    }

    public static ShapesValidator defaults() {
        try (InputStream in = ShapesValidator.class.getResourceAsStream(SHAPES)) {
            if (in == null) throw new IllegalStateException("missing " + SHAPES + " on the classpath");
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            return new ShapesValidator(Shapes.parse(g), quickShapes(Shapes.parse(g)));
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
        ValidationContext vCxt = ValidationContext.create(quick, g);
        for (Shape shape : quick.getTargetShapes()) {
            for (Node focus : VLib.focusNodes(g, shape)) {
                VLib.validateShape(vCxt, g, shape, focus);
                if (vCxt.hasViolation()) return false;
            }
        }
        return !vCxt.hasViolation();
    }

    /**
     * Jena checks each value node of a qualified value shape by building a whole report for it (an organization's
     * types and labels: a good part of the time). In this private copy of the shapes those constraints count the
     * conforming value nodes from the validation context instead; the rule is the same, and a graph it rejects
     * goes through the untouched shapes anyway. Should Jena not let the constraints be replaced, the copy stays as
     * parsed, which is only slower.
     */
    private static Shapes quickShapes(Shapes parsed) {
        Set<Shape> all = new HashSet<>();
        for (Iterator<Shape> it = parsed.iteratorAll(); it.hasNext(); ) collect(it.next(), all);
        for (Shape s : all) {
            if (!(s.getConstraints() instanceof List<Constraint> list)) continue;
            try {
                list.replaceAll(c -> c instanceof QualifiedValueShape q && !q.qDisjoint() ? new QualifiedCount(q) : c);
            } catch (UnsupportedOperationException e) {
                // left as parsed
            }
        }
        return parsed;
    }

    private static void collect(Shape s, Set<Shape> all) {
        if (!all.add(s)) return;
        for (Shape p : s.getPropertyShapes()) collect(p, all);
        for (Constraint c : s.getConstraints()) if (c instanceof QualifiedValueShape q) collect(q.getSub(), all);
    }

    /** sh:qualifiedMin/MaxCount without sibling shapes: how many value nodes conform to the qualified shape. */
    private static final class QualifiedCount implements Constraint {
        private final QualifiedValueShape q;

        QualifiedCount(QualifiedValueShape q) {
            this.q = q;
        }

        @Override
        public void validatePropertyShape(ValidationContext vCxt, Graph data, Shape shape, Node focusNode, Path path,
                                          Set<Node> valueNodes) {
            int conforming = 0;
            for (Node v : valueNodes) {
                ValidationContext one = ValidationContext.create(vCxt);
                one.setVerbose(false);
                ValidationProc.execValidateShape(one, data, q.getSub(), v);
                if (!one.hasViolation()) conforming++;
            }
            if (q.qMin() >= 0 && conforming < q.qMin() || q.qMax() >= 0 && conforming > q.qMax()) {
                vCxt.reportEntry(q + ": " + conforming + " conforming value nodes", shape, focusNode, path, null, this);
            }
        }

        @Override
        public void validateNodeShape(ValidationContext vCxt, Graph data, Shape shape, Node focusNode) {
            q.validateNodeShape(vCxt, data, shape, focusNode);
        }

        @Override
        public Node getComponent() {
            return q.getComponent();
        }

        @Override
        public void visit(ConstraintVisitor visitor) {
            q.visit(visitor);
        }

        @Override
        public void printCompact(IndentedWriter out, NodeFormatter formatter) {
            q.printCompact(out, formatter);
        }

        @Override
        public String toString() {
            return q.toString();
        }
    }
}
