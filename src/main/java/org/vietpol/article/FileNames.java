package org.vietpol.article;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** File-name questions the readers share. */
final class FileNames {
    private FileNames() {}

    /** The name without its last extension: the article id of a one-article file. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** True when the name ends in one of the extensions (lower case, without the dot), in any case. */
    static boolean hasExtension(Path file, Set<String> extensions) {
        Path name = file.getFileName();
        if (name == null) return false;
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 && extensions.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
