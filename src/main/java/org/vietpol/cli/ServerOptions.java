package org.vietpol.cli;

import picocli.CommandLine.Option;

/** Host and port of the SPARQL server. */
final class ServerOptions {
    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host;
}
