package org.vietpol.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vietpol.article.Article;
import org.vietpol.article.ArticleSink;
import org.vietpol.article.ArticleSources;
import org.vietpol.article.InputProblem;
import org.vietpol.extract.Extractor;
import org.vietpol.extract.Layers;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Layer;
import org.vietpol.extract.doc.Span;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Shows how the extractor reads an article, sentence by sentence: the spans of each layer (titles,",
                "names, bodies, dates, function words ...) and the grammar rules that matched, with their captures.",
                "For writing and checking rules in lexicon/grammar/*.rules."})
final class ExplainCommand implements Callable<Integer> {
    @Option(names = "--layers", split = ",", paramLabel = "NAME",
            defaultValue = "title,name,name-shape,body,date,doc-number,meeting,document,status,match",
            description = "Layers to show (default: ${DEFAULT-VALUE}); any layer name of the pipeline, e.g. leaving,taking,cue.")
    List<String> layers;

    @Option(names = "--grep", paramLabel = "TEXT", description = "Only sentences containing this text.")
    String grep;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Article files.")
    List<Path> inputs;

    @Override
    public Integer call() {
        for (Path p : inputs) if (!Files.exists(p)) throw new Main.UserError("no such file or folder: " + p);
        Extractor x = Extractor.create().build();
        List<Layer<?>> shown = new ArrayList<>();
        for (String name : layers) {
            Layer<?> l = x.pipeline().provided().stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
            if (l == null) throw new Main.UserError("no layer '" + name + "' in the pipeline");
            shown.add(l);
        }
        ArticleSources.read(inputs, new ArticleSink() {
            @Override
            public void article(Article a) {
                AnnotatedDocument doc = x.annotate(a);
                String about = doc.get(Layers.LOCALITY) == null ? "?" : doc.get(Layers.LOCALITY).name();
                System.out.println("# " + a.id() + "  (date " + a.published() + ", about " + about + ")");
                for (Span<AnnotatedDocument.Sentence> s : doc.sentences()) {
                    String text = doc.text(s.from(), s.to());
                    if (grep != null && !text.contains(grep)) continue;
                    System.out.println();
                    System.out.println("[" + s.value().index() + "] " + text);
                    for (Layer<?> l : shown) {
                        for (Span<?> sp : doc.within(l, s.from(), s.to())) {
                            System.out.println("    " + l.name() + " \"" + doc.text(sp.from(), sp.to()) + "\" " + show(sp.value()));
                        }
                    }
                }
            }

            @Override
            public void problem(InputProblem p) {
                System.err.println(p);
            }
        });
        return Main.OK;
    }

    private static String show(Object v) {
        if (v instanceof Layers.Title t) return t.role() + " " + (t.org() == null ? "?" : t.org().kind() + " " + t.org().unit().name());
        if (v instanceof Layers.Body b) return b.org().kind() + " " + b.org().unit().name();
        if (v instanceof Layers.MeetingMention m) return m.rule() + (m.organizer() == null ? "" : " " + m.organizer().kind() + " " + m.organizer().unit().name());
        return v instanceof String s ? s : String.valueOf(v);
    }
}
