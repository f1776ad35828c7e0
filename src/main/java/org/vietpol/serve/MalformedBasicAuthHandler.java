package org.vietpol.serve;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a request whose Basic credentials cannot be decoded with 401 and a new challenge. Jetty's authenticator
 * throws on such a header, which becomes a 500 and a stack trace in the log for anyone who sends one.
 */
final class MalformedBasicAuthHandler extends Handler.Wrapper {

    private final String realm;

    MalformedBasicAuthHandler(String realm, Handler next) {
        super(next);
        this.realm = realm;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth != null && isMalformedBasic(auth)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, HttpStatus.UNAUTHORIZED_401);
            return true;
        }
        return super.handle(request, response, callback);
    }

    static boolean isMalformedBasic(String header) {
        String h = header.strip();
        int space = h.indexOf(' ');
        String scheme = space < 0 ? h : h.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals("basic"))
            return false;
        try {
            String decoded = new String(Base64.getDecoder().decode(h.substring(scheme.length()).strip()),
                    StandardCharsets.UTF_8);
            return decoded.indexOf(':') < 0;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
