package org.vietpol.spark;

import org.vietpol.build.ArticlePipeline;
import org.vietpol.extract.Extractor;
import org.vietpol.store.GraphStore;

/**
 * The build's per-article pipeline ({@link ArticlePipeline}), one per JVM: the lexicon, gazetteer, grammar and
 * shapes load once per executor, and all of the executor's task threads share it, as the build's extraction
 * threads do.
 */
final class ArticleProcessor {
    private static volatile ArticlePipeline shared;

    private ArticleProcessor() {}

    /** This JVM's pipeline, built on first use. */
    static ArticlePipeline shared() {
        ArticlePipeline p = shared;
        if (p == null) {
            synchronized (ArticleProcessor.class) {
                p = shared;
                if (p == null) shared = p = ArticlePipeline.create(Extractor.create().build(), true);
            }
        }
        return p;
    }

    /** The fingerprint the build stores: the rules' (extractor version, language data) and the store layout. */
    static String fingerprint() {
        return shared().fingerprint() + ";" + GraphStore.LAYOUT;
    }
}
