package org.vietpol.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.Rio;
import org.vietpol.article.Article;
import org.vietpol.extract.Extractor;

/**
 * Whatever Vietnamese-looking text comes in, extraction does not throw, every article graph conforms to the
 * SHACL shapes and what is written parses back with another toolkit (RDF4J Rio).
 */
class ExtractionPropertiesTest {
    private static final Extractor EXTRACTOR = Extractor.create().build();
    private static final GraphMapper MAPPER = new GraphMapper(EXTRACTOR.lexicon(), EXTRACTOR.gazetteer());
    private static final ShapesValidator SHAPES = ShapesValidator.defaults();

    /** Words that make the rules fire, mixed with noise. */
    private static final List<String> WORDS = List.of("đồng chí", "ông", "bà", "Bí thư", "Phó Bí thư", "Thường trực",
            "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy", "xã", "phường", "Chủ tịch", "HĐND", "UBND", "tỉnh", "thành phố",
            "TP.", "Ban Thường vụ", "Ban Tổ chức", "Trưởng Ban", "UVTV", "Ủy viên Trung ương Đảng", "Tổng Bí thư",
            "nguyên", "thôi giữ chức", "được bầu giữ chức", "tham gia Ban Chấp hành", "gồm", "khóa XIX", "nhiệm kỳ 2020-2025",
            "hội nghị", "kỳ họp", "Đại hội", "tổ chức", "tại", "chủ trì", "dự", "Nghị quyết số", "Chỉ thị", "của Bộ Chính trị",
            "06-NQ/TU", "98/2023/QH15", "31", "ngày", "Sáng 15/1", "03/02/2023", "Nguyễn Văn An", "Trần Thị Bình",
            "Y Thanh Hà Niê Kđăm", "Hà Nội", "Huế", "Uông Bí", "Quảng Ninh", "Hồ Chí Minh", "Thừa Thiên - Huế", "Hoà",
            "Hòa", ",", ";", ":", "-", "–", "(", ")", ".", "\n", "'", "\"", "<b>", "&amp;", "\u0000", "\t", "  ");

    @Provide
    Arbitrary<String> vietnameseLike() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(WORDS),
                Arbitraries.strings().withCharRange('a', 'z').withChars("ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữự ĐÂÊ").ofMaxLength(12));
        return word.list().ofMaxSize(120).map(ws -> String.join(" ", ws));
    }

    @Provide
    Arbitrary<String> mutatedSeed() throws Exception {
        List<String> seeds = List.of(Files.readString(Path.of("seeds/000_c9986b01fe566dcc.txt")),
                Files.readString(Path.of("seeds/004_17876b7a40d704fd.txt")));
        Arbitrary<String> seed = Arbitraries.of(seeds);
        return Combinators.combine(seed, Arbitraries.integers().between(0, 4000), Arbitraries.integers().between(0, 400),
                Arbitraries.of(WORDS)).as((s, at, cut, insert) -> {
                    int a = Math.min(at, s.length()), b = Math.min(s.length(), a + cut);
                    return s.substring(0, a) + insert + s.substring(b);
                });
    }

    @Property(tries = 150)
    void randomTextNeverBreaksExtractionAndAlwaysGivesAValidGraph(@ForAll("vietnameseLike") String text) throws Exception {
        check(text);
    }

    @Property(tries = 60)
    void mutatedArticlesNeverBreakExtractionAndAlwaysGiveAValidGraph(@ForAll("mutatedSeed") String text) throws Exception {
        check(text);
    }

    private static void check(String raw) throws Exception {
        String text = raw.replace("\u0000", "").strip();
        String title = text.lines().findFirst().orElse("").strip();
        Article a = new Article("p1", "property", null, title.isEmpty() ? "x" : title, null, text, List.of());
        ArticleGraph g = MAPPER.map(EXTRACTOR.extract(a));
        List<String> violations = SHAPES.violations(g);
        assertTrue(violations.isEmpty(), () -> violations + "\nfor text: " + text);
        DatasetGraph dsg = DatasetGraphFactory.create();
        for (Quad q : g.quads()) dsg.add(q);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, dsg, Lang.NQUADS);
        Model m = Rio.parse(new StringReader(out.toString(StandardCharsets.UTF_8)), "", org.eclipse.rdf4j.rio.RDFFormat.NQUADS);
        assertEquals(g.quads().size(), m.size());
    }
}
