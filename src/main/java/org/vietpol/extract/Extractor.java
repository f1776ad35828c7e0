package org.vietpol.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.vietpol.article.Article;
import org.vietpol.extract.doc.AnnotatedDocument;
import org.vietpol.extract.doc.Annotator;
import org.vietpol.extract.doc.Pipeline;
import org.vietpol.extract.grammar.Grammar;

/**
 * Rule- and lexicon-based extraction of officials, personnel changes, meetings and documents from one
 * Vietnamese article, as an annotation pipeline: lexicon and pattern finders add typed span layers (function
 * words, dates, numbers), the item reader adds titles, names and bodies, the attachment grammar (the rules of
 * {@code lexicon/grammar/*.rules}) ties them together, and resolvers decide what is held, taken and left.
 * Immutable and thread-safe: build once, call {@link #extract} from any number of threads.
 *
 * <pre>{@code
 * Extractor extractor = Extractor.create().build();          // shipped lexicon, gazetteer and grammar
 * Extraction facts = extractor.extract(article);
 * }</pre>
 */
public final class Extractor {
    /** Version of the rules, recorded in the provenance of every extracted graph. */
    public static final String VERSION = "0.2.0";

    /** The grammar files, in the order their rules' ties are broken. */
    public static final List<String> GRAMMAR = List.of("grammar/officials.rules", "grammar/meetings.rules", "grammar/documents.rules");

    private final Lexicon lex;
    private final Gazetteer gaz;
    private final Pipeline pipeline;
    private final GrammarAnnotator grammar;

    private Extractor(Builder b) {
        this.lex = b.lexicon != null ? b.lexicon : Lexicon.defaults();
        this.gaz = b.gazetteer != null ? b.gazetteer : Gazetteers.defaults();
        List<Grammar.Source> sources = new ArrayList<>();
        for (String f : b.grammar != null ? List.<String>of() : GRAMMAR) sources.add(new Grammar.Source(f, DataFile.text(f)));
        if (b.grammar != null) sources.addAll(b.grammar);
        Pipeline.Builder p = Pipeline.builder().given(Layers.ARTICLE_DATE, Layers.BYLINES);
        for (Annotator a : List.of(new LexiconAnnotator(lex), new DateAnnotator(), new NumberAnnotator(lex),
                new LocalityFinder(lex, gaz), new ItemAnnotator(lex, gaz))) p.add(a);
        this.grammar = new GrammarAnnotator(sources, p.build().provided(), Vocabulary.defaults(), lex);
        p.add(grammar).add(new DocumentResolver(lex, gaz)).add(new MeetingResolver()).add(new PostResolver(lex, gaz));
        this.pipeline = p.build();
    }

    public static Builder create() {
        return new Builder();
    }

    /**
     * What this extractor's output depends on: its version and every language data file it read (the grammar
     * among them). A store built with another fingerprint must extract its articles again.
     */
    public String fingerprint() {
        return VERSION + ":" + DataFile.fingerprint();
    }

    public Gazetteer gazetteer() {
        return gaz;
    }

    public Lexicon lexicon() {
        return lex;
    }

    /** The grammar's rule names, highest priority first. */
    public List<String> rules() {
        return grammar.grammar().rules().stream().map(r -> r.name()).toList();
    }

    /** The stages of the pipeline, in order. */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** Extracts and pushes the result to the sink. */
    public void extract(Article article, Consumer<Extraction> sink) {
        sink.accept(extract(article));
    }

    public Extraction extract(Article article) {
        AnnotatedDocument doc = annotate(article);
        return new Extraction(article, doc.get(Layers.LOCALITY), doc.get(Layers.POSITIONS).list(), doc.get(Layers.CHANGES).list(),
                doc.get(Layers.MEETINGS).list(), doc.get(Layers.DOCUMENTS).list(), doc.get(Layers.FIRED).rules(),
                doc.get(Layers.FORMER_POSITIONS).list());
    }

    /** The article read by every stage of the pipeline: its layers show how the extraction came about. */
    public AnnotatedDocument annotate(Article article) {
        Objects.requireNonNull(article, "article");
        AnnotatedDocument doc = new AnnotatedDocument(article.text(), lex.abbreviations);
        doc.put(Layers.ARTICLE_DATE, article.published());
        doc.put(Layers.BYLINES, new Layers.Bylines(article.bylines()));
        pipeline.annotate(doc);
        return doc;
    }

    public static final class Builder {
        private Lexicon lexicon;
        private Gazetteer gazetteer;
        private List<Grammar.Source> grammar;

        public Builder lexicon(Lexicon lexicon) {
            this.lexicon = lexicon;
            return this;
        }

        public Builder gazetteer(Gazetteer gazetteer) {
            this.gazetteer = gazetteer;
            return this;
        }

        /** Grammar files to use instead of the shipped ones (a rule being tried out, a test). */
        public Builder grammar(List<Grammar.Source> grammar) {
            this.grammar = List.copyOf(grammar);
            return this;
        }

        public Extractor build() {
            return new Extractor(this);
        }
    }

    /** Shared default gazetteer, loaded once. */
    static final class Gazetteers {
        private static volatile Gazetteer defaults;

        static Gazetteer defaults() {
            Gazetteer g = defaults;
            if (g == null) {
                synchronized (Gazetteers.class) {
                    if (defaults == null) defaults = Gazetteer.load();
                    g = defaults;
                }
            }
            return g;
        }
    }
}
