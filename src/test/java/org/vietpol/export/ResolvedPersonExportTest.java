package org.vietpol.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vietpol.build.Build;
import org.vietpol.store.GraphStore;
import org.vietpol.text.VietText;

/** The exports show one node per resolved person, with the other spellings as its other names. */
class ResolvedPersonExportTest {
    @TempDir
    Path tmp;

    @Test
    void bothSpellingsOfOneSecretaryAreOnePersonWithAnOtherName() throws Exception {
        Files.writeString(tmp.resolve("a.txt"), "Huyện ủy Hướng Hóa sơ kết quý I\n02/03/2023\n\nNgày 2/3, Bí thư Huyện ủy Hướng Hóa "
                + "Nguyễn Văn Hòa chủ trì hội nghị sơ kết quý I.\n", StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("b.txt"), "Hướng Hóa triển khai nhiệm vụ quý II\n05/04/2023\n\nNgày 5/4, đồng chí Nguyễn Văn Hoà, "
                + "Bí thư Huyện ủy Hướng Hóa, phát biểu chỉ đạo hội nghị.\n", StandardCharsets.UTF_8);
        try (GraphStore gs = GraphStore.inMemory()) {
            Build.create().build().run(List.of(tmp), gs);
            String key = VietText.key("Nguyễn Văn Hòa");
            List<Officials.Person> hoa = OfficialsReader.read(gs.dataset()).persons().stream()
                    .filter(p -> VietText.key(p.name()).equals(key)).toList();
            assertEquals(1, hoa.size(), hoa::toString);
            assertEquals(1, hoa.get(0).otherNames().size(), hoa::toString);
            assertEquals(key, VietText.key(hoa.get(0).otherNames().get(0)));

            // the property graph exports (GraphML, Cytoscape, DOT): one person node, labelled with the name
            PropertyGraph g = PropertyGraphReader.read(gs.dataset(), null, false);
            List<PropertyGraph.Vertex> persons = g.vertices().stream()
                    .filter(v -> v.type().equals(PropertyGraph.PERSON) && VietText.key(v.label()).equals(key)).toList();
            assertEquals(1, persons.size(), persons::toString);
            assertEquals(hoa.get(0).iri(), persons.get(0).iri());
        }
    }
}
