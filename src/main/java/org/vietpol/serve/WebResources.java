package org.vietpol.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.regex.Pattern;

/**
 * Static web assets from a classpath folder, by default {@code org/vietpol/web/}, addressed by URL path.
 * Only plain files are served: no directory listings, no dot-files, no "." or ".." segments.
 */
final class WebResources {

    static final String ROOT = "org/vietpol/web/";
    /** Where WebJars keep their files: {@code META-INF/resources/webjars/NAME/VERSION/...}. */
    static final String WEBJARS = "META-INF/resources/webjars/";

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
    private final String root;
    private final boolean webJars;

    WebResources(ClassLoader loader) {
        this(loader, ROOT, false);
    }

    private WebResources(ClassLoader loader, String root, boolean webJars) {
        this.loader = loader;
        this.root = root;
        this.webJars = webJars;
    }

    /**
     * The files of the WebJars on the classpath, by "/NAME/VERSION/path" or, so that pages need not change when
     * a library is upgraded, by "/NAME/path" (the version the classpath holds). Directory paths find nothing.
     */
    static WebResources webJars(ClassLoader loader) {
        return new WebResources(loader, WEBJARS, true);
    }

    /** Looks up a URL path such as "/style.css"; a path ending in "/" means its index.html. */
    Optional<Resource> find(String urlPath) {
        if (webJars && (urlPath == null || urlPath.endsWith("/")))
            return Optional.empty();
        Optional<Resource> found = lookUp(urlPath);
        if (found.isEmpty() && webJars)
            found = withVersion(urlPath).flatMap(this::lookUp);
        return found;
    }

    private Optional<Resource> lookUp(String urlPath) {
        return resourceName(root, urlPath).flatMap(name -> {
            URL url = loader.getResource(name);
            if (url == null || !isPlainFile(url))
                return Optional.empty();
            return Optional.of(new Resource(name, url, contentType(name)));
        });
    }

    // "/cytoscape/dist/x.js" to "/cytoscape/3.33.1/dist/x.js", from the version in the WebJar's Maven metadata.
    private Optional<String> withVersion(String urlPath) {
        if (urlPath == null || !urlPath.startsWith("/"))
            return Optional.empty();
        int slash = urlPath.indexOf('/', 1);
        if (slash < 0)
            return Optional.empty();
        String name = urlPath.substring(1, slash);
        if (!SEGMENT.matcher(name).matches())
            return Optional.empty();
        for (String group : List.of("org.webjars.npm", "org.webjars")) {
            URL props = loader.getResource("META-INF/maven/" + group + "/" + name + "/pom.properties");
            if (props == null)
                continue;
            try (InputStream in = props.openStream()) {
                Properties p = new Properties();
                p.load(in);
                String version = p.getProperty("version");
                if (version != null && SEGMENT.matcher(version).matches())
                    return Optional.of("/" + name + "/" + version + urlPath.substring(slash));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Classpath name for a URL path, or empty if the path is not acceptable. */
    static Optional<String> resourceName(String urlPath) {
        return resourceName(ROOT, urlPath);
    }

    private static Optional<String> resourceName(String root, String urlPath) {
        if (urlPath == null || !urlPath.startsWith("/"))
            return Optional.empty();
        String rel = urlPath.substring(1);
        if (rel.isEmpty() || rel.endsWith("/"))
            rel = rel + "index.html";
        for (String segment : rel.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches())
                return Optional.empty();
        }
        return Optional.of(root + rel);
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
