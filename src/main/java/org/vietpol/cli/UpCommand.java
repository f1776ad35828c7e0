package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Serves the store at once and builds the articles (default: the seeds/ folder)",
                "into it in the background, as 'serve --build' does: queries see the last",
                "committed state until the build ends. The store must not be open in another",
                "process (TDB2: one process per store)."})
final class UpCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Mixin
    ServerOptions server;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Article files or folders (default: seeds).")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        List<Path> in = inputs == null || inputs.isEmpty() ? List.of(Path.of("seeds")) : inputs;
        if (!Files.exists(in.get(0))) {
            throw new Main.UserError("no " + in.get(0) + " folder here: run from the project folder or name the articles");
        }
        ServeCommand.serve(store.store, server, in);
        return Main.OK;
    }
}
