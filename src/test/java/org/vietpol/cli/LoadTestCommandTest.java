package org.vietpol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.build.Build;
import org.vietpol.store.GraphStore;
import picocli.CommandLine;

/** {@code vietpol load-test} on the seed store, and its refusals. */
class LoadTestCommandTest {

    @TempDir
    Path dir;

    @Test
    void threeSecondsWithFiveClientsOnTheSeedStoreAnswersQueriesWithoutErrors() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("seeds")), "run from the project directory");
        Path store = dir.resolve("store");
        try (GraphStore gs = GraphStore.open(store)) {
            Build.create().build().run(List.of(Path.of("seeds")), gs);
        }
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = command().execute("load-test", "--store", store.toString(), "--clients", "5", "--seconds", "3");
        } finally {
            System.setOut(saved);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(Main.OK, status, out);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        Matcher m = Pattern.compile("load-test: clients=5 seconds=3 queries=(\\d+) qps=([0-9.]+) p50_ms=[0-9.]+ "
                + "p95_ms=[0-9.]+ p99_ms=[0-9.]+ errors=(\\d+)").matcher(last);
        assertTrue(m.matches(), last);
        assertTrue(Long.parseLong(m.group(1)) > 0, last);
        assertEquals("0", m.group(3), out);
        assertTrue(out.contains("latency:") && out.contains("p99"), out);
    }

    @Test
    void anotherHostIsRefused() {
        for (String url : List.of("http://192.0.2.7:3030/vietpol/sparql", "http://10.1.2.3/")) {
            Result r = run("load-test", "--url", url, "--seconds", "1");
            assertEquals(Main.USAGE, r.status);
            assertTrue(r.err.contains("loopback"), r.err);
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals(Main.USAGE, run("load-test", "--url", "http://127.0.0.1:1/", "--store", dir.toString()).status);
        assertEquals(Main.USAGE, run("load-test", "--url", "http://127.0.0.1:1/", "--clients", "0").status);
        assertEquals(Main.USAGE, run("load-test", "--url", "http://127.0.0.1:1/", "--seconds", "0").status);
        assertEquals(Main.USAGE, run("load-test", "--url", "http://127.0.0.1:1/", "--queries", "no-such-query").status);
        assertEquals(Main.USAGE, run("load-test", "--store", dir.resolve("none").toString()).status);
        if (Files.isDirectory(Path.of("queries")))
            assertEquals(Main.USAGE, run("load-test", "--url", "http://127.0.0.1:1/", "--queries",
                    "wikidata-provinces-population").status);
    }

    record Result(int status, String err) {}

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = command();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Result(cl.execute(args), err.toString());
    }

    /** The command line with load-test among its commands, as the program registers it. */
    private static CommandLine command() {
        CommandLine cl = Main.commandLine();
        if (!cl.getSubcommands().containsKey("load-test"))
            cl.addSubcommand("load-test", new LoadTestCommand());
        return cl;
    }
}
