package org.vietpol.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vietpol.article.Article;
import org.vietpol.extract.Extractor;

/**
 * Terms of office ("khóa XIX", "nhiệm kỳ 2021-2026") stated with posts become vp:TermOfOffice resources, one per
 * body and term whatever the article, with their number and years; the memberships and changes stating them point
 * to them with vp:duringTerm.
 */
public class TermsOfOfficeTest {
    public static final String ELECTION = """
            Hà Tĩnh bầu Bí thư Tỉnh ủy khóa XIX
            Ngày 15/10/2020, Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh khóa XIX đã bầu ông Hoàng Trung Dũng giữ chức Bí thư Tỉnh ủy.
            Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh lần thứ 15 đã bầu bổ sung ông Trần Thế Dũng giữ chức Phó Bí thư Tỉnh ủy.
            Ông Võ Trọng Hải được bầu giữ chức Chủ tịch UBND tỉnh Hà Tĩnh nhiệm kỳ 2021-2026.
            Bà Trần Thị Hoa, Phó Chủ tịch HĐND tỉnh Hà Tĩnh khóa XVIII, nhiệm kỳ 2021-2026, dự hội nghị.
            """;
    public static final String VISIT = """
            Bí thư Tỉnh ủy Hà Tĩnh làm việc tại Can Lộc
            Ngày 3/3/2022, ông Hoàng Trung Dũng, Bí thư Tỉnh ủy Hà Tĩnh khóa XIX, và ông Võ Trọng Hải, Chủ tịch UBND tỉnh Hà Tĩnh nhiệm kỳ 2021 – 2026, làm việc với huyện Can Lộc.
            """;

    private static final String TERM = Vocab.ID + "term/";
    private static final String PARTY_XIX = TERM + "ha-tinh/party-committee/khoa-19";
    private static final String COMMITTEE_2021 = TERM + "ha-tinh/peoples-committee/2021-2026";
    private static final String COUNCIL_XVIII = TERM + "ha-tinh/peoples-council/khoa-18";

    static ArticleGraph election, visit;

    @BeforeAll
    static void map() {
        Extractor x = Extractor.create().build();
        GraphMapper mapper = new GraphMapper(x.lexicon(), x.gazetteer());
        election = mapper.map(x.extract(article("terms-2020-ha-tinh", LocalDate.of(2020, 10, 15), ELECTION)));
        visit = mapper.map(x.extract(article("terms-2022-ha-tinh", LocalDate.of(2022, 3, 3), VISIT)));
    }

    static Article article(String id, LocalDate published, String text) {
        return new Article(id, "test", null, text.lines().findFirst().orElseThrow(), published, text, List.of());
    }

    private static Set<String> objects(ArticleGraph g, String subject, Node predicate) {
        return g.quads().stream().filter(q -> q.getSubject().isURI() && q.getSubject().getURI().equals(subject)
                && q.getPredicate().equals(predicate)).map(q -> str(q.getObject())).collect(Collectors.toSet());
    }

    /** An IRI as itself, a literal as "lexical"@lang or "lexical"^^datatype. */
    private static String str(Node n) {
        if (n.isURI()) return n.getURI();
        String lang = n.getLiteralLanguage();
        return "\"" + n.getLiteralLexicalForm() + "\"" + (lang.isEmpty() ? "^^" + n.getLiteralDatatypeURI() : "@" + lang);
    }

    private static Set<String> subjects(ArticleGraph g, Node predicate, String object) {
        return g.quads().stream().filter(q -> q.getPredicate().equals(predicate) && q.getObject().isURI()
                && q.getObject().getURI().equals(object)).map(q -> q.getSubject().getURI()).collect(Collectors.toSet());
    }

    private static String person(String name) {
        return Iris.person(name).substring((Vocab.ID + "person/").length());
    }

    private static String lit(String lexical, XSDDatatype type) {
        return str(NodeFactory.createLiteralDT(lexical, type));
    }

    @Test
    void aNumberedTermIsAResourceOfItsBodyWithItsNumber() {
        assertEquals(Set.of(Vocab.TERM_OF_OFFICE.getURI(), Vocab.PROPER_INTERVAL.getURI()), objects(election, PARTY_XIX, Vocab.TYPE));
        assertEquals(Set.of(Vocab.ID + "org/ha-tinh/party-committee"), objects(election, PARTY_XIX, Vocab.TERM_OF));
        assertEquals(Set.of(lit("19", XSDDatatype.XSDinteger)), objects(election, PARTY_XIX, Vocab.TERM_NUMBER));
        assertEquals(Set.of(), objects(election, PARTY_XIX, Vocab.START_YEAR));
        assertTrue(objects(election, PARTY_XIX, Vocab.PREF_LABEL).contains("\"Tỉnh ủy Hà Tĩnh khóa XIX\"@vi"),
                objects(election, PARTY_XIX, Vocab.PREF_LABEL).toString());
    }

    @Test
    void aTermOfYearsKeepsBothYears() {
        assertEquals(Set.of(Vocab.ID + "org/ha-tinh/peoples-committee"), objects(election, COMMITTEE_2021, Vocab.TERM_OF));
        assertEquals(Set.of(lit("2021", XSDDatatype.XSDgYear)), objects(election, COMMITTEE_2021, Vocab.START_YEAR));
        assertEquals(Set.of(lit("2026", XSDDatatype.XSDgYear)), objects(election, COMMITTEE_2021, Vocab.END_YEAR));
        assertEquals(Set.of(), objects(election, COMMITTEE_2021, Vocab.TERM_NUMBER));
        // "khóa XVIII, nhiệm kỳ 2021-2026": one term, its number and its years
        assertEquals(Set.of(lit("18", XSDDatatype.XSDinteger)), objects(election, COUNCIL_XVIII, Vocab.TERM_NUMBER));
        assertEquals(Set.of(lit("2021", XSDDatatype.XSDgYear)), objects(election, COUNCIL_XVIII, Vocab.START_YEAR));
        assertEquals(Set.of(lit("2026", XSDDatatype.XSDgYear)), objects(election, COUNCIL_XVIII, Vocab.END_YEAR));
    }

    @Test
    void theMembershipAndTheChangeStatingAPostAreDuringItsTerm() {
        // the title's own term ("Chủ tịch UBND tỉnh ... nhiệm kỳ 2021-2026")
        String hai = person("Võ Trọng Hải");
        assertEquals(Set.of(Vocab.ID + "membership/" + hai + "/chairman/ha-tinh/peoples-committee",
                        Vocab.ID + "change/" + hai + "/start/chairman/ha-tinh/peoples-committee/2020-10-15"),
                subjects(election, Vocab.DURING_TERM, COMMITTEE_2021));
        // the term the sentence gives the body that elects ("Ban Chấp hành Đảng bộ tỉnh ... khóa XIX đã bầu ông A
        // giữ chức Bí thư Tỉnh ủy")
        String dung = person("Hoàng Trung Dũng");
        assertEquals(Set.of(Vocab.ID + "membership/" + dung + "/secretary/ha-tinh/party-committee",
                        Vocab.ID + "change/" + dung + "/start/secretary/ha-tinh/party-committee/2020-10-15"),
                subjects(election, Vocab.DURING_TERM, PARTY_XIX));
        assertEquals(Set.of(Vocab.ID + "membership/" + person("Trần Thị Hoa") + "/vice-chairman/ha-tinh/peoples-council"),
                subjects(election, Vocab.DURING_TERM, COUNCIL_XVIII));
    }

    @Test
    void theNumberOfAMeetingIsNoTerm() {
        // "Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh lần thứ 15": the fifteenth plenum
        String thu = person("Trần Thế Dũng");
        List<Quad> his = election.quads().stream().filter(q -> q.getSubject().isURI()
                && q.getSubject().getURI().contains("/" + thu + "/")).toList();
        assertFalse(his.isEmpty(), "Trần Thế Dũng's post is read");
        assertTrue(his.stream().noneMatch(q -> q.getPredicate().equals(Vocab.DURING_TERM)), his.toString());
        assertTrue(election.quads().stream().noneMatch(q -> q.getSubject().isURI() && q.getSubject().getURI().endsWith("/khoa-15")));
    }

    @Test
    void theSameTermOfTheSameBodyFromTwoArticlesIsOneResource() {
        Set<String> inElection = terms(election), inVisit = terms(visit);
        assertEquals(Set.of(PARTY_XIX, COMMITTEE_2021), inVisit);
        assertTrue(inElection.containsAll(inVisit), inElection.toString());
        for (String t : inVisit) {
            for (Node p : List.of(Vocab.TYPE, Vocab.TERM_OF, Vocab.TERM_NUMBER, Vocab.START_YEAR, Vocab.END_YEAR, Vocab.PREF_LABEL)) {
                assertEquals(objects(election, t, p), objects(visit, t, p), t + " " + p);
            }
        }
        String dung = person("Hoàng Trung Dũng");
        assertEquals(Set.of(Vocab.ID + "membership/" + dung + "/secretary/ha-tinh/party-committee"),
                subjects(visit, Vocab.DURING_TERM, PARTY_XIX));
    }

    private static Set<String> terms(ArticleGraph g) {
        return g.quads().stream().filter(q -> q.getPredicate().equals(Vocab.TYPE) && q.getObject().equals(Vocab.TERM_OF_OFFICE))
                .map(q -> q.getSubject().getURI()).collect(Collectors.toSet());
    }

    @Test
    void termsConformToTheShapesAndABrokenOneDoesNot() {
        ShapesValidator shapes = ShapesValidator.defaults();
        assertEquals(List.of(), shapes.violations(election));
        assertEquals(List.of(), shapes.violations(visit));
        // a term without its body, and one whose years run backwards
        ArticleGraph noBody = new ArticleGraph(election.articleId(), election.source(), election.graph(),
                election.quads().stream().filter(q -> !q.getPredicate().equals(Vocab.TERM_OF)).toList());
        assertTrue(shapes.violations(noBody).stream().anyMatch(v -> v.contains("vp:termOf")), shapes.violations(noBody).toString());
        List<Quad> backwards = new java.util.ArrayList<>(election.quads().stream()
                .filter(q -> !q.getPredicate().equals(Vocab.END_YEAR)).toList());
        backwards.add(Quad.create(election.graph(), NodeFactory.createURI(COMMITTEE_2021), Vocab.END_YEAR,
                NodeFactory.createLiteralDT("2016", XSDDatatype.XSDgYear)));
        ArticleGraph wrong = new ArticleGraph(election.articleId(), election.source(), election.graph(), backwards);
        assertTrue(shapes.violations(wrong).stream().anyMatch(v -> v.contains("vp:endYear")), shapes.violations(wrong).toString());
        // vp:duringTerm only to a term
        List<Quad> stray = new java.util.ArrayList<>(election.quads());
        stray.add(Quad.create(election.graph(), NodeFactory.createURI(Vocab.ID + "membership/" + person("Hoàng Trung Dũng")
                + "/secretary/ha-tinh/party-committee"), Vocab.DURING_TERM, NodeFactory.createURI(Vocab.ID + "org/ha-tinh/party-committee")));
        ArticleGraph strayGraph = new ArticleGraph(election.articleId(), election.source(), election.graph(), stray);
        assertFalse(shapes.violations(strayGraph).isEmpty());
    }
}
