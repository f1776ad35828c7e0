package org.vietpol.serve;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Fuseki's SPARQL query service with a cap on the number of solutions: a query without a LIMIT, or with a larger
 * one, runs with {@code LIMIT max}, and the response says so in the header {@value #HEADER}.
 * <p>
 * Rewriting the LIMIT bounds the work before it is done: SELECT results stream, but CONSTRUCT and DESCRIBE results
 * are built in memory, and a cap on response bytes would act only after that. ASK is left alone.
 */
final class LimitedQueryService extends SPARQL_QueryDataset {

    /** Present when the query ran with the server's LIMIT: fewer rows than its value means nothing was cut. */
    static final String HEADER = "X-SPARQL-MaxRows";

    private final long maxRows;

    /** {@code maxRows} zero: no cap. */
    LimitedQueryService(long maxRows) {
        if (maxRows < 0)
            throw new IllegalArgumentException("maxRows must not be negative");
        this.maxRows = maxRows;
    }

    /** A query nested deeper than the parser's stack allows is a client error, answered before it is parsed. */
    @Override
    protected void execute(String queryString, HttpAction action) {
        String deep = QueryDepth.problem(queryString);
        if (deep != null)
            ServletOps.errorBadRequest(deep);
        super.execute(queryString, action);
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dsg) {
        Query run = query;
        if (needsCap(query)) {
            run = query.cloneQuery();
            run.setLimit(maxRows);
            action.getResponse().setHeader(HEADER, Long.toString(maxRows));
        }
        return super.createQueryExec(action, run, dsg);
    }

    private boolean needsCap(Query query) {
        if (maxRows == 0 || query.isAskType() || query.getQueryPattern() == null)
            return false;
        return !query.hasLimit() || query.getLimit() > maxRows;
    }
}
