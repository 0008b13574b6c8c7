package org.articula.contracts.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import org.articula.contracts.rest.dto.Coordinates;
import org.articula.platform.events.EventJson;

/**
 * Reads coordinates keeping their numbers as written (-72.700000 stays with 6 decimals), with the events' mapper,
 * which reads decimals exactly; the REST mapper would read them as doubles and lose the trailing zeros.
 */
public class ExactNumbers extends JsonDeserializer<Coordinates> {

    @Override
    public Coordinates deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return new Coordinates(EventJson.mapper().readTree(parser));
    }
}
