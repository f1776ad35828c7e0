package org.vietpol.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The export formats. Triple formats carry the union of the named graphs (what the SPARQL endpoint answers
 * over); quad formats keep every named graph.
 */
public enum ExportFormat {
    TTL("ttl", "text/turtle", false),
    NQ("nq", "application/n-quads", true),
    TRIG("trig", "application/trig", true),
    JSONLD("jsonld", "application/ld+json", false),
    RDFXML("rdfxml", "application/rdf+xml", false);

    private final String name;
    private final String mediaType;
    private final boolean quads;

    ExportFormat(String name, String mediaType, boolean quads) {
        this.name = name;
        this.mediaType = mediaType;
        this.quads = quads;
    }

    /** The name used on the command line, also the usual file extension ("rdfxml" writes .rdf files). */
    public String cliName() {
        return name;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether named graphs are kept (N-Quads, TriG) rather than merged into one graph. */
    public boolean quads() {
        return quads;
    }

    /** The format named {@code name} (case-insensitive), or an IllegalArgumentException listing the choices. */
    public static ExportFormat of(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) if (f.name.equals(n)) return f;
        throw new IllegalArgumentException("unknown export format '" + name + "'; choose one of " + names());
    }

    /** "ttl, nq, trig, jsonld, rdfxml". */
    public static String names() {
        return Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining(", "));
    }
}
