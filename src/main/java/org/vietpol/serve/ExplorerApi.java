package org.vietpol.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.vietpol.query.NamedQueries;
import org.vietpol.query.NamedQuery;
import org.vietpol.query.Param;
import org.vietpol.query.QueryBinder;
import org.vietpol.query.QueryDefinitionException;

/**
 * The little the explorer page needs beyond the SPARQL endpoint, as JSON under {@code /api/}:
 * <ul>
 * <li>{@code GET /api/queries}: the named queries (name, title, question, params, sparql);</li>
 * <li>{@code POST /api/queries/NAME} with form fields, one per parameter: the query with the values bound as
 * RDF terms by {@link QueryBinder} ({@code {"name": ..., "sparql": ...}}), which the page then runs at the
 * endpoint, so that no value is ever pasted into query text;</li>
 * <li>{@code GET /api/search?q=...}: names and labels matching regardless of case and diacritics.</li>
 * </ul>
 * Nothing here writes, and all data stays in the one dataset.
 */
final class ExplorerApi extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String QUERIES = "/queries";
    private static final String SEARCH = "/search";
    private static final int MAX_VALUE_LENGTH = 1_000;

    private final transient NamedQueries queries;
    private final transient LabelSearch search;

    ExplorerApi(DatasetGraph dataset, List<NamedQuery> queries) {
        this.queries = NamedQueries.of(queries);
        this.search = new LabelSearch(dataset);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = pathOf(req);
        if (path.equals(QUERIES)) {
            send(resp, HttpServletResponse.SC_OK, listing());
        } else if (path.equals(SEARCH)) {
            send(resp, HttpServletResponse.SC_OK, searchResult(req.getParameter("q")));
        } else if (namedQuery(path).isPresent()) {
            notAllowed(resp, "POST");
        } else {
            error(resp, HttpServletResponse.SC_NOT_FOUND, "no such resource: /api" + path);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = pathOf(req);
        if (path.equals(QUERIES) || path.equals(SEARCH)) {
            notAllowed(resp, "GET");
            return;
        }
        Optional<NamedQuery> q = namedQuery(path);
        if (q.isEmpty()) {
            error(resp, HttpServletResponse.SC_NOT_FOUND, "no such query: " + path.substring(path.lastIndexOf('/') + 1));
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
            String[] given = e.getValue();
            if (given.length != 1) {
                error(resp, HttpServletResponse.SC_BAD_REQUEST, "parameter '" + e.getKey() + "' given more than once");
                return;
            }
            if (given[0].length() > MAX_VALUE_LENGTH) {
                error(resp, HttpServletResponse.SC_BAD_REQUEST, "parameter '" + e.getKey() + "' is too long");
                return;
            }
            values.put(e.getKey(), given[0]);
        }
        Query bound;
        try {
            bound = QueryBinder.bind(q.get(), values);
        } catch (QueryDefinitionException e) {
            error(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            error(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        JsonObject body = new JsonObject();
        body.put("name", q.get().name());
        body.put("sparql", bound.toString());
        send(resp, HttpServletResponse.SC_OK, body);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String method = req.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("POST")) {
            super.service(req, resp);
            return;
        }
        // Nothing else is offered (no PUT, DELETE, TRACE ...); OPTIONS says what is.
        String path = pathOf(req);
        String allow = path.equals(QUERIES) || path.equals(SEARCH) ? "GET, HEAD"
                : namedQuery(path).isPresent() ? "POST" : null;
        if (allow == null) {
            error(resp, HttpServletResponse.SC_NOT_FOUND, "no such resource: /api" + path);
        } else if (method.equals("OPTIONS")) {
            resp.setHeader("Allow", allow + ", OPTIONS");
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            notAllowed(resp, allow);
        }
    }

    private Optional<NamedQuery> namedQuery(String path) {
        if (!path.startsWith(QUERIES + "/"))
            return Optional.empty();
        String name = path.substring(QUERIES.length() + 1);
        return NamedQuery.isValidName(name) ? queries.get(name) : Optional.empty();
    }

    private JsonObject listing() {
        JsonArray list = new JsonArray();
        for (NamedQuery q : queries.all()) {
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("title", q.title());
            o.put("question", q.question());
            JsonArray params = new JsonArray();
            for (Param p : q.params()) {
                JsonObject po = new JsonObject();
                po.put("name", p.name());
                po.put("type", p.type().word());
                po.put("optional", p.optional());
                po.put("description", p.description());
                params.add(po);
            }
            o.put("params", params);
            o.put("sparql", q.sparql());
            list.add(o);
        }
        JsonObject body = new JsonObject();
        body.put("queries", list);
        return body;
    }

    private JsonObject searchResult(String q) {
        String query = q == null ? "" : q;
        LabelSearch.Result result = query.length() > LabelSearch.MAX_QUERY_LENGTH
                ? new LabelSearch.Result(List.of(), true) : search.search(query);
        JsonArray hits = new JsonArray();
        for (LabelSearch.Hit h : result.hits()) {
            JsonObject o = new JsonObject();
            o.put("iri", h.iri());
            o.put("label", h.label());
            o.put("group", h.group());
            o.put("kind", h.kind());
            o.put("context", h.context());
            hits.add(o);
        }
        JsonObject body = new JsonObject();
        body.put("query", query);
        body.put("hits", hits);
        body.put("complete", result.complete());
        return body;
    }

    private static String pathOf(HttpServletRequest req) {
        return req.getPathInfo() == null ? "/" : req.getPathInfo();
    }

    private static void notAllowed(HttpServletResponse resp, String allow) throws IOException {
        resp.setHeader("Allow", allow);
        error(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "use " + allow);
    }

    private static void error(HttpServletResponse resp, int status, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.put("error", message == null ? "error" : message);
        send(resp, status, body);
    }

    private static void send(HttpServletResponse resp, int status, JsonObject body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        JSON.write(buf, body);
        byte[] bytes = buf.toByteArray();
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(bytes.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(bytes);
        }
    }
}
