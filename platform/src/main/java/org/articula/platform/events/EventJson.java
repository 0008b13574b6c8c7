package org.articula.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON form of events on the wire. A fixed mapper (not the REST one) so that a change in API
 * serialisation settings can never change the event contract.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Amounts go on the wire as written (1.0300, 100), never as 1.03 or 1E+2.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialised: " + envelope.eventId(), e);
        }
    }

    /**
     * Reads an envelope, failing with {@link MalformedEventException} when the bytes are not a
     * complete, valid envelope.
     */
    public static EventEnvelope read(byte[] json) {
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (envelope == null) {
                throw new MalformedEventException("empty message", null);
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getMessage(), e);
        }
    }

    /** Turns any payload object into the JSON tree stored in the envelope. */
    public static JsonNode toTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    /**
     * Wraps a payload that is only going to be written (to the outbox) so it is serialised once, straight
     * from the object, instead of first being turned into a tree: for a batch of lots that conversion was
     * a tenth of the CPU. The JSON written is the same as {@link #toTree}'s; the node cannot be read back
     * with {@link #payload}.
     */
    public static JsonNode forWriting(Object payload) {
        return MAPPER.getNodeFactory().pojoNode(payload);
    }

    /** Reads an envelope's payload as the given type. */
    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("payload of " + envelope.type() + " is not a valid "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
