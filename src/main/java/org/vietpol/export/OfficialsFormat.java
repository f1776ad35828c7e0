package org.vietpol.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The formats of the officials-data world: who holds which post of which body, and when. Both are written from the
 * tenures the build derives ({@code vp:Tenure}), one holding of a post per record.
 */
public enum OfficialsFormat {
    /** Popolo JSON: one object with persons, organizations, posts, memberships (with dates) and areas. */
    POPOLO("popolo", "application/json", "json"),
    /** FollowTheMoney entities as JSON lines: Person, Organization, Position, Occupancy (with dates and status). */
    FTM("ftm", "application/x-ndjson", "ftm.json");

    private final String name;
    private final String mediaType;
    private final String extension;

    OfficialsFormat(String name, String mediaType, String extension) {
        this.name = name;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The name used on the command line. */
    public String cliName() {
        return name;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format named {@code name} (case-insensitive), or null if it is not one of these. */
    public static OfficialsFormat find(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (OfficialsFormat f : values()) if (f.name.equals(n)) return f;
        return null;
    }

    /** "popolo, ftm". */
    public static String names() {
        return Arrays.stream(values()).map(OfficialsFormat::cliName).collect(Collectors.joining(", "));
    }
}
