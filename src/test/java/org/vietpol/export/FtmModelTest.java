package org.vietpol.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FollowTheMoney checker, checked itself: the published model read right, each kind of fault caught. */
class FtmModelTest {
    static final FtmModel MODEL = FtmModel.published();
    static final ObjectMapper JSON = new ObjectMapper();

    static final String PERSON = "{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Nguyễn Văn An\"],\"country\":[\"vn\"],\"topics\":[\"role.pep\"]}}";
    static final String ORG = "{\"id\":\"o1\",\"schema\":\"Organization\",\"properties\":{\"name\":[\"Tỉnh ủy Quảng Ninh\"]}}";
    static final String POSITION = "{\"id\":\"s1\",\"schema\":\"Position\",\"properties\":{\"name\":[\"Bí thư Tỉnh ủy Quảng Ninh\"],\"organization\":[\"o1\"]}}";
    static final String OCCUPANCY = "{\"id\":\"t1\",\"schema\":\"Occupancy\",\"properties\":{\"holder\":[\"p1\"],\"post\":[\"s1\"],\"startDate\":[\"2020-10-15\"],\"endDate\":[\"2024\"],\"status\":[\"ended\"],\"sourceUrl\":[\"https://w3id.org/vietpol/id/article/x\"]}}";

    static List<String> problems(String... lines) throws Exception {
        List<JsonNode> entities = new ArrayList<>();
        for (String l : lines) entities.add(JSON.readTree(l));
        return MODEL.problems(entities);
    }

    @Test
    void thePublishedModelKnowsTheSchemataOfOfficialsData() {
        assertEquals(List.of("Occupancy", "Interval"), MODEL.lineage("Occupancy"));
        assertEquals(List.of("Person", "LegalEntity", "Thing"), MODEL.lineage("Person"));
        assertEquals("entity", MODEL.property("Occupancy", "holder").get("type").asText());
        assertEquals("Person", MODEL.property("Occupancy", "holder").get("range").asText());
        assertEquals("date", MODEL.property("Occupancy", "startDate").get("type").asText(), "inherited from Interval");
        assertEquals("name", MODEL.property("Person", "name").get("type").asText(), "inherited from Thing");
    }

    @Test
    void aWellFormedBatchPasses() throws Exception {
        assertEquals(List.of(), problems(PERSON, ORG, POSITION, OCCUPANCY));
    }

    @Test
    void eachFaultIsCaught() throws Exception {
        assertTrue(one(problems(PERSON.replace("\"Person\"", "\"Politician\""))).contains("unknown schema"));
        assertTrue(one(problems(PERSON.replace("\"Person\"", "\"Thing\""))).contains("abstract"));
        assertTrue(one(problems(PERSON.replace("\"country\"", "\"homeland\""))).contains("has no property homeland"));
        assertTrue(one(problems(PERSON.replace("[\"vn\"]", "[\"Vietnam\"]"))).contains("country values"));
        assertTrue(one(problems(PERSON.replace("[\"role.pep\"]", "[\"role.saint\"]"))).contains("topic values"));
        assertTrue(one(problems(PERSON.replace("[\"vn\"]", "\"vn\""))).contains("not a list"));
        assertTrue(one(problems(PERSON.replace("\"name\":[\"Nguyễn Văn An\"],", ""))).contains("required property name"));
        assertTrue(one(problems(PERSON.replace("\"p1\"", "\"\""))).contains("without an id"));
        assertTrue(one(problems(PERSON, PERSON)).contains("used twice"));
        assertTrue(one(problems(PERSON, ORG, POSITION, OCCUPANCY.replace("2020-10-15", "15/10/2020"))).contains("not an ISO 8601 date"));
        assertTrue(one(problems(PERSON, ORG, POSITION, OCCUPANCY.replace("https://w3id.org", "w3id.org"))).contains("not a URL"));
        assertTrue(one(problems(PERSON, ORG, POSITION, OCCUPANCY.replace("[\"p1\"]", "[\"p9\"]"))).contains("refers to no entity"));
        assertTrue(one(problems(PERSON, ORG, POSITION, OCCUPANCY.replace("[\"p1\"]", "[\"o1\"]"))).contains("not a Person"));
        assertTrue(one(problems(PERSON, ORG, POSITION, OCCUPANCY.replace(",\"post\":[\"s1\"]", ""))).contains("required property post"));
        assertTrue(one(problems(PERSON.replace("Nguyễn Văn An", "x".repeat(400)))).contains("longer than 384"));
        assertTrue(one(problems(PERSON.replace("\"properties\"", "\"extra\":1,\"properties\""))).contains("unknown fields"));
    }

    private static String one(List<String> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }
}
