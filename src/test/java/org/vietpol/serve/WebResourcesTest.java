package org.vietpol.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classpath static files: found by path, typed by extension, never directories or anything outside the folder. */
class WebResourcesTest {

    @TempDir
    Path tmp;

    @Test
    void servesFilesFromAClassesDirectory() throws IOException {
        Path root = tmp.resolve("classes");
        write(root.resolve("org/vietpol/web/app.js"), "console.log(1)");
        write(root.resolve("org/vietpol/web/explorer/index.html"), "<!DOCTYPE html>");
        write(root.resolve("org/vietpol/web/explorer/lib/graph.min.js"), "x");
        write(root.resolve("org/vietpol/web/.secret"), "s");
        write(root.resolve("org/vietpol/secret.txt"), "s");
        Files.createDirectories(root.resolve("org/vietpol/web/empty"));
        assertBehaviour(root.toUri().toURL());
    }

    @Test
    void servesFilesFromAJarWithoutListingItsDirectories() throws IOException {
        Path jar = tmp.resolve("web.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String dir : List.of("org/", "org/vietpol/", "org/vietpol/web/", "org/vietpol/web/explorer/",
                    "org/vietpol/web/explorer/lib/", "org/vietpol/web/empty/"))
                out.putNextEntry(new JarEntry(dir));
            entry(out, "org/vietpol/web/app.js", "console.log(1)");
            entry(out, "org/vietpol/web/explorer/index.html", "<!DOCTYPE html>");
            entry(out, "org/vietpol/web/explorer/lib/graph.min.js", "x");
            entry(out, "org/vietpol/web/.secret", "s");
            entry(out, "org/vietpol/secret.txt", "s");
        }
        assertBehaviour(jar.toUri().toURL());
    }

    @Test
    void mapsExtensionsToContentTypes() {
        assertEquals("text/css; charset=utf-8", WebResources.contentType("a/style.css"));
        assertEquals("text/javascript; charset=utf-8", WebResources.contentType("app.mjs"));
        assertEquals("text/html; charset=utf-8", WebResources.contentType("INDEX.HTML"));
        assertEquals("application/json; charset=utf-8", WebResources.contentType("data.json"));
        assertEquals("image/svg+xml; charset=utf-8", WebResources.contentType("logo.svg"));
        assertEquals("image/png", WebResources.contentType("logo.png"));
        assertEquals("font/woff2", WebResources.contentType("f.woff2"));
        assertEquals("application/octet-stream", WebResources.contentType("blob.bin"));
        assertEquals("application/octet-stream", WebResources.contentType("README"));
    }

    @Test
    void rejectsPathsThatCouldLeaveTheWebFolder() {
        for (String bad : List.of("/../x.css", "/a/../../x.css", "/./x.css", "/a//b.css", "/a\\b.css", "/.hidden",
                "/x.css\u0000.png", "x.css", "/C:/x.css", "/%2e%2e/x.css"))
            assertEquals(Optional.empty(), WebResources.resourceName(bad), bad);
        assertEquals(Optional.of("org/vietpol/web/a/b-c_d.min.js"), WebResources.resourceName("/a/b-c_d.min.js"));
        assertEquals(Optional.of("org/vietpol/web/a/index.html"), WebResources.resourceName("/a/"));
    }

    @Test
    void findsTheProjectStyleSheet() {
        WebResources web = new WebResources(WebResources.class.getClassLoader());
        assertTrue(web.find("/style.css").isPresent());
        assertEquals("text/css; charset=utf-8", web.find("/style.css").get().contentType());
    }

    @Test
    void findsWebJarFilesWithOrWithoutTheirVersion() throws IOException {
        Path jar = tmp.resolve("lib-webjar.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "META-INF/maven/org.webjars.npm/lib/pom.properties", "groupId=org.webjars.npm\nversion=1.2.3\n");
            entry(out, "META-INF/resources/webjars/lib/1.2.3/dist/lib.min.js", "x");
            entry(out, "META-INF/resources/webjars/lib/1.2.3/index.html", "<!DOCTYPE html>");
            entry(out, "META-INF/resources/webjars/lib/1.2.3/.github/x.md", "s");
            entry(out, "org/vietpol/web/app.js", "y");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            WebResources jars = WebResources.webJars(loader);
            assertEquals("META-INF/resources/webjars/lib/1.2.3/dist/lib.min.js",
                    jars.find("/lib/1.2.3/dist/lib.min.js").orElseThrow().name());
            assertEquals("META-INF/resources/webjars/lib/1.2.3/dist/lib.min.js",
                    jars.find("/lib/dist/lib.min.js").orElseThrow().name());
            assertEquals("text/javascript; charset=utf-8", jars.find("/lib/dist/lib.min.js").get().contentType());
            for (String absent : List.of("/lib/1.2.3/", "/lib/", "/", "/lib/1.2.3/dist", "/lib/.github/x.md",
                    "/lib/../lib/dist/lib.min.js", "/other/dist/lib.min.js", "/lib/9.9.9/dist/lib.min.js",
                    "/lib/1.2.3/dist/../../../../org/vietpol/web/app.js"))
                assertFalse(jars.find(absent).isPresent(), absent);
            assertFalse(new WebResources(loader).find("/lib/dist/lib.min.js").isPresent(), "webjars only under their prefix");
        }
    }

    @Test
    void findsTheGraphLibraryOnTheClasspath() {
        WebResources jars = WebResources.webJars(WebResources.class.getClassLoader());
        assertTrue(jars.find("/cytoscape/dist/cytoscape.esm.min.mjs").isPresent());
        assertTrue(jars.find("/cytoscape/dist/cytoscape.min.js").isPresent());
    }

    private static void assertBehaviour(URL classpathEntry) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classpathEntry}, null)) {
            WebResources web = new WebResources(loader);
            assertEquals("text/javascript; charset=utf-8", web.find("/app.js").orElseThrow().contentType());
            assertEquals("org/vietpol/web/explorer/lib/graph.min.js",
                    web.find("/explorer/lib/graph.min.js").orElseThrow().name());
            assertEquals("org/vietpol/web/explorer/index.html", web.find("/explorer/").orElseThrow().name());
            assertFalse(web.find("/explorer").isPresent(), "a directory is not a file");
            assertFalse(web.find("/explorer/lib").isPresent());
            assertFalse(web.find("/explorer/lib/").isPresent(), "no index.html, no listing");
            assertFalse(web.find("/empty").isPresent());
            assertFalse(web.find("/empty/").isPresent());
            assertFalse(web.find("/.secret").isPresent());
            assertFalse(web.find("/../secret.txt").isPresent());
            assertFalse(web.find("/missing.js").isPresent());
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream os = out;
        os.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
