package org.vietpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.serve.SparqlServer;
import picocli.CommandLine;

/** The serve and up options: refusals before anything starts, help text, and the settings reaching the server. */
@Timeout(120) // a refusal that failed to happen would serve forever
class ServeOptionsTest {

    @TempDir
    Path dir;

    @Test
    void allowUpdateWithoutACredentialsFileIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("store"));
        Run r = run("serve", "--store", dir.resolve("store").toString(), "--port", "0", "--allow-update");
        assertEquals(Main.USAGE, r.status);
        assertTrue(r.err.contains("--allow-update needs --credentials"), r.err);
    }

    @Test
    void credentialsWithoutAllowUpdateAndUnusableFilesAreRefused() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        Path creds = Files.writeString(dir.resolve("creds"), "editor:pw\n");
        Run without = run("serve", "--store", store.toString(), "--port", "0", "--credentials", creds.toString());
        assertEquals(Main.USAGE, without.status);
        assertTrue(without.err.contains("only used with --allow-update"), without.err);
        Path empty = Files.writeString(dir.resolve("empty"), "# nobody\n");
        for (Path bad : List.of(dir.resolve("missing"), empty)) {
            Run r = run("serve", "--store", store.toString(), "--port", "0", "--allow-update", "--credentials",
                    bad.toString());
            assertEquals(Main.USAGE, r.status, r.err);
            assertTrue(r.err.contains("credentials file"), r.err);
        }
    }

    @Test
    void badLimitsAndOriginsAreRefused() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        for (List<String> opts : List.of(List.of("--cors", "*"), List.of("--cors", "https://example.org/page"),
                List.of("--timeout", "-1"), List.of("--max-rows", "-5"), List.of("--max-request-bytes", "-1"))) {
            List<String> args = new ArrayList<>(List.of("serve", "--store", store.toString(), "--port", "0"));
            args.addAll(opts);
            Run r = run(args.toArray(String[]::new));
            assertEquals(Main.USAGE, r.status, opts + ": " + r.err);
        }
    }

    @Test
    void aMissingBuildInputIsRefusedBeforeServing() {
        Run r = run("serve", "--store", dir.resolve("store").toString(), "--port", "0", "--build",
                dir.resolve("nothing-here").toString());
        assertEquals(Main.USAGE, r.status);
        assertTrue(r.err.contains("no such file or folder"), r.err);
    }

    @Test
    void helpSaysTwoProcessesCannotShareAStoreAndListsTheNewOptions() {
        Run serve = run("serve", "--help");
        assertEquals(Main.OK, serve.status);
        String help = serve.out.replaceAll("\\s+", " ");
        for (String s : List.of("two processes cannot share a store", "--build", "--allow-update", "--credentials",
                "--cors", "--timeout", "--max-rows", "--max-request-bytes", "chmod 600"))
            assertTrue(help.contains(s), s + " in\n" + serve.out);
        String up = run("up", "--help").out.replaceAll("\\s+", " ");
        assertTrue(up.contains("one process per store"), up);
        assertTrue(up.contains("in the background"), up);
        assertTrue(up.contains("--allow-update"), up);
    }

    @Test
    void theOptionsReachTheServer() throws Exception {
        Path creds = Files.writeString(dir.resolve("creds"), "editor:pw\n");
        ServerOptions opts = CommandLine.populateCommand(new ServerOptions(), "--port", "0", "--allow-update",
                "--credentials", creds.toString(), "--cors", "https://example.org", "--max-rows", "1");
        List<String> warnings = new ArrayList<>();
        Files.setPosixFilePermissions(creds, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (ServeCommand.Serving s = ServeCommand.start(Files.createDirectories(dir.resolve("store")), opts, List.of())) {
            SparqlServer server = s.server();
            assertTrue(server.updatable());
            assertEquals("127.0.0.1", server.host());
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> update = http.send(HttpRequest.newBuilder(URI.create(server.updateUrl()))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <http://example.org/g> { "
                            + "<http://example.org/s> <http://example.org/p> 1, 2, 3 } }")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, update.statusCode());
            HttpResponse<String> query = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                    + java.net.URLEncoder.encode("SELECT * { ?s ?p ?o }", java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Origin", "https://example.org").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, query.statusCode());
            assertEquals("https://example.org", query.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertEquals("1", query.headers().firstValue("X-SPARQL-MaxRows").orElse(""));
        }
        opts.configure(SparqlServer.create(), warnings::add);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("can be read by other users")), warnings.toString());
        assertFalse(warnings.stream().anyMatch(w -> w.contains("in clear")), warnings.toString());
    }

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
