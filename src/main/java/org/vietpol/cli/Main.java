package org.vietpol.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vietpol} command. {@code System.exit} happens here and nowhere else. */
@Command(name = "vietpol", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Vietnamese political news to a knowledge graph you can query with SPARQL.",
        subcommands = {UpCommand.class, BuildCommand.class, ServeCommand.class, QueryCommand.class, EvalCommand.class, ReviewCommand.class, ExplainCommand.class,
                LinkCommand.class, ExportCommand.class, GenerateCommand.class, BenchCommand.class, LoadTestCommand.class,
                SparkCommand.class,
                LoadCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit codes: 0 all well, 1 some inputs were skipped, 2 a usage or input error, 3 an internal failure. */
    public static final int OK = 0, SKIPPED = 1, USAGE = 2, FAILURE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError || ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                    || ex instanceof java.io.UncheckedIOException || ex instanceof org.vietpol.query.QueryDefinitionException
                    || ex instanceof org.apache.jena.query.QueryParseException) {
                cmd.getErr().println("vietpol " + cmd.getCommandName() + ": " + ex.getMessage());
                return USAGE;
            }
            cmd.getErr().println("vietpol " + cmd.getCommandName() + ": internal error: " + ex);
            if (System.getenv("VIETPOL_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return FAILURE;
        });
        return cl;
    }

    /** A mistake of the user's (a missing file, a bad parameter): reported in one line, no stack trace. */
    public static final class UserError extends RuntimeException {
        public UserError(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"vietpol " + (v == null ? "development" : v) + ", extractor "
                    + org.vietpol.extract.Extractor.VERSION};
        }
    }
}
