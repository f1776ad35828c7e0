package org.vietpol.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonMatcherTest {
    static final String ID = "https://w3id.org/vietpol/id/";
    final PersonMatcher matcher = new PersonMatcher(LinkTables.load().positions());

    static PersonMatcher.Held secretaryOfHanoi() {
        return new PersonMatcher.Held("Secretary", "Bí thư", ID + "org/ha-noi/party-committee", "PartyCommittee", "Thành ủy Hà Nội",
                "Cấp ủy Đảng", "Hà Nội", Set.of("Q1858"));
    }

    static PersonMatcher.Person dung(PersonMatcher.Held... held) {
        return new PersonMatcher.Person(ID + "person/dinh-tien-dung", "Đinh Tiến Dũng", List.of(held));
    }

    static Candidate candidate(String qid, String label, boolean party, Candidate.Position... positions) {
        return new Candidate(qid, label, party ? Set.of(ExternalIds.PARTY) : Set.of(), List.of(positions));
    }

    @Test
    void thresholdsAreTheDocumentedOnes() {
        assertEquals(80, PersonMatcher.SAME_AS);
        assertEquals(50, PersonMatcher.CLOSE_MATCH);
        assertEquals(100, PersonMatcher.NAME + PersonMatcher.PARTY + PersonMatcher.POSITION + PersonMatcher.JURISDICTION);
        assertTrue(PersonMatcher.NAME + PersonMatcher.POSITION + PersonMatcher.JURISDICTION < PersonMatcher.SAME_AS,
                "no owl:sameAs without the Party");
    }

    @Test
    void nameComparisonIgnoresCaseAndToneMarkPlacement() {
        PersonMatcher.Person hoa = new PersonMatcher.Person(ID + "person/x", "Nguyễn Văn Hòa", List.of());
        assertEquals(PersonMatcher.NAME, matcher.score(hoa, candidate("Q1", "nguyễn văn hoà", false)).points());
        assertEquals(PersonMatcher.ALIAS, matcher.score(hoa, candidate("Q1", "Nguyễn Hòa", false)).points());
        assertEquals(PersonMatcher.ALIAS, matcher.score(hoa, candidate("Q1", null, false)).points());
    }

    @Test
    void aPositionNamedByRoleAndBodyMatchesTheMembership() {
        Candidate c = candidate("Q2", "Đinh Tiến Dũng", true, new Candidate.Position("Q9", "Bí thư Thành uỷ Hà Nội", Set.of()));
        PersonMatcher.Score s = matcher.score(dung(secretaryOfHanoi()), c);
        assertEquals(85, s.points(), s.reasons().toString());
        assertEquals(0, new BigDecimal("0.85").compareTo(s.value()));
    }

    @Test
    void aDeputyPositionDoesNotMatchTheSecretary() {
        PersonMatcher.Held h = secretaryOfHanoi();
        assertFalse(matcher.holds(h, new Candidate.Position("Q9", "Phó Bí thư Thành ủy Hà Nội", Set.of())));
        assertFalse(matcher.holds(h, new Candidate.Position("Q9", "Bí thư Tỉnh ủy Quảng Ninh", Set.of())));
        assertFalse(matcher.holds(h, new Candidate.Position("Q9", null, Set.of())));
    }

    @Test
    void aPositionNamedByKindAndPlaceMatches() {
        PersonMatcher.Held chair = new PersonMatcher.Held("Chairman", "Chủ tịch", ID + "org/ho-chi-minh/peoples-committee",
                "PeoplesCommittee", "UBND thành phố Hồ Chí Minh", "Ủy ban nhân dân", "Hồ Chí Minh", Set.of("Q1854"));
        assertTrue(matcher.holds(chair, new Candidate.Position("Q9", "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh", Set.of())));
        assertFalse(matcher.holds(chair, new Candidate.Position("Q9", "Chủ tịch Hội đồng nhân dân Thành phố Hồ Chí Minh", Set.of())));
        assertFalse(matcher.holds(chair, new Candidate.Position("Q9", "Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai", Set.of())));
    }

    @Test
    void theCentralTableMapsPositionItemsToMemberships() {
        PersonMatcher.Held deputy = new PersonMatcher.Held("Head", "Người đứng đầu", ID + "org/ha-noi/national-assembly-delegation",
                "NationalAssemblyDelegation", "Đoàn ĐBQH thành phố Hà Nội", "Đoàn đại biểu Quốc hội", "Hà Nội", Set.of("Q1858"));
        assertTrue(matcher.holds(deputy, new Candidate.Position("Q17593571", "member of the National Assembly", Set.of())));
        PersonMatcher.Held chairNa = new PersonMatcher.Held("Chairman", "Chủ tịch", ID + "org/viet-nam/national-assembly",
                "NationalAssembly", "Quốc hội", "Quốc hội", "Việt Nam", Set.of());
        assertTrue(matcher.holds(chairNa, new Candidate.Position("Q428110", null, Set.of())));
        assertFalse(matcher.holds(chairNa, new Candidate.Position("Q1043568", null, Set.of())), "not the Prime Minister");
    }

    @Test
    void aPlaceOfThePersonsOfficeCountsAsJurisdiction() {
        Candidate c = candidate("Q2", "Đinh Tiến Dũng", true, new Candidate.Position("Q17593571", null, Set.of("Q1858")));
        PersonMatcher.Score s = matcher.score(dung(secretaryOfHanoi()), c);
        assertEquals(PersonMatcher.NAME + PersonMatcher.PARTY + PersonMatcher.JURISDICTION, s.points());
        assertEquals(List.of(new PersonMatcher.Decision(c, Link.Relation.CLOSE_MATCH, s)), matcher.decide(dung(secretaryOfHanoi()), List.of(c)));
    }

    @Test
    void aClearBestCandidateGetsSameAsAndNothingElse() {
        Candidate sure = candidate("Q2", "Đinh Tiến Dũng", true, new Candidate.Position("Q9", "Bí thư Thành ủy Hà Nội", Set.of("Q1858")));
        Candidate other = candidate("Q3", "Đinh Tiến Dũng", true);
        List<PersonMatcher.Decision> d = matcher.decide(dung(secretaryOfHanoi()), List.of(other, sure));
        assertEquals(1, d.size());
        assertEquals("Q2", d.get(0).candidate().qid());
        assertEquals(Link.Relation.SAME_AS, d.get(0).relation());
    }

    @Test
    void twoConfidentCandidatesAreBothOnlyCloseMatches() {
        Candidate a = candidate("Q2", "Đinh Tiến Dũng", true, new Candidate.Position("Q9", "Bí thư Thành ủy Hà Nội", Set.of()));
        Candidate b = candidate("Q3", "Đinh Tiến Dũng", true, new Candidate.Position("Q9", "Bí thư Thành ủy Hà Nội", Set.of()));
        List<PersonMatcher.Decision> d = matcher.decide(dung(secretaryOfHanoi()), List.of(b, a));
        assertEquals(List.of("Q2", "Q3"), d.stream().map(x -> x.candidate().qid()).toList());
        assertTrue(d.stream().allMatch(x -> x.relation() == Link.Relation.CLOSE_MATCH));
    }

    @Test
    void aNameAloneGivesNoLink() {
        assertTrue(matcher.decide(dung(secretaryOfHanoi()), List.of(candidate("Q2", "Đinh Tiến Dũng", false))).isEmpty());
        assertTrue(matcher.decide(dung(secretaryOfHanoi()), List.of()).isEmpty());
    }
}
