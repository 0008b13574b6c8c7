package org.articula.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.platform.events.EventJson.MalformedEventException;

/**
 * Reads fields of another service's event payload. A field a consumer needs but does not find (or
 * cannot read) makes the event malformed, so it goes to the dead-letter topic with the reason.
 */
public final class Payload {

    private Payload() {
    }

    public static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new MalformedEventException("missing " + field, null);
        }
        return value;
    }

    public static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    public static UUID uuid(JsonNode node, String field) {
        try {
            return UUID.fromString(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is not a UUID", e);
        }
    }

    public static UUID optionalUuid(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? uuid(node, field) : null;
    }

    public static LocalDate date(JsonNode node, String field) {
        try {
            return LocalDate.parse(text(node, field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedEventException(field + " is not a date", e);
        }
    }

    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber()) {
            throw new MalformedEventException(field + " is not a number", null);
        }
        return value.decimalValue();
    }

    public static BigDecimal optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.decimalValue() : null;
    }
}
