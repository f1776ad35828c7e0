package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Builds the articles (default: the seeds/ folder) into the store, then serves it.")
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
        BuildCommand.run(store.store, in, null);
        ServeCommand.serve(GraphStore.open(store.store), server);
        return Main.OK;
    }
}
