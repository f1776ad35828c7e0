package org.vietpol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedQueriesTest {
    private static String query(String title) {
        return "# title: " + title + "\n# question: What is there?\nSELECT * { ?s ?p ?o } ORDER BY ?s\n";
    }

    private static List<String> names(List<NamedQuery> queries) {
        return queries.stream().map(NamedQuery::name).collect(Collectors.toList());
    }

    @Test
    void fromDirectoryReadsTheRqFilesSortedByNameAndNothingElse(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("zeta-query.rq"), query("Z"));
        Files.writeString(dir.resolve("alpha.rq"), query("A"));
        Files.writeString(dir.resolve("notes.txt"), "not a query");
        Files.writeString(dir.resolve(".alpha.rq.swp.rq"), "editor litter");
        Files.createDirectory(dir.resolve("sub.rq"));
        List<NamedQuery> found = NamedQueries.fromDirectory(dir);
        assertEquals(List.of("alpha", "zeta-query"), names(found));
        assertEquals("A", found.get(0).title());
    }

    @Test
    void fromDirectoryRefusesABadFileNamingIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.rq"), query("G"));
        Files.writeString(dir.resolve("bad.rq"), "# title: B\nSELECT * {}\n");
        QueryDefinitionException e = assertThrows(QueryDefinitionException.class, () -> NamedQueries.fromDirectory(dir));
        assertEquals("bad", e.queryName());
    }

    @Test
    void builtinFindsThePackagedQueriesOnTheClasspath() {
        List<NamedQuery> builtin = NamedQueries.builtin();
        List<NamedQuery> files = NamedQueries.fromDirectory(QueryFilesTest.QUERIES);
        assertEquals(names(files), names(builtin));
        assertEquals(files, builtin, "the packaged copies are the files of queries/");
    }

    @Test
    void aJarWithoutDirectoryEntriesStillListsItsQueries(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("with space.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, NamedQueries.RESOURCE_FOLDER + "/second.rq", query("Second"));
            put(out, NamedQueries.RESOURCE_FOLDER + "/first.rq", query("First"));
            put(out, NamedQueries.RESOURCE_FOLDER + "/readme.txt", "not a query");
            put(out, NamedQueries.RESOURCE_FOLDER + "/old/third.rq", query("Not listed: in a sub-folder"));
            put(out, "org/vietpol/other/fourth.rq", query("Not listed: another folder"));
        }
        assertEquals(List.of("first", "second"), names(NamedQueries.fromJar(jar)));
        URL url = new URL("jar:" + jar.toUri() + "!/" + NamedQueries.RESOURCE_FOLDER);
        assertEquals(List.of("first", "second"), names(NamedQueries.fromLocation(url)));
    }

    private static void put(JarOutputStream out, String entry, String text) throws IOException {
        out.putNextEntry(new JarEntry(entry));
        OutputStream os = out;
        os.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void defaultsPreferTheQueriesDirectoryOfTheWorkingDirectory() {
        assertTrue(Path.of(NamedQueries.DIRECTORY).toFile().isDirectory());
        assertEquals(NamedQueries.fromDirectory(QueryFilesTest.QUERIES), NamedQueries.defaults().all());
    }

    @Test
    void getFindsAQueryByNameAndNothingForAnUnknownName() {
        NamedQueries all = NamedQueries.defaults();
        assertEquals("city-leadership", all.get("city-leadership").orElseThrow().name());
        assertTrue(all.get("no-such-query").isEmpty());
    }

    @Test
    void twoQueriesOfOneNameAreRefused() {
        NamedQuery a = NamedQuery.parse("same", query("A"));
        NamedQuery b = NamedQuery.parse("same", query("B"));
        assertThrows(IllegalArgumentException.class, () -> NamedQueries.of(List.of(a, b)));
    }

    @Test
    void allIsSortedAndCannotBeChanged() {
        NamedQueries set = NamedQueries.of(List.of(NamedQuery.parse("b", query("B")), NamedQuery.parse("a", query("A"))));
        assertEquals(List.of("a", "b"), names(set.all()));
        assertThrows(UnsupportedOperationException.class, () -> set.all().clear());
    }
}
