package org.vietpol.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vietpol.resolve.Decisions;
import picocli.CommandLine.Option;

/** The {@code --decisions} option: the reviewer's same/different judgements on pairs of persons. */
final class DecisionsOption {
    /** Read when no {@code --decisions} is given and it exists: {@code decisions.tsv} in the working directory. */
    static final Path DEFAULT = Path.of("decisions.tsv");

    @Option(names = "--decisions", paramLabel = "FILE",
            description = "Person decisions (IRI, IRI, same|different, tab-separated; default: decisions.tsv in the "
                    + "working directory when it exists). Applied by the build, never written by it.")
    Path file;

    Decisions read() throws IOException {
        return read(file);
    }

    /** The decisions of {@code file}, or of the default file when null and present; none otherwise. */
    static Decisions read(Path file) throws IOException {
        if (file != null) {
            if (!Files.isRegularFile(file)) throw new Main.UserError("no such decisions file: " + file);
            return Decisions.read(file);
        }
        return Files.isRegularFile(DEFAULT) ? Decisions.read(DEFAULT) : Decisions.NONE;
    }

    /** The file read, for messages: the one given, the default when present, else null. */
    Path used() {
        return file != null ? file : Files.isRegularFile(DEFAULT) ? DEFAULT : null;
    }
}
