package org.vietpol.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.load.configuration.LoadingConfiguration;
import com.github.fge.jsonschema.core.load.configuration.LoadingConfigurationBuilder;
import com.github.fge.jsonschema.core.report.ProcessingMessage;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The published Popolo JSON Schemas (draft 03, test resources under {@code org/vietpol/export/popolo}, with their
 * licence), checked by a JSON Schema validator. The schemas refer to one another by their {@code id} URLs; all are
 * loaded beforehand, so nothing is fetched.
 */
final class PopoloSchemas {
    static final String BASE = "http://www.popoloproject.com/schemas/";
    static final List<String> FILES = List.of("person", "organization", "membership", "post", "area", "other_name",
            "identifier", "link", "contact_detail");
    static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemaFactory factory;

    PopoloSchemas() {
        LoadingConfigurationBuilder loading = LoadingConfiguration.newBuilder();
        for (String f : FILES) loading.preloadSchema(resource(f + ".json"));
        factory = JsonSchemaFactory.newBuilder().setLoadingConfiguration(loading.freeze()).freeze();
    }

    static JsonNode resource(String file) {
        try (InputStream in = PopoloSchemas.class.getResourceAsStream("popolo/" + file)) {
            if (in == null) throw new IllegalStateException("no schema " + file);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with {@code instance} as a Popolo {@code type} ("person", "membership" ...): empty if nothing. */
    List<String> problems(String type, JsonNode instance) {
        try {
            JsonSchema schema = factory.getJsonSchema(BASE + type + ".json#");
            ProcessingReport report = schema.validate(instance, true);
            List<String> out = new ArrayList<>();
            for (ProcessingMessage m : report) out.add(m.getLogLevel() + ": " + m.getMessage() + " " + m.asJson().path("instance"));
            return report.isSuccess() ? List.of() : out;
        } catch (ProcessingException e) {
            throw new IllegalStateException("the schema of " + type + " cannot be used: " + e.getMessage(), e);
        }
    }
}
