package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.vietpol.query.NamedQueries;
import org.vietpol.query.NamedQuery;
import org.vietpol.query.QueryBinder;
import org.vietpol.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a named query (from queries/) or a .rq file on the store.",
                "Parameters are bound as RDF terms, never pasted into the query text.",
                "Example: vietpol query city-leadership --param city=Huế"})
final class QueryCommand implements Callable<Integer> {
    enum Format { table, csv, tsv, json }

    @Mixin
    StoreOption store;

    @Option(names = "--format", defaultValue = "table", description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A query parameter; repeat for several.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--list", description = "List the named queries and their parameters.")
    boolean list;

    @Parameters(arity = "0..1", paramLabel = "NAME|FILE.rq", description = "A named query or a SPARQL file.")
    String target;

    @Override
    public Integer call() throws Exception {
        NamedQueries named = NamedQueries.defaults();
        if (list || target == null) {
            for (NamedQuery q : named.all()) {
                StringBuilder ps = new StringBuilder();
                q.params().forEach(p -> ps.append(" --param ").append(p.name()).append("=…").append(p.optional() ? " (optional)" : ""));
                System.out.printf("%-38s %s%s%n", q.name(), q.title(), ps);
            }
            return Main.OK;
        }
        NamedQuery q;
        if (target.endsWith(".rq")) {
            Path f = Path.of(target);
            if (!Files.isRegularFile(f)) throw new Main.UserError("no such query file: " + f);
            String name = org.vietpol.text.VietText.slug(f.getFileName().toString().replaceFirst("\\.rq$", ""));
            if (!NamedQuery.isValidName(name)) name = "query";
            String text = Files.readString(f);
            // a plain SPARQL file needs no header; one with a header may declare parameters
            q = text.lines().anyMatch(l -> l.startsWith("# title:")) ? NamedQuery.parse(name, text)
                    : new NamedQuery(name, f.getFileName().toString(), "SPARQL from " + f, java.util.List.of(), text);
        } else {
            q = named.get(target).orElseThrow(() -> new Main.UserError("no named query '" + target
                    + "'; 'vietpol query --list' shows them"));
        }
        Query query = QueryBinder.bind(q, params);
        if (!Files.isDirectory(store.store)) {
            throw new Main.UserError("no store at " + store.store + ": run 'vietpol build' first");
        }
        try (GraphStore gs = GraphStore.open(store.store)) {
            Txn.executeRead(gs.dataset(), () -> run(query, gs));
        }
        return Main.OK;
    }

    private void run(Query query, GraphStore gs) {
        // the store's default graph is the union of all graphs (TDB2 context); GRAPH still reaches each one
        var union = DatasetFactory.wrap(gs.dataset());
        try (QueryExecution qe = QueryExecution.create(query, union)) {
            if (query.isSelectType()) {
                ResultSet rs = qe.execSelect();
                switch (format) {
                    case csv -> ResultSetFormatter.outputAsCSV(System.out, rs);
                    case tsv -> ResultSetFormatter.outputAsTSV(System.out, rs);
                    case json -> ResultSetFormatter.outputAsJSON(System.out, rs);
                    default -> ResultSetFormatter.out(System.out, rs, query.getPrologue());
                }
            } else if (query.isAskType()) {
                System.out.println(qe.execAsk());
            } else {
                RDFDataMgr.write(System.out, query.isConstructType() ? qe.execConstruct() : qe.execDescribe(), Lang.TURTLE);
            }
        }
    }
}
