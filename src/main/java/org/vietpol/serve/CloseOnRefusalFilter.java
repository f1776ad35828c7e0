package org.vietpol.serve;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Marks error responses to requests that carry a body with {@code Connection: close}.
 * <p>
 * Fuseki refuses such requests (e.g. an update sent to this read-only server) without reading the body; Jetty then
 * drops the connection after a response that looked keep-alive, and a client reusing it fails on its next request.
 * Announcing the close lets clients open a fresh connection instead.
 */
final class CloseOnRefusalFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest req && response instanceof HttpServletResponse resp && hasBody(req))
            chain.doFilter(request, new CloseOnError(resp));
        else
            chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }

    private static final class CloseOnError extends HttpServletResponseWrapper {
        CloseOnError(HttpServletResponse response) {
            super(response);
        }

        private void closeIfError(int status) {
            if (status >= 400 && !isCommitted())
                setHeader("Connection", "close");
        }

        @Override
        public void setStatus(int sc) {
            closeIfError(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            closeIfError(sc);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            closeIfError(sc);
            super.sendError(sc, msg);
        }
    }
}
