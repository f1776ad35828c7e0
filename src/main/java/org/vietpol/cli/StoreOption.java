package org.vietpol.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store} option shared by the commands that use the TDB2 store. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "data/store",
            description = "TDB2 store folder (default: ${DEFAULT-VALUE}).")
    Path store;
}
