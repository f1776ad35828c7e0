package org.vietpol.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vietpol.article.Article;
import org.vietpol.article.ArticleSink;
import org.vietpol.article.ArticleSources;
import org.vietpol.article.InputProblem;
import org.vietpol.extract.Extractor;

/** What each seed's graph says beyond the contract's terms: its place, the places documents are cited from, posts stated together. */
class GraphMapperTest {
    private static final List<ArticleGraph> graphs = new ArrayList<>();

    @BeforeAll
    static void mapSeeds() {
        Extractor x = Extractor.create().build();
        GraphMapper mapper = new GraphMapper(x.lexicon(), x.gazetteer());
        ArticleSources.read(List.of(Path.of("seeds")), new ArticleSink() {
            @Override
            public void article(Article a) {
                graphs.add(mapper.map(x.extract(a)));
            }

            @Override
            public void problem(InputProblem p) {
                throw new AssertionError(p.toString());
            }
        });
    }

    private static ArticleGraph seed(String id) {
        return graphs.stream().filter(g -> g.articleId().equals(id)).findFirst().orElseThrow();
    }

    private static Set<String> objects(ArticleGraph g, String subject, Node predicate) {
        return g.quads().stream().filter(q -> q.getSubject().getURI().equals(subject) && q.getPredicate().equals(predicate))
                .map(q -> q.getObject().toString()).collect(Collectors.toSet());
    }

    @Test
    void anArticleIsAboutItsMostSpecificPlace() {
        assertEquals(Set.of(Vocab.ID + "unit/hue"), objects(seed("000_c9986b01fe566dcc"), Iris.article("000_c9986b01fe566dcc"), Vocab.ABOUT));
        // names the Quảng Ninh Provincial Party Committee, but is about Uông Bí
        ArticleGraph uongBi = seed("003_b540bd3bb0ae3ee5");
        assertEquals(1, objects(uongBi, Iris.article("003_b540bd3bb0ae3ee5"), Vocab.ABOUT).size());
        assertTrue(objects(uongBi, Iris.article("003_b540bd3bb0ae3ee5"), Vocab.ABOUT).iterator().next().endsWith("uong-bi"));
    }

    @Test
    void documentsAreCitedFromThePlaceOfTheArticleAndNeverFromTheCountry() {
        ArticleGraph uongBi = seed("003_b540bd3bb0ae3ee5");
        Set<String> about = objects(uongBi, Iris.article("003_b540bd3bb0ae3ee5"), Vocab.ABOUT);
        List<Quad> cited = uongBi.quads().stream().filter(q -> q.getPredicate().equals(Vocab.CITED_FROM)).toList();
        assertTrue(!cited.isEmpty());
        for (Quad q : cited) assertEquals(about, Set.of(q.getObject().toString()));
        for (ArticleGraph g : graphs) {
            g.quads().stream().filter(q -> q.getPredicate().equals(Vocab.CITED_FROM))
                    .forEach(q -> assertTrue(!q.getObject().getURI().endsWith("unit/viet-nam"), g.articleId()));
        }
    }

    @Test
    void postsOfOnePersonStatedTogetherAreLinkedBothWays() {
        ArticleGraph hue = seed("000_c9986b01fe566dcc");
        String secretary = Vocab.ID + "membership/phan-thien-dinh-2f9c/secretary/hue/party-committee";
        Set<String> with = objects(hue, secretary, Vocab.STATED_WITH);
        assertTrue(with.size() >= 1, with.toString());
        for (String other : with) {
            assertTrue(other.contains("/phan-thien-dinh-2f9c/"), "only his own posts: " + other);
            assertTrue(objects(hue, other, Vocab.STATED_WITH).contains(secretary));
        }
        // Trần Hùng Nam holds one post in this article: nothing to link
        assertTrue(hue.quads().stream().noneMatch(q -> q.getPredicate().equals(Vocab.STATED_WITH)
                && q.getSubject().getURI().contains("/tran-hung-nam")));
    }
}
