package org.articula.lots.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.articula.localstack.testing.EventSchemas;

/** The project's EPCIS 2.0 schema (api-specs/epcis), with format assertions on. */
public final class EpcisSchema {

    private static final Path FILE = EventSchemas.eventsDirectory().getParent()
            .resolve("epcis/epcis-2.0-subset.schema.json");

    private EpcisSchema() {
    }

    /** What is wrong with the document; empty when it is valid. */
    public static Set<ValidationMessage> problems(JsonNode document) {
        try (InputStream in = Files.newInputStream(FILE)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            return schema.validate(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
