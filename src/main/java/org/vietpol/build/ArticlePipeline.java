package org.vietpol.build;

import java.util.List;
import org.vietpol.article.Article;
import org.vietpol.article.InputProblem;
import org.vietpol.extract.Extractor;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.ContentHash;
import org.vietpol.graph.GraphMapper;
import org.vietpol.graph.ShapesValidator;

/**
 * One article through the pipeline: extract, map to RDF, validate with the SHACL shapes; the outcome is the
 * article's graph or the problem that stopped it. Stateless and thread-safe once built, with nothing of the store
 * or the build around it, so the Spark job's executors run exactly what {@code vietpol build} runs.
 *
 * <pre>
 *   ArticlePipeline pipeline = ArticlePipeline.create(Extractor.create().build(), true);
 *   ArticlePipeline.Result r = pipeline.process(article);
 *   if (r.graph() != null) load(r.graph()); else report(r.problem());
 * </pre>
 */
public final class ArticlePipeline {
    private final Extractor extractor;
    private final GraphMapper mapper;
    private final ShapesValidator validator;

    private ArticlePipeline(Extractor extractor, boolean validate) {
        this.extractor = extractor;
        this.mapper = new GraphMapper(extractor.lexicon(), extractor.gazetteer());
        this.validator = validate ? ShapesValidator.defaults() : null;
    }

    /** A pipeline with these extraction rules; {@code validate} checks each graph with the SHACL shapes. */
    public static ArticlePipeline create(Extractor extractor, boolean validate) {
        return new ArticlePipeline(extractor, validate);
    }

    /** The fingerprint of the rules: graphs built under another fingerprint are built again. */
    public String fingerprint() {
        return extractor.fingerprint();
    }

    /** The outcome for one article: exactly one of {@code graph} and {@code problem} is set. */
    public record Result(Article article, ArticleGraph graph, InputProblem problem) {}

    public Result process(Article a) {
        return process(a, ContentHash.of(a));
    }

    /** As {@link #process(Article)}, for a caller that has hashed the article already (to see if it changed). */
    public Result process(Article a, String contentHash) {
        try {
            ArticleGraph g = mapper.map(extractor.extract(a), contentHash);
            if (validator != null) {
                List<String> v = validator.violations(g);
                if (!v.isEmpty()) {
                    return new Result(a, null, new InputProblem(a.source(), 0, "its graph fails the SHACL shapes: "
                            + String.join("; ", v.subList(0, Math.min(3, v.size())))));
                }
            }
            return new Result(a, g, null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(a, null, new InputProblem(a.source(), 0, "could not be processed: " + e));
        } catch (OutOfMemoryError e) {
            return new Result(a, null, new InputProblem(a.source(), 0, "too large to process in the memory given"));
        }
    }
}
