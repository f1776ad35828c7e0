package org.vietpol.spark;

import java.util.List;
import org.vietpol.article.Article;
import org.vietpol.extract.Extractor;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.GraphMapper;
import org.vietpol.graph.ShapesValidator;
import org.vietpol.store.GraphStore;

/**
 * The one place where the Spark job meets the single-machine build's per-article code: extract, map to RDF,
 * validate with the SHACL shapes, exactly as {@code Build.process} does, with the same problem messages.
 *
 * <p>It is the adapter to swap when the build's per-article pipeline becomes public (issue 16, probably
 * {@code org.vietpol.build.ArticlePipeline}: Article to mapped graph or problem): {@link #process} and
 * {@link #fingerprint} then delegate to it, and nothing else in this package changes.
 *
 * <p>One instance per JVM ({@link #shared}): the lexicon, gazetteer, grammar and shapes load once per executor,
 * and the instance is used by all of the executor's task threads at once, as the build's extraction threads use
 * theirs.
 */
public final class ArticleProcessor {
    private static volatile ArticleProcessor shared;

    private final Extractor extractor;
    private final GraphMapper mapper;
    private final ShapesValidator validator;

    private ArticleProcessor() {
        this.extractor = Extractor.create().build();
        this.mapper = new GraphMapper(extractor.lexicon(), extractor.gazetteer());
        this.validator = ShapesValidator.defaults();
    }

    /** This JVM's processor, built on first use. */
    public static ArticleProcessor shared() {
        ArticleProcessor p = shared;
        if (p == null) {
            synchronized (ArticleProcessor.class) {
                p = shared;
                if (p == null) shared = p = new ArticleProcessor();
            }
        }
        return p;
    }

    /** The fingerprint the build stores: the rules' (extractor version, language data) and the store layout. */
    public String fingerprint() {
        return extractor.fingerprint() + ";" + GraphStore.LAYOUT;
    }

    /** The article's content hash, as the build stores it with the article. */
    public static String contentHash(Article a) {
        return GraphMapper.contentHash(a);
    }

    /** One article's outcome: its graph, or why it was skipped (as the build words it). */
    public record Outcome(ArticleGraph graph, String problem) {}

    /** Extracts, maps and validates one article; never throws for a bad article. */
    public Outcome process(Article a) {
        try {
            ArticleGraph g = mapper.map(extractor.extract(a));
            List<String> v = validator.violations(g);
            if (!v.isEmpty()) {
                return new Outcome(null, "its graph fails the SHACL shapes: "
                        + String.join("; ", v.subList(0, Math.min(3, v.size()))));
            }
            return new Outcome(g, null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(null, "could not be processed: " + e);
        } catch (OutOfMemoryError e) {
            return new Outcome(null, "too large to process in the memory given");
        }
    }
}
