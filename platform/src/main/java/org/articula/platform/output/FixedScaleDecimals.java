package org.articula.platform.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Digits;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes every BigDecimal property of an answer that carries {@link Digits} with exactly its
 * {@code fraction} decimals (an amount 12.50 and 0.00, a quantity 150.000), so a figure never changes
 * its look with its value, and the OpenAPI document, which shows {@code @Digits} as {@code multipleOf},
 * says how many there are. For a service that sets {@code articula.json.fixed-scale=true}.
 */
@Singleton
public class FixedScaleDecimals implements ObjectMapperCustomizer {

    @ConfigProperty(name = "articula.json.fixed-scale", defaultValue = "false")
    boolean enabled;

    @Override
    public void customize(ObjectMapper mapper) {
        if (enabled) {
            mapper.registerModule(new SimpleModule("articula-fixed-scale").setSerializerModifier(new Scales()));
        }
    }

    static final class Scales extends BeanSerializerModifier {
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                List<BeanPropertyWriter> properties) {
            for (BeanPropertyWriter property : properties) {
                Digits digits = property.getAnnotation(Digits.class);
                if (digits != null && property.getType().hasRawClass(BigDecimal.class)) {
                    property.assignSerializer(new Fixed(digits.fraction()));
                }
            }
            return properties;
        }
    }

    // Of Object, as a property's serializer is; only ever given BigDecimal values.
    static final class Fixed extends StdSerializer<Object> {
        private final int scale;

        Fixed(int scale) {
            super(BigDecimal.class, false);
            this.scale = scale;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(((BigDecimal) value).setScale(scale, RoundingMode.HALF_UP).toPlainString());
        }
    }
}
