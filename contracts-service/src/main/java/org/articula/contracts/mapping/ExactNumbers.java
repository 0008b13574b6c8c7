package org.articula.contracts.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.articula.platform.events.EventJson;

/**
 * Reads a JSON value keeping its numbers as written (-72.700000 stays with 6 decimals), for coordinates whose
 * decimals are a rule; the REST mapper would read them as doubles and lose the trailing zeros.
 */
public class ExactNumbers extends JsonDeserializer<JsonNode> {

    @Override
    public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return EventJson.mapper().readTree(parser);
    }
}
