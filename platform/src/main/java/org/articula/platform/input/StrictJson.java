package org.articula.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * How every request body is read: a key given twice in one object is refused (which value was meant?),
 * and so is a string holding a control character ({@link ControlCharacters}), named by its JSON path
 * ({@code readings[0].instrument}) in the problem the request is answered with. Nothing reaches a
 * resource, so nothing is written.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(module());
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
