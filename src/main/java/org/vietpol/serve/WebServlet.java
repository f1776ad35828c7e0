package org.vietpol.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.vietpol.query.NamedQuery;

/**
 * Everything outside the dataset and the API: static files from the classpath (the explorer at "/"), the
 * server-rendered page of the endpoint and its named queries at "/queries.html", and the files of WebJars at
 * "/webjars/". Read only, like the rest of the server.
 */
final class WebServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Path of the endpoint page, which works without scripts. */
    static final String QUERIES_PAGE = "/queries.html";
    static final String WEBJARS_PREFIX = "/webjars";

    // Scripts only from this server: any escaping mistake in the explorer cannot run injected code.
    // Inline styles are allowed because the graph library sets a one-line stylesheet of its own.
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'self'";

    private final transient IndexPage index;
    private final transient WebResources resources;
    private final transient WebResources webJars;

    WebServlet(List<NamedQuery> queries) {
        this.index = new IndexPage(queries);
        this.resources = new WebResources(WebServlet.class.getClassLoader());
        this.webJars = WebResources.webJars(WebServlet.class.getClassLoader());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String method = req.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            super.service(req, resp);
            return;
        }
        // Nothing here accepts writes; say 404 rather than 405 where there is nothing at all.
        if (!exists(pathOf(req))) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = pathOf(req);
        if (isIndex(path)) {
            sendIndex(req, resp);
            return;
        }
        Optional<WebResources.Resource> found = find(path);
        if (found.isPresent()) {
            sendResource(found.get(), resp);
            return;
        }
        // "/dir" where "/dir/" has an index.html: send the browser to the canonical form.
        if (!path.endsWith("/") && !isWebJar(path) && resources.find(path + "/").isPresent()) {
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", req.getRequestURI() + "/");
            return;
        }
        resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
    }

    private static String pathOf(HttpServletRequest req) {
        return req.getPathInfo() == null ? "/" : req.getPathInfo();
    }

    private static boolean isIndex(String path) {
        return path.equals(QUERIES_PAGE);
    }

    private static boolean isWebJar(String path) {
        return path.startsWith(WEBJARS_PREFIX + "/");
    }

    private Optional<WebResources.Resource> find(String path) {
        return isWebJar(path) ? webJars.find(path.substring(WEBJARS_PREFIX.length())) : resources.find(path);
    }

    private boolean exists(String path) {
        return isIndex(path) || find(path).isPresent();
    }

    private void sendIndex(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = index.render(baseUrl(req), req.getParameter("query")).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        // The page has no scripts; refusing them limits the damage of any escaping mistake.
        resp.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'none'; frame-ancestors 'self'");
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    private static void sendResource(WebResources.Resource r, HttpServletResponse resp) throws IOException {
        URLConnection conn = r.url().openConnection();
        try (InputStream in = conn.getInputStream()) {
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType(r.contentType());
            resp.setHeader("Cache-Control", "no-cache");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            if (r.contentType().startsWith("text/html"))
                resp.setHeader("Content-Security-Policy", PAGE_POLICY);
            long length = conn.getContentLengthLong();
            if (length >= 0)
                resp.setContentLengthLong(length);
            long modified = conn.getLastModified();
            if (modified > 0)
                resp.setDateHeader("Last-Modified", modified);
            try (OutputStream out = resp.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    /** Server root as the client addressed it, so the page shows URLs that work from the client's side. */
    private static String baseUrl(HttpServletRequest req) {
        try {
            URI uri = URI.create(req.getRequestURL().toString());
            return new URI(uri.getScheme(), uri.getAuthority(), req.getContextPath() + "/", null, null).toString();
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return "/";
        }
    }
}
