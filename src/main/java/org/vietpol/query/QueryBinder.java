package org.vietpol.query;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.vietpol.text.VietText;

/**
 * Fills a named query's parameters with user-given values.
 *
 * <p>Each value becomes one RDF term of the parameter's type, and that term replaces the variable in the
 * parsed query (Jena's syntax-level substitution); no text is ever pasted into the SPARQL, so a value such
 * as {@code Huế" } ; DROP ALL ; #} is just an odd place name. A parameter left unset (absent, or blank)
 * stays a variable when it is optional.
 */
public final class QueryBinder {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private QueryBinder() {}

    /**
     * The query with each given value in place of its parameter's variable.
     *
     * @param query  the named query
     * @param values parameter name to value, as a user typed it; blank values count as unset
     * @return a new Jena query, ready to run
     * @throws IllegalArgumentException for an unknown parameter name, a missing required parameter, or a
     *                                  value of the wrong shape for its type
     * @throws QueryDefinitionException if the query's own text is at fault
     */
    public static Query bind(NamedQuery query, Map<String, String> values) {
        Objects.requireNonNull(query, "query must not be null");
        Map<String, String> given = values == null ? Map.of() : values;
        for (String key : given.keySet()) {
            if (key == null || query.param(key).isEmpty()) throw unknown(query, key);
        }
        Map<Var, Node> substitutions = new LinkedHashMap<>();
        for (Param p : query.params()) {
            String raw = given.get(p.name());
            if (raw == null || raw.isBlank()) {
                if (!p.optional()) {
                    throw new IllegalArgumentException("query " + query.name() + ": parameter '" + p.name()
                            + "' is required" + about(p));
                }
                continue;
            }
            substitutions.put(Var.alloc(p.name()), term(query, p, raw));
        }
        Query parsed = QueryFileParser.parseSparql(query.name(), query.sparql());
        if (substitutions.isEmpty()) return parsed;
        Query bound = substitute(parsed, substitutions);
        // Parse the result again: what a caller sees printed is exactly what runs.
        try {
            return QueryFactory.create(bound.toString(), Syntax.syntaxSPARQL_11);
        } catch (QueryException e) {
            throw new QueryDefinitionException(query.name(), 0,
                    "the query cannot take the given parameters: " + e.getMessage(), e);
        }
    }

    /** The RDF term a value becomes for a parameter, or an {@link IllegalArgumentException} saying why not. */
    public static Node term(NamedQuery query, Param p, String raw) {
        String value = raw.strip();
        switch (p.type()) {
            case STRING:
                // The graph's labels are NFC with single spaces; the value is made the same.
                return NodeFactory.createLiteralString(VietText.clean(value));
            case IRI:
                return iri(query, p, value);
            case INTEGER:
                if (!INTEGER.matcher(value).matches()) {
                    throw shape(query, p, raw, "a whole number such as 2023");
                }
                return NodeFactory.createLiteralDT(new BigInteger(value).toString(), XSDDatatype.XSDinteger);
            case DATE:
                try {
                    LocalDate date = LocalDate.parse(value);
                    if (date.getYear() < 1 || date.getYear() > 9999) throw shape(query, p, raw, "a date between years 1 and 9999");
                    return NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate);
                } catch (DateTimeParseException e) {
                    throw shape(query, p, raw, "a date written YYYY-MM-DD such as 2023-02-03");
                }
            default:
                throw new IllegalStateException("unhandled parameter type " + p.type());
        }
    }

    private static Node iri(NamedQuery query, Param p, String value) {
        String s = value;
        // Accept the <...> form people copy from Turtle or SPARQL.
        if (s.length() > 1 && s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1).strip();
        IRIx iri;
        try {
            iri = IRIx.create(s);
        } catch (IRIException e) {
            throw shape(query, p, value, "an absolute IRI such as https://w3id.org/vietpol/id/unit/hue");
        }
        if (iri.isRelative() || iri.scheme() == null) {
            throw shape(query, p, value, "an absolute IRI (with a scheme, e.g. https:) such as https://w3id.org/vietpol/id/unit/hue");
        }
        return NodeFactory.createURI(s);
    }

    /** Jena's syntax-level substitution of terms for variables; an empty map gives a plain copy. */
    static Query substitute(Query query, Map<Var, Node> substitutions) {
        return QueryTransformOps.replaceVars(query, substitutions);
    }

    private static IllegalArgumentException unknown(NamedQuery query, String key) {
        String known = query.params().isEmpty() ? "it takes no parameters"
                : "its parameters are: " + query.params().stream().map(Param::name).collect(Collectors.joining(", "));
        return new IllegalArgumentException("query " + query.name() + " has no parameter '" + key + "'; " + known);
    }

    private static IllegalArgumentException shape(NamedQuery query, Param p, String raw, String expected) {
        return new IllegalArgumentException("query " + query.name() + ": parameter '" + p.name() + "' must be "
                + expected + ", not '" + raw + "'" + about(p));
    }

    private static String about(Param p) {
        return p.description().isEmpty() ? "" : " (" + p.description() + ")";
    }
}
