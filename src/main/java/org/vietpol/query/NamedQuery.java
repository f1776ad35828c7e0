package org.vietpol.query;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One named query: a {@code queries/NAME.rq} file, its header read into title, question and parameters.
 *
 * <p>A file starts with a block of comment lines:
 * <pre>
 * # title: Officials by city
 * # question: Which persons hold which positions in each city or province?
 * # param: city string optional  The place name, e.g. "Huế"
 * # (any other comment lines)
 * PREFIX ...
 * SELECT ...
 * </pre>
 * Use {@link #parse} to read a file; it checks the header and the SPARQL. Bind parameters with
 * {@link QueryBinder#bind}.
 *
 * @param name     the query's name, kebab-case ({@code officials-by-city}); the file name without {@code .rq}
 * @param title    a short title
 * @param question the question the query answers
 * @param params   the declared parameters, in header order
 * @param sparql   the whole file text, header included (it is all comments to a SPARQL parser)
 */
public record NamedQuery(String name, String title, String question, List<Param> params, String sparql) {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public NamedQuery {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(question, "question must not be null");
        Objects.requireNonNull(params, "params must not be null");
        Objects.requireNonNull(sparql, "sparql must not be null");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("query name '" + name
                    + "' is not kebab-case (lower-case letters and digits joined by single hyphens)");
        }
        if (title.isBlank()) throw new IllegalArgumentException("query " + name + ": the title is empty");
        if (question.isBlank()) throw new IllegalArgumentException("query " + name + ": the question is empty");
        params = List.copyOf(params);
        Set<String> seen = new HashSet<>();
        for (Param p : params) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("query " + name + ": parameter '" + p.name() + "' is declared twice");
            }
        }
    }

    /**
     * Reads a query file: its header, then its SPARQL, which must parse as SPARQL 1.1 and must be able to
     * take every declared parameter.
     *
     * @param name the query's name, kebab-case (the file name without {@code .rq})
     * @param text the file's content
     * @throws QueryDefinitionException naming the query and the line at fault
     */
    public static NamedQuery parse(String name, String text) {
        return QueryFileParser.parse(name, text);
    }

    /** Whether the query calls a remote endpoint (SPARQL SERVICE): it needs internet. */
    public boolean needsInternet() {
        return java.util.regex.Pattern.compile("(?i)\\bSERVICE\\s+(SILENT\\s+)?<https?:").matcher(sparql).find();
    }

    /** Whether {@code name} is a valid query name: kebab-case, as in {@code city-leadership}. */
    public static boolean isValidName(String name) {
        return name != null && KEBAB.matcher(name).matches();
    }

    /** The parameter called {@code paramName}, if the query declares one. */
    public Optional<Param> param(String paramName) {
        for (Param p : params) {
            if (p.name().equals(paramName)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
