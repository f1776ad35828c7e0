package org.vietpol.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vietpol.article.Article;

/** Each extraction rule on small Vietnamese cases of its own. */
class ExtractorTest {
    private static final Extractor EXTRACTOR = Extractor.create().build();

    private static Extraction extract(String text) {
        return EXTRACTOR.extract(new Article("t", "test", null, text.lines().findFirst().orElse(""), null, text, List.of()));
    }

    private static Set<String> officials(Extraction x) {
        return x.positions().stream()
                .map(p -> p.person() + " | " + p.role() + " | " + p.org().kind() + " | " + p.org().unit().name())
                .collect(Collectors.toSet());
    }

    @Test
    void titleBeforeNameWithExplicitPlace() {
        Extraction x = extract("Bí thư Thành ủy Hà Nội Đinh Tiến Dũng phát biểu tại hội nghị.");
        assertEquals(Set.of("Đinh Tiến Dũng | Secretary | PartyCommittee | Hà Nội"), officials(x));
    }

    @Test
    void nameDashTitleChainResolvesBareBodiesAgainstTheArticlePlace() {
        Extraction x = extract("Tin TP Uông Bí\nTham dự có đồng chí Nghiêm Xuân Cường - UVTV Tỉnh ủy, Bí thư Thành ủy, "
                + "Chủ tịch HĐND Thành phố; đồng chí Lê Văn An - Phó Trưởng Ban Thường trực Ban Tổ chức Tỉnh ủy.");
        assertEquals("uong-bi", x.locality().id());
        assertEquals(Set.of(
                "Nghiêm Xuân Cường | Member | StandingCommittee | Quảng Ninh",
                "Nghiêm Xuân Cường | Secretary | PartyCommittee | Uông Bí",
                "Nghiêm Xuân Cường | Chairman | PeoplesCouncil | Uông Bí",
                "Lê Văn An | StandingDeputyHead | OrganizationBoard | Quảng Ninh"), officials(x));
    }

    @Test
    void nameCommaTitleCommaVerb() {
        Extraction x = extract("Đồng chí Hoàng Quốc Trung, Trưởng Ban Tuyên giáo Thành ủy Uông Bí, cho biết như vậy.");
        assertEquals(Set.of("Hoàng Quốc Trung | Head | PropagandaBoard | Uông Bí"), officials(x));
    }

    @Test
    void centralTitlesNeedNoPlace() {
        Extraction x = extract("Tác phẩm của đồng chí Tổng Bí thư Nguyễn Phú Trọng. Phan Văn Mãi - Ủy viên Trung ương Đảng, "
                + "Chủ tịch UBND TP. Hồ Chí Minh dự.");
        assertEquals(Set.of("Nguyễn Phú Trọng | GeneralSecretary | CentralCommittee | Việt Nam",
                "Phan Văn Mãi | Member | CentralCommittee | Việt Nam",
                "Phan Văn Mãi | Chairman | PeoplesCommittee | Hồ Chí Minh"), officials(x));
    }

    @Test
    void presidentHoChiMinhIsNotAnOfficial() {
        Extraction x = extract("Học tập tư tưởng, đạo đức của Chủ tịch Hồ Chí Minh tại TP. Hồ Chí Minh.");
        assertTrue(x.positions().isEmpty(), x.positions().toString());
    }

    @Test
    void aTitleWithoutANameGivesNoPerson() {
        Extraction x = extract("Tại TP. Huế, đồng chí Bí thư Thành ủy nhấn mạnh nhiệm vụ năm 2023.");
        assertTrue(x.positions().isEmpty());
    }

    @Test
    void lowerCaseAndTonePlacementVariantsOfPlacesAreRecognised() {
        Extraction x = extract("Bí thư Thành ủy TP. Hồ chí Minh Nguyễn Văn Nên chủ trì hội nghị. Bí thư Tỉnh uỷ Khánh Hoà Nguyễn Hải Ninh dự.");
        assertEquals(Set.of("Nguyễn Văn Nên | Secretary | PartyCommittee | Hồ Chí Minh",
                "Nguyễn Hải Ninh | Secretary | PartyCommittee | Khánh Hòa"), officials(x));
    }

    @Test
    void datesInSeveralShapes() {
        List<DateFinder.Found> d = DateFinder.find("Ngày 03/02/2023, sáng 4-4-2022 và ngày 15 tháng 5 năm 2016; 12/12 chỉ tiêu.",
                0, 60);
        assertEquals(List.of(LocalDate.of(2023, 2, 3), LocalDate.of(2022, 4, 4), LocalDate.of(2016, 5, 15)),
                d.stream().map(DateFinder.Found::date).toList());
    }

    @Test
    void documentsWithTypeNumberDateAndIssuer() {
        Extraction x = extract("Thành phố thực hiện Nghị quyết số 11-NQ/TW ngày 06/01/2012 của Bộ Chính trị khóa XI và "
                + "Chỉ thị 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị; Kế hoạch 123/KH-UBND của UBND tỉnh Quảng Ninh.");
        DocumentFact nq = x.documents().get(0);
        assertEquals("Resolution", nq.type());
        assertEquals("11-NQ/TW", nq.number());
        assertEquals(LocalDate.of(2012, 1, 6), nq.issued());
        assertEquals("Politburo", nq.issuer().kind());
        assertTrue(nq.central());
        DocumentFact ct = x.documents().get(1);
        assertEquals("Directive", ct.type());
        assertEquals(LocalDate.of(2016, 5, 15), ct.issued());
        DocumentFact kh = x.documents().get(2);
        assertEquals("Plan", kh.type());
        assertEquals("Quảng Ninh", kh.issuer().unit().name());
        assertTrue(!kh.central());
    }

    @Test
    void bareNumbersCompleteFromTheIssuerOrAnEarlierFullNumberOrStayAsWritten() {
        Extraction x = extract("Thực hiện Nghị quyết 31 của Bộ Chính trị và Nghị quyết 98/2023/QH15 của Quốc hội. "
                + "Triển khai Nghị quyết 98 của Quốc hội. Thực hiện Nghị quyết 45.");
        assertEquals(List.of("31-NQ/TW", "98/2023/QH15", "45"), x.documents().stream().map(DocumentFact::number).toList());
    }

    @Test
    void meetingWithOrganizerDateAndAttendees() {
        Extraction x = extract("Tin TP. Huế\nNgày 03/02/2023, Ban Thường vụ Thành ủy tổ chức hội nghị tổng kết. "
                + "Tham dự có đồng chí Dương Quang Bằng - Phó Trưởng Ban Thường trực Ban Tổ chức Tỉnh ủy.");
        assertEquals(1, x.meetings().size());
        MeetingFact m = x.meetings().get(0);
        assertEquals("StandingCommittee", m.organizer().kind());
        assertEquals("Huế", m.organizer().unit().name());
        assertEquals(LocalDate.of(2023, 2, 3), m.date());
        assertEquals(List.of("Dương Quang Bằng"), m.attendees());
    }

    @Test
    void aCongressCitedInPassingIsNotAMeeting() {
        Extraction x = extract("TP Uông Bí hoàn thành Nghị quyết Đại hội đại biểu Đảng bộ thành phố lần thứ XX, "
                + "các mục tiêu mà Đại hội đại biểu TP Uông Bí lần thứ XX xác định.");
        assertTrue(x.meetings().isEmpty(), x.meetings().toString());
    }

    @Test
    void numberedPlenumNamesItsOrganizer() {
        Extraction x = extract("Phát biểu tại Hội nghị lần thứ 11 Ban Chấp hành Đảng bộ TP. Hà Nội, hội nghị đầu tiên của năm.");
        assertEquals(1, x.meetings().size());
        assertEquals("PartyCommittee", x.meetings().get(0).organizer().kind());
        assertEquals("Hà Nội", x.meetings().get(0).organizer().unit().name());
        assertNull(x.meetings().get(0).date());
    }

    @Test
    void chairOfAMeetingAndItsBodyAsOrganizer() {
        Extraction x = extract("Bí thư Thành ủy TP. Hồ Chí Minh Nguyễn Văn Nên chủ trì hội nghị.");
        MeetingFact m = x.meetings().get(0);
        assertEquals(List.of("Nguyễn Văn Nên"), m.chairs());
        assertEquals("Hồ Chí Minh", m.organizer().unit().name());
    }

    @Test
    void localityPrefersTheDistrictTheArticleIsAbout() {
        Extraction x = extract("Đảng bộ TP. Huế đoàn kết. Thừa Thiên Huế trở thành thành phố. Thành ủy Huế chỉ đạo. TP. Huế phát triển.");
        assertNotNull(x.locality());
        assertEquals("hue", x.locality().id());
        assertEquals("thua-thien-hue", x.locality().parent());
    }

    @Test
    void offsetsPointAtTheSentenceInTheText() {
        String text = "Mở đầu.\nTheo Bí thư Thành ủy Huế Phan Thiên Định, công tác tốt.";
        Extraction x = extract(text);
        Mention m = x.positions().get(0).mention();
        assertEquals("Theo Bí thư Thành ủy Huế Phan Thiên Định, công tác tốt.", text.substring(m.sentenceStart(), m.sentenceEnd()));
        assertEquals("Bí thư Thành ủy Huế Phan Thiên Định", text.substring(m.start(), m.end()));
    }

    private static Extraction extract(String text, LocalDate published) {
        return EXTRACTOR.extract(new Article("t", "test", null, text.lines().findFirst().orElse(""), published, text, List.of()));
    }

    @Test
    void formerPostsAreNotCurrentPositions() {
        Extraction x = extract("Tin tỉnh Quảng Ninh\nDự có đồng chí Nguyễn Văn Đọc, nguyên Bí thư Tỉnh ủy; đồng chí "
                + "Nguyễn Xuân Ký - Bí thư Tỉnh ủy.");
        assertEquals(Set.of("Nguyễn Xuân Ký | Secretary | PartyCommittee | Quảng Ninh"), officials(x));
    }

    @Test
    void aPostBeingLeftIsNotHeldButANewOneIs() {
        Extraction x = extract("Tin tỉnh Quảng Ninh\nHĐND tỉnh miễn nhiệm chức vụ Chủ tịch UBND tỉnh Nguyễn Tường Văn. "
                + "Đồng chí Cao Tường Huy được bầu giữ chức Chủ tịch UBND tỉnh Quảng Ninh.");
        assertEquals(Set.of("Cao Tường Huy | Chairman | PeoplesCommittee | Quảng Ninh"), officials(x));
    }

    @Test
    void aShortReferenceResolvesToThePersonNamedEarlier() {
        Extraction x = extract("Tin tỉnh Quảng Ninh\nĐồng chí Nguyễn Xuân Ký dự hội nghị. Ông Ký, Bí thư Tỉnh ủy, phát biểu.");
        assertEquals(Set.of("Nguyễn Xuân Ký | Secretary | PartyCommittee | Quảng Ninh"), officials(x));
        assertTrue(x.positions().get(0).mention().rule().endsWith("+coreference"));
    }

    @Test
    void ethnicMinorityNames() {
        Extraction x = extract("Tin tỉnh Đắk Lắk\nĐồng chí Y Thanh Hà Niê Kđăm, Ủy viên Trung ương Đảng; bà H'Yim Kđoh, "
                + "Phó Chủ tịch UBND tỉnh; đồng chí Ksor Phước Hà - Bí thư Tỉnh ủy Gia Lai dự.");
        assertEquals(Set.of("Y Thanh Hà Niê Kđăm | Member | CentralCommittee | Việt Nam",
                "H'Yim Kđoh | ViceChairman | PeoplesCommittee | Đắk Lắk",
                "Ksor Phước Hà | Secretary | PartyCommittee | Gia Lai"), officials(x));
    }

    @Test
    void abbreviatedStandingCommitteeMembership() {
        Extraction x = extract("Tin tỉnh Nghệ An\nĐồng chí Thái Thanh Quý, UVBTVTU, Trưởng Ban Tổ chức Tỉnh ủy dự.");
        assertEquals(Set.of("Thái Thanh Quý | Member | StandingCommittee | Nghệ An",
                "Thái Thanh Quý | Head | OrganizationBoard | Nghệ An"), officials(x));
    }

    @Test
    void aDayAndMonthTakeTheYearOfPublication() {
        Extraction x = extract("Tin tỉnh Nghệ An\nChiều 15/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.", LocalDate.of(2024, 1, 16));
        assertEquals(LocalDate.of(2024, 1, 15), x.meetings().get(0).date());
        Extraction unknownYear = extract("Tin tỉnh Nghệ An\nChiều 15/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.");
        assertNull(unknownYear.meetings().get(0).date());
    }

    @Test
    void aCommuneBodyResolvesInsideTheArticlesProvince() {
        Extraction x = extract("Tin TP Uông Bí\nĐồng chí Lê Văn Tâm, Bí thư Đảng ủy phường Quang Trung, phát biểu. "
                + "Đồng chí Trần Văn Hải, Bí thư Đảng ủy xã Không Có Thật, dự.");
        assertEquals(1, x.positions().size(), x.positions().toString());
        Position p = x.positions().get(0);
        assertEquals("uong-bi/quang-trung", p.org().unit().id());
        assertEquals("ward", p.org().unit().level());
    }
}
