package org.articula.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * How every request body is read: a key given twice in one object is refused (which value was meant?),
 * and so is a string holding a control character ({@link ControlCharacters}), named by its JSON path
 * ({@code readings[0].instrument}) in the problem the request is answered with. Nothing reaches a
 * resource, so nothing is written.
 *
 * <p>A value is taken only in its own JSON type: no number for a text or a text for a number ("12"),
 * no "true" for a boolean, no decimal cut to an integer, no enum by its position, no empty string read
 * as absent, and dates and instants only as ISO text with a four-digit year ({@link IsoDates}), never as
 * a count of days or seconds. Jackson's defaults take all of these and store what the client did not
 * mean.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    // Last, after Quarkus has registered its modules: the ISO date rule must replace jsr310's readers.
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(module());
        mapper.registerModule(new SimpleModule("articula-iso-dates")
                .addDeserializer(LocalDate.class, new Iso<>(LocalDate.class, IsoDates::date))
                .addDeserializer(Instant.class, new Iso<>(Instant.class, IsoDates::instant)));
    }

    /** The string rule alone, for mappers Quarkus does not configure (e.g. CSV). */
    public static SimpleModule module() {
        return new SimpleModule("articula-strict-strings").addDeserializer(String.class, new Strings());
    }

    /** A string value with a control character in it. */
    public static final class ControlCharacterException extends MismatchedInputException {
        ControlCharacterException(JsonParser p) {
            super(p, ControlCharacters.MESSAGE, String.class);
        }
    }

    /** A date or an instant: ISO text only ({@link IsoDates}). */
    static final class Iso<T> extends StdScalarDeserializer<T> {
        private final transient Function<String, T> parse;

        Iso(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            try {
                return parse.apply(text);
            } catch (DateTimeException e) {
                throw InvalidFormatException.from(p, e.getMessage(), text, handledType());
            }
        }
    }

    static final class Strings extends StdScalarDeserializer<String> {
        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (ControlCharacters.present(value)) {
                throw new ControlCharacterException(p);
            }
            return value;
        }
    }
}
