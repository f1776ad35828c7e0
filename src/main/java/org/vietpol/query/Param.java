package org.vietpol.query;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parameter of a named query, declared in its header as {@code # param: NAME TYPE [optional]  description}.
 * In the SPARQL the parameter is the variable {@code ?NAME}; binding replaces that variable with a term of
 * the declared type, and an optional parameter left unset stays a variable.
 *
 * @param name        the variable name without {@code ?}: an ASCII letter or underscore, then letters, digits, underscores
 * @param type        what kind of RDF term a value becomes
 * @param optional    whether the query runs without a value
 * @param description what to give, for users and error messages; may be empty
 */
public record Param(String name, Type type, boolean optional, String description) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The kinds of value a parameter takes, each written in lower case in a header. */
    public enum Type {
        /** A plain {@code xsd:string} literal. */
        STRING,
        /** An absolute IRI. */
        IRI,
        /** An {@code xsd:integer} literal. */
        INTEGER,
        /** An {@code xsd:date} literal, written YYYY-MM-DD. */
        DATE;

        /** The word used for this type in a {@code # param:} line. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type a header word names, if any ("string", "iri", "integer", "date"). */
        public static Optional<Type> fromWord(String word) {
            for (Type t : values()) {
                if (t.word().equals(word)) return Optional.of(t);
            }
            return Optional.empty();
        }
    }

    public Param {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(description, "description must not be null");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("parameter name '" + name
                    + "' is not a SPARQL variable name (a letter or '_', then letters, digits or '_')");
        }
        description = description.strip();
    }

    /** Whether {@code name} can be a parameter (and so a SPARQL variable) name. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
