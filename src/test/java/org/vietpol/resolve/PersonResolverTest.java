package org.vietpol.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.vietpol.article.Article;
import org.vietpol.extract.Extractor;
import org.vietpol.graph.ArticleGraph;
import org.vietpol.graph.GraphMapper;
import org.vietpol.graph.Vocab;

/** Person resolution on article graphs made by the real extractor and mapper from short news texts. */
class PersonResolverTest {
    static final Extractor EXTRACTOR = Extractor.create().build();
    static final GraphMapper MAPPER = new GraphMapper(EXTRACTOR.lexicon(), EXTRACTOR.gazetteer());

    static ArticleGraph graph(String id, String date, String title, String text) {
        Article a = new Article(id, id + ".txt", null, title, LocalDate.parse(date), text, List.of());
        return MAPPER.map(EXTRACTOR.extract(a));
    }

    /** Resolves the articles in order and gives, per article, the resolved IRIs of the persons named {@code name}. */
    static List<Set<String>> resolve(PersonResolver r, String name, ArticleGraph... graphs) {
        List<Set<String>> out = new ArrayList<>();
        for (ArticleGraph g : graphs) {
            PersonResolver.Result res = r.resolve(g);
            ArticleGraph done = Rewriter.rewrite(g, res.iris(), res.names());
            Set<String> iris = new TreeSet<>();
            for (Quad q : done.quads()) {
                if (q.getPredicate().equals(Vocab.NAME) || q.getPredicate().equals(Vocab.ALT_LABEL)) {
                    String n = q.getObject().getLiteralLexicalForm();
                    if (org.vietpol.text.VietText.key(n).equals(org.vietpol.text.VietText.key(name))) iris.add(q.getSubject().getURI());
                }
            }
            out.add(iris);
        }
        return out;
    }

    @Test
    void theTwoToneMarkPlacementsOfOneSecretaryAreOnePerson() {
        ArticleGraph a = graph("a", "2023-03-02", "Huyện ủy Hướng Hóa sơ kết quý I",
                "Ngày 2/3, Bí thư Huyện ủy Hướng Hóa Nguyễn Văn Hòa chủ trì hội nghị sơ kết quý I.");
        ArticleGraph b = graph("b", "2023-04-05", "Hướng Hóa triển khai nhiệm vụ quý II",
                "Ngày 5/4, đồng chí Nguyễn Văn Hoà, Bí thư Huyện ủy Hướng Hóa, phát biểu chỉ đạo hội nghị.");
        List<Set<String>> r = resolve(new PersonResolver(Decisions.NONE, EXTRACTOR.gazetteer()), "Nguyễn Văn Hòa", a, b);
        assertEquals(1, r.get(0).size(), r::toString);
        assertEquals(r.get(0), r.get(1), "one IRI for both spellings");
    }

    @Test
    void namesakesHoldingPostsInTwoProvincesTheSameWeekAreTwo() {
        ArticleGraph a = graph("a", "2024-05-06", "Nghi Lộc tiếp xúc cử tri",
                "Sáng 6/5, Chủ tịch UBND huyện Nghi Lộc Trần Văn Khải tiếp xúc cử tri xã Nghi Thạch, tỉnh Nghệ An.");
        ArticleGraph b = graph("b", "2024-05-09", "Sở Y tế Cà Mau kiểm tra bệnh viện",
                "Ngày 9/5, ông Trần Văn Khải, Phó Giám đốc Sở Y tế tỉnh Cà Mau, dẫn đoàn kiểm tra Bệnh viện Đa khoa tỉnh.");
        List<Set<String>> r = resolve(new PersonResolver(Decisions.NONE, EXTRACTOR.gazetteer()), "Trần Văn Khải", a, b);
        assertEquals(1, r.get(0).size(), r::toString);
        assertEquals(1, r.get(1).size(), r::toString);
        assertNotEquals(r.get(0), r.get(1), "two people");
    }

    @Test
    void aTransferJoinsThePersonBeforeAndAfter() {
        ArticleGraph before = graph("a", "2023-06-10", "Bình Thuận sơ kết 6 tháng",
                "Ngày 10/6, Phó Bí thư Tỉnh ủy Bình Thuận Đặng Xuân Phong phát biểu tại hội nghị sơ kết 6 tháng đầu năm.");
        ArticleGraph move = graph("b", "2024-01-05", "Điều động Phó Bí thư Tỉnh ủy Bình Thuận",
                "Ngày 5/1, Bộ Chính trị điều động ông Đặng Xuân Phong, Phó Bí thư Tỉnh ủy Bình Thuận, giữ chức Bí thư Tỉnh ủy Vĩnh Phúc.");
        ArticleGraph after = graph("c", "2024-09-20", "Vĩnh Phúc tổng kết",
                "Ngày 20/9, Bí thư Tỉnh ủy Vĩnh Phúc Đặng Xuân Phong chủ trì hội nghị Ban Chấp hành Đảng bộ tỉnh.");
        List<Set<String>> r = resolve(new PersonResolver(Decisions.NONE, EXTRACTOR.gazetteer()), "Đặng Xuân Phong", before, move, after);
        assertEquals(1, r.get(0).size(), r::toString);
        assertEquals(r.get(0), r.get(1));
        assertEquals(r.get(1), r.get(2));
    }

    @Test
    void aSameNameWithNoEvidenceEitherWayIsLeftOpenForReview() {
        ArticleGraph a = graph("a", "2021-03-02", "Bắc Ninh họp",
                "Ngày 2/3, Phó Chủ tịch UBND tỉnh Bắc Ninh Ngô Văn Tuấn chủ trì hội nghị.");
        ArticleGraph b = graph("b", "2025-11-02", "Sở Tài chính Đà Nẵng",
                "Ngày 2/11, Giám đốc Sở Tài chính thành phố Đà Nẵng Ngô Văn Tuấn báo cáo trước kỳ họp.");
        PersonResolver resolver = new PersonResolver(Decisions.NONE, EXTRACTOR.gazetteer());
        List<Set<String>> r = resolve(resolver, "Ngô Văn Tuấn", a, b);
        assertNotEquals(r.get(0), r.get(1), "not merged without evidence");
        assertEquals(1, resolver.openPairs().size(), resolver.openPairs()::toString);
    }

    @Test
    void theSameInputGivesTheSameIris() {
        ArticleGraph a = graph("a", "2023-03-02", "Hướng Hóa", "Ngày 2/3, Bí thư Huyện ủy Hướng Hóa Nguyễn Văn Hòa chủ trì hội nghị.");
        List<Set<String>> one = resolve(new PersonResolver(Decisions.NONE, EXTRACTOR.gazetteer()), "Nguyễn Văn Hòa", a);
        List<Set<String>> two = resolve(new PersonResolver(Decisions.NONE, EXTRACTOR.gazetteer()), "Nguyễn Văn Hòa", a);
        assertEquals(one, two);
        PersonResolver r = new PersonResolver(Decisions.NONE, EXTRACTOR.gazetteer());
        assertEquals(resolve(r, "Nguyễn Văn Hòa", a), resolve(r, "Nguyễn Văn Hòa", a), "a rebuild changes nothing");
        assertEquals(1, r.persons().values().iterator().next().names().get("Nguyễn Văn Hòa"));
    }

    @Test
    void membershipAndChangeIrisFollowTheResolvedPerson() {
        ArticleGraph a = graph("a", "2023-03-02", "Hướng Hóa", "Ngày 2/3, Bí thư Huyện ủy Hướng Hóa Nguyễn Văn Hòa chủ trì hội nghị.");
        ArticleGraph b = graph("b", "2023-04-05", "Hướng Hóa", "Ngày 5/4, đồng chí Nguyễn Văn Hoà, Bí thư Huyện ủy Hướng Hóa, phát biểu.");
        PersonResolver r = new PersonResolver(Decisions.NONE, EXTRACTOR.gazetteer());
        r.resolve(a);
        PersonResolver.Result res = r.resolve(b);
        ArticleGraph done = Rewriter.rewrite(b, res.iris(), res.names());
        Node person = res.iris().values().iterator().next();
        String path = person.getURI().substring((Vocab.ID + "person/").length());
        assertTrue(done.quads().stream().anyMatch(q -> q.getPredicate().equals(Vocab.MEMBER) && q.getObject().equals(person)
                && q.getSubject().getURI().contains("/" + path + "/")), "the membership's IRI names the resolved person");
        long names = done.quads().stream().filter(q -> q.getSubject().equals(person) && q.getPredicate().equals(Vocab.NAME)).count();
        assertEquals(1, names, "exactly one foaf:name");
        assertTrue(done.quads().stream().anyMatch(q -> q.getSubject().equals(person) && q.getPredicate().equals(Vocab.ALT_LABEL)
                && q.getObject().getLiteralLexicalForm().equals("Nguyễn Văn Hoà")), "the article's spelling kept as altLabel");
    }
}
