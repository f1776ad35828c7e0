package org.vietpol.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.cli.Main;

/**
 * {@code vietpol bench --engine spark} on a small generated corpus prints the {@code bench:} line with Spark's
 * rate, the single-machine rate and their ratio. Slow: the single-machine rate alone is measured on 18,000 articles.
 */
@Tag("slow")
class SparkBenchTest {
    @TempDir
    Path tmp;

    @Test
    void theSparkBenchPrintsABenchLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.commandLine().execute("bench", "--engine", "spark", "--articles", "200", "--record", "none",
                    "--work", tmp.toString());
        } finally {
            System.setOut(saved);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertEquals(Main.OK, code, printed);
        List<String> lines = printed.lines().toList();
        String last = lines.get(lines.size() - 1);
        Matcher m = Pattern.compile("^bench: engine=spark master=local\\[2,4] slots=2 articles=200 spark_per_s=(\\d+)"
                + " single_per_s=(\\d+) ratio=(\\d+\\.\\d\\d) .* quads=(\\d+) .* problems=0$").matcher(last);
        assertTrue(m.matches(), last);
        assertTrue(Long.parseLong(m.group(1)) > 0 && Long.parseLong(m.group(2)) > 0, last);
        assertTrue(Long.parseLong(m.group(4)) > 200, "every article has quads: " + last);
    }
}
