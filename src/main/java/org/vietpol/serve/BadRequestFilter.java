package org.vietpol.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers the mistakes of a careless client as client errors, with a one-line reason and nothing in the log:
 * a URL or a form body that is not UTF-8 once percent-decoded (Jetty would throw deep inside Fuseki, which answers
 * 500 and logs the stack), and a query or update nested deeper than {@value QueryDepth#MAX} brackets (the SPARQL
 * parser recurses once per level and would run out of stack).
 */
final class BadRequestFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)) {
            chain.doFilter(request, response);
            return;
        }
        String problem = problem(req);
        if (problem != null) {
            refuse(resp, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the request is refused, or null to pass it on. */
    private static String problem(HttpServletRequest req) {
        String raw = req.getQueryString();
        if (raw != null && !percentDecodesToUtf8(raw))
            return "the URL's query string is not valid UTF-8 once percent-decoded";
        String type = req.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && "POST".equalsIgnoreCase(req.getMethod())) {
            try {
                req.getParameterMap(); // parsed now (and kept for the servlet), so a decoding error is ours to answer
            } catch (RuntimeException e) {
                return invalidUtf8(e) ? "the form body is not valid UTF-8 once percent-decoded"
                        : "the form body cannot be read: " + firstLine(e.getMessage());
            }
        }
        for (String name : new String[] {"query", "update"}) {
            String text;
            try {
                text = req.getParameter(name);
            } catch (RuntimeException e) {
                return "the request's parameters cannot be read: " + firstLine(e.getMessage());
            }
            String deep = QueryDepth.problem(text);
            if (deep != null) return deep;
        }
        return null;
    }

    static void refuse(HttpServletResponse resp, String problem) throws IOException {
        if (resp.isCommitted()) return;
        resp.resetBuffer();
        resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        resp.setContentType("text/plain;charset=utf-8");
        resp.setHeader("Connection", "close"); // the body may not have been read
        resp.getWriter().println("Bad request: " + problem);
    }

    private static boolean invalidUtf8(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) return true;
            String m = t.getMessage();
            if (m != null && m.contains("UTF-8")) return true;
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) return "malformed";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Whether a raw query string, its %XX escapes and '+' decoded, is UTF-8 (a bad escape also fails). */
    static boolean percentDecodesToUtf8(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return false;
                int hi = Character.digit(raw.charAt(i + 1), 16), lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return false;
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
