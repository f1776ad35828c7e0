package org.vietpol.serve;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.regex.Pattern;

/**
 * Static web assets from the classpath folder {@code org/vietpol/web/}, addressed by URL path.
 * Only plain files are served: no directory listings, no dot-files, no "." or ".." segments.
 */
final class WebResources {

    static final String ROOT = "org/vietpol/web/";

    // Conservative on purpose: anything outside this set is simply not found.
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_~+@-][A-Za-z0-9._~+@-]*");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("jsonld", "application/ld+json"),
            Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"), Map.entry("csv", "text/csv"),
            Map.entry("xml", "application/xml"),
            Map.entry("rq", "application/sparql-query"), Map.entry("ttl", "text/turtle"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"),
            Map.entry("wasm", "application/wasm"));

    /** A file found on the classpath. */
    record Resource(String name, URL url, String contentType) {}

    private final ClassLoader loader;

    WebResources(ClassLoader loader) {
        this.loader = loader;
    }

    /** Looks up a URL path such as "/style.css"; a path ending in "/" means its index.html. */
    Optional<Resource> find(String urlPath) {
        return resourceName(urlPath).flatMap(name -> {
            URL url = loader.getResource(name);
            if (url == null || !isPlainFile(url))
                return Optional.empty();
            return Optional.of(new Resource(name, url, contentType(name)));
        });
    }

    /** Classpath name for a URL path, or empty if the path is not acceptable. */
    static Optional<String> resourceName(String urlPath) {
        if (urlPath == null || !urlPath.startsWith("/"))
            return Optional.empty();
        String rel = urlPath.substring(1);
        if (rel.isEmpty() || rel.endsWith("/"))
            rel = rel + "index.html";
        for (String segment : rel.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches())
                return Optional.empty();
        }
        return Optional.of(ROOT + rel);
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        boolean textual = type.startsWith("text/") || type.equals("application/json")
                || type.equals("application/ld+json") || type.equals("application/xml")
                || type.equals("image/svg+xml") || type.equals("application/sparql-query");
        return textual ? type + "; charset=utf-8" : type;
    }

    // Class loaders return directories too (as file: or jar: URLs); those must not be listed or served.
    private static boolean isPlainFile(URL url) {
        try {
            switch (url.getProtocol()) {
                case "file":
                    return Files.isRegularFile(Path.of(url.toURI()));
                case "jar": {
                    URLConnection conn = url.openConnection();
                    JarEntry entry = ((JarURLConnection) conn).getJarEntry();
                    return entry != null && !entry.isDirectory();
                }
                default:
                    return !url.getPath().endsWith("/");
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return false;
        }
    }
}
