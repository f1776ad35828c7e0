/**
 * Named SPARQL queries: the {@code queries/*.rq} files, each a header of {@code # title:},
 * {@code # question:} and {@code # param:} lines followed by the SPARQL, and the binding of their
 * parameters to RDF terms.
 *
 * <p>{@link org.vietpol.query.NamedQueries} loads the files (from a directory or from the classpath),
 * {@link org.vietpol.query.NamedQuery} is one parsed file, and {@link org.vietpol.query.QueryBinder}
 * substitutes user-given values into a query at the syntax level, never by pasting text. Nothing in this
 * package returns or accepts {@code null} unless a method says so.
 */
package org.vietpol.query;
