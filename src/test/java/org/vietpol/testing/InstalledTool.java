package org.vietpol.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program a test drives (Chromium, Graphviz). On a developer's machine without it the test is skipped with the
 * reason; in CI ({@code CI=true}, where {@code .ci/run} installs it) a missing program fails the test, so a
 * broken install can never pass as a skip.
 */
public final class InstalledTool {
    private InstalledTool() {}

    public static void require(Path program, String what) {
        if (Files.isExecutable(program)) return;
        String why = what + " is not installed at " + program + " (.ci/run installs it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why);
        assumeTrue(false, why);
    }
}
