package org.vietpol.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.Var;

/** Reads a query file into a {@link NamedQuery}: the header lines, then checks of the SPARQL itself. */
final class QueryFileParser {
    /** "# key: value" for the three keys the header knows; other comment lines are free text. */
    private static final Pattern KEY_LINE = Pattern.compile("#\\s*(title|question|param)\\s*:(.*)");
    private static final String PARAM_FORM = "'# param: NAME TYPE [optional]  description'";

    private QueryFileParser() {}

    static NamedQuery parse(String name, String text) {
        if (!NamedQuery.isValidName(name)) {
            throw new QueryDefinitionException(String.valueOf(name), 0,
                    "the name is not kebab-case (lower-case letters and digits joined by single hyphens)");
        }
        if (text == null) throw new QueryDefinitionException(name, 0, "no text");
        if (text.startsWith("\uFEFF")) text = text.substring(1);

        String title = null;
        String question = null;
        List<Param> params = new ArrayList<>();
        Map<String, Integer> paramLines = new LinkedHashMap<>();

        String[] lines = text.split("\\R", -1);
        // The header is the run of comment and blank lines the file starts with.
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            if (!line.startsWith("#")) break;
            int lineNo = i + 1;
            Matcher m = KEY_LINE.matcher(line);
            if (!m.matches()) continue;
            String value = m.group(2).strip();
            switch (m.group(1)) {
                case "title":
                    if (title != null) throw new QueryDefinitionException(name, lineNo, "a second '# title:' line");
                    if (value.isEmpty()) throw new QueryDefinitionException(name, lineNo, "the title is empty");
                    title = value;
                    break;
                case "question":
                    if (question != null) throw new QueryDefinitionException(name, lineNo, "a second '# question:' line");
                    if (value.isEmpty()) throw new QueryDefinitionException(name, lineNo, "the question is empty");
                    question = value;
                    break;
                default:
                    Param p = param(name, lineNo, value);
                    if (paramLines.containsKey(p.name())) {
                        throw new QueryDefinitionException(name, lineNo, "parameter '" + p.name()
                                + "' is already declared on line " + paramLines.get(p.name()));
                    }
                    params.add(p);
                    paramLines.put(p.name(), lineNo);
            }
        }
        if (title == null) throw new QueryDefinitionException(name, 1, "the header has no '# title:' line");
        if (question == null) throw new QueryDefinitionException(name, 1, "the header has no '# question:' line");

        Query query = parseSparql(name, text);
        for (Param p : params) checkTakes(name, query, p, paramLines.get(p.name()));
        return new NamedQuery(name, title, question, params, text);
    }

    private static Param param(String name, int lineNo, String value) {
        String[] words = value.split("\\s+", 3);
        if (value.isEmpty() || words.length < 2) {
            throw new QueryDefinitionException(name, lineNo, "a parameter line needs a name and a type: " + PARAM_FORM);
        }
        String paramName = words[0];
        if (paramName.startsWith("?") || paramName.startsWith("$")) paramName = paramName.substring(1);
        if (!Param.isValidName(paramName)) {
            throw new QueryDefinitionException(name, lineNo, "'" + words[0]
                    + "' is not a parameter name (a letter or '_', then letters, digits or '_'): " + PARAM_FORM);
        }
        Param.Type type = Param.Type.fromWord(words[1]).orElseThrow(() -> new QueryDefinitionException(name, lineNo,
                "unknown parameter type '" + words[1] + "' (expected string, iri, integer or date): " + PARAM_FORM));
        String rest = words.length > 2 ? words[2] : "";
        boolean optional = false;
        String[] flag = rest.split("\\s+", 2);
        if (flag[0].equals("optional")) {
            optional = true;
            rest = flag.length > 1 ? flag[1] : "";
        }
        return new Param(paramName, type, optional, rest);
    }

    static Query parseSparql(String name, String text) {
        try {
            return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            throw new QueryDefinitionException(name, Math.max(e.getLine(), 0),
                    "the SPARQL does not parse: " + firstLine(e.getMessage()), e);
        } catch (QueryException e) {
            throw new QueryDefinitionException(name, 0, "the SPARQL is not a valid query: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Substitutes a sample value for the parameter and checks the query changed and still parses: this
     * catches a parameter the query never uses, and one used where only a variable may stand
     * ({@code BOUND(?p)}, {@code AS ?p}, {@code VALUES}, {@code GROUP BY ?p}, ...), before any user binds it.
     */
    private static void checkTakes(String name, Query query, Param p, int lineNo) {
        Map<Var, Node> sample = Map.of(Var.alloc(p.name()), sample(p.type()));
        String before;
        String after;
        try {
            before = QueryBinder.substitute(query, Map.of()).toString();
            after = QueryBinder.substitute(query, sample).toString();
        } catch (JenaException e) {
            throw new QueryDefinitionException(name, lineNo, "parameter '" + p.name()
                    + "' cannot be filled in: " + firstLine(e.getMessage()), e);
        }
        if (before.equals(after)) {
            throw new QueryDefinitionException(name, lineNo, "parameter '" + p.name()
                    + "' is declared but the query never uses ?" + p.name());
        }
        try {
            QueryFactory.create(after, Syntax.syntaxSPARQL_11);
        } catch (QueryException e) {
            throw new QueryDefinitionException(name, lineNo, "parameter '" + p.name()
                    + "' cannot be filled in: ?" + p.name() + " stands where only a variable may"
                    + " (BOUND, AS, VALUES, GROUP BY or a bare ORDER BY); with a value the query reads: "
                    + firstLine(e.getMessage()), e);
        }
    }

    private static Node sample(Param.Type type) {
        switch (type) {
            case IRI: return NodeFactory.createURI("https://w3id.org/vietpol/id/example");
            case INTEGER: return NodeFactory.createLiteralDT("1", XSDDatatype.XSDinteger);
            case DATE: return NodeFactory.createLiteralDT("2000-01-01", XSDDatatype.XSDdate);
            default: return NodeFactory.createLiteralString("example");
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "(no detail)";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
