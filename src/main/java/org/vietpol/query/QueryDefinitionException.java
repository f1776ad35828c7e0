package org.vietpol.query;

/**
 * A query file that cannot be used: a malformed header, SPARQL that does not parse, or a parameter the
 * query cannot take. The message names the query and, where one is to blame, the line of its file.
 */
public class QueryDefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String queryName;
    private final int line;
    private final String reason;

    /**
     * @param queryName the query's name (its file name without {@code .rq})
     * @param line      the 1-based line of the file at fault, or 0 when the fault is not on one line
     * @param reason    what is wrong, for a person fixing the file
     */
    public QueryDefinitionException(String queryName, int line, String reason) {
        this(queryName, line, reason, null);
    }

    public QueryDefinitionException(String queryName, int line, String reason, Throwable cause) {
        super(message(queryName, line, reason), cause);
        this.queryName = queryName;
        this.line = line;
        this.reason = reason;
    }

    private static String message(String queryName, int line, String reason) {
        return "query " + queryName + (line > 0 ? ", line " + line : "") + ": " + reason;
    }

    public String queryName() {
        return queryName;
    }

    /** The 1-based line at fault, or 0 when the fault concerns the whole file. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
