package org.articula.contracts.rest.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.articula.contracts.mapping.ExactNumbers;

/**
 * GeoJSON coordinates as a JSON tree whose numbers are kept as written (-72.700000 keeps its 6 decimals): at
 * least 6 decimals is a rule about the text, which a double would lose. Its OpenAPI schema is set in
 * application.properties (an array).
 */
@JsonDeserialize(using = ExactNumbers.class)
public record Coordinates(@JsonValue JsonNode tree) {
}
