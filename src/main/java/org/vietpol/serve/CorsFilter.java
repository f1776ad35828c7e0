package org.vietpol.serve;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.apache.jena.fuseki.servlets.CrossOriginFilter;

/**
 * Cross-origin reads for one web origin: Fuseki's {@link CrossOriginFilter}, set up here rather than through its
 * defaults (which allow every origin and every method). Requests from other origins get no CORS headers, so browsers
 * keep refusing them. Only reading methods are offered: updates are for same-origin or non-browser clients.
 */
final class CorsFilter implements Filter {

    private final String origin;
    private final CrossOriginFilter delegate = new CrossOriginFilter();

    CorsFilter(String origin) {
        this.origin = checkOrigin(origin);
    }

    String origin() {
        return origin;
    }

    /**
     * The origin in its canonical form ({@code scheme://host[:port]}, lower case, no path), or an exception saying
     * what is wrong with it.
     */
    static String checkOrigin(String origin) {
        if (origin == null || origin.isBlank())
            throw new IllegalArgumentException("CORS origin is empty");
        String o = origin.strip();
        if (o.equals("*"))
            throw new IllegalArgumentException("CORS origin must be one origin, e.g. https://example.org, not '*'");
        URI uri;
        try {
            uri = new URI(o);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a web origin: " + o);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare)
            throw new IllegalArgumentException("not a web origin (scheme://host[:port], no path): " + o);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        Map<String, String> params = Map.of(
                CrossOriginFilter.ALLOWED_ORIGINS_PARAM, origin,
                CrossOriginFilter.ALLOWED_METHODS_PARAM, "GET,POST,HEAD,OPTIONS",
                CrossOriginFilter.ALLOWED_HEADERS_PARAM, "X-Requested-With,Content-Type,Accept,Origin",
                CrossOriginFilter.EXPOSED_HEADERS_PARAM, "Content-Type,Content-Length,Content-Language,Cache-Control,"
                        + "Expires,Last-Modified,Pragma," + LimitedQueryService.HEADER,
                CrossOriginFilter.ALLOW_CREDENTIALS_PARAM, "false",
                CrossOriginFilter.PREFLIGHT_MAX_AGE_PARAM, "1800",
                // Answer preflights here; the servlets behind would add their own OPTIONS reply.
                CrossOriginFilter.CHAIN_PREFLIGHT_PARAM, "false");
        ServletContext context = config == null ? null : config.getServletContext();
        delegate.init(new FilterConfig() {
            @Override
            public String getFilterName() {
                return "cors";
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String name) {
                return params.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(params.keySet());
            }
        });
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        delegate.doFilter(request, response, chain);
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }
}
