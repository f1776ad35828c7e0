package org.vietpol.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import org.vietpol.serve.Credentials;
import org.vietpol.serve.SparqlServer;
import picocli.CommandLine.Option;

/** Address, limits and access of the SPARQL server. */
final class ServerOptions {
    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest run of a query (default: ${DEFAULT-VALUE}; 0: none). A request's 'timeout' parameter may only shorten it.")
    double timeoutSeconds;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100000",
            description = "Most results of a query: a larger or missing LIMIT becomes N, and the response has the header X-SPARQL-MaxRows (default: ${DEFAULT-VALUE}; 0: none).")
    long maxRows;

    @Option(names = "--max-request-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Largest request body; larger ones get 413 (default: ${DEFAULT-VALUE}, 1 MiB; 0: none).")
    long maxRequestBytes;

    @Option(names = "--cors", paramLabel = "ORIGIN",
            description = "Let web pages from this one origin (e.g. https://example.org) read the endpoint; default: no CORS.")
    String cors;

    @Option(names = "--allow-update",
            description = "Add SPARQL Update at /vietpol/update and Graph Store writes at /vietpol/data, for the users of --credentials (HTTP Basic authentication).")
    boolean allowUpdate;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "Users who may write, one 'user:password' a line (Jetty realm format; MD5:/CRYPT: hashes accepted). Keep it readable by you alone (chmod 600).")
    Path credentials;

    /** The server these options describe, not yet built; warnings go to the caller. */
    SparqlServer.Builder configure(SparqlServer.Builder b, java.util.function.Consumer<String> warn) {
        if (allowUpdate && credentials == null)
            throw new Main.UserError("--allow-update needs --credentials FILE (lines user:password); "
                    + "without it the server stays read only");
        if (credentials != null && !allowUpdate)
            throw new Main.UserError("--credentials is only used with --allow-update");
        if (timeoutSeconds < 0 || Double.isNaN(timeoutSeconds) || timeoutSeconds > 86_400)
            throw new Main.UserError("--timeout must be between 0 and 86400 seconds");
        try {
            b.host(host).port(port)
                    .queryTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
                    .maxResultRows(maxRows)
                    .maxRequestBytes(maxRequestBytes)
                    .corsOrigin(cors);
            if (allowUpdate) {
                b.allowUpdate(credentials);
                Credentials c = Credentials.read(credentials);
                if (c.readableByOthers())
                    warn.accept("warning: " + credentials + " can be read by other users; chmod 600 it");
                if (!isLoopback(host))
                    warn.accept("warning: updates over plain HTTP on " + host + " send passwords in clear; "
                            + "put the server behind HTTPS");
            }
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(e.getMessage());
        }
        return b;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
