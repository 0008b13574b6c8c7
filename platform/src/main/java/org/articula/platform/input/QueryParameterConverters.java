package org.articula.platform.input;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.articula.platform.problem.ProblemException;

/**
 * A query parameter that should be a date (yyyy-mm-dd), an id (UUID), a number (whole where its type is) or
 * one of an enum's names and is not is the client's mistake, refused as a body field would be: 400 naming the parameter
 * (JAX-RS would answer 404, as if the address did not exist). An empty one is taken as absent (its
 * default, if it has one). Path parameters keep their 404: no such resource.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    private record Parser(Function<String, ?> parse, String message) {
    }

    private static final String WHOLE_NUMBER = "debe ser un número entero";
    private static final Map<Class<?>, Parser> PARSERS = Map.of(
            LocalDate.class, new Parser(IsoDates::date, IsoDates.DATE_MESSAGE),
            UUID.class, new Parser(QueryParameterConverters::uuid, "no es un identificador válido (UUID)"),
            int.class, new Parser(Integer::valueOf, WHOLE_NUMBER),
            Integer.class, new Parser(Integer::valueOf, WHOLE_NUMBER),
            long.class, new Parser(Long::valueOf, WHOLE_NUMBER),
            Long.class, new Parser(Long::valueOf, WHOLE_NUMBER),
            BigDecimal.class, new Parser(BigDecimal::new, "debe ser un número"));

    // UUID.fromString also takes shorter groups ("527ca07-4d41-..."), reading another id than the one sent.
    private static final java.util.regex.Pattern UUID_TEXT = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static UUID uuid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException(text);
        }
        return UUID.fromString(text);
    }

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Parser parser = rawType.isEnum() ? enumParser(rawType) : PARSERS.get(rawType);
        String name = queryParameter(annotations);
        if (parser == null || name == null) {
            return null;
        }
        // Absent, a primitive is 0 (as JAX-RS has it), never null.
        String defaultValue = defaultValue(annotations) != null
                ? defaultValue(annotations)
                : rawType.isPrimitive() ? "0" : null;
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                String text = value == null || value.isBlank() ? defaultValue : value.strip();
                if (text == null) {
                    return null;
                }
                try {
                    @SuppressWarnings("unchecked") // int.class.cast would refuse the Integer it holds
                    T parsed = (T) parser.parse().apply(text);
                    return parsed;
                } catch (RuntimeException e) {
                    // Carried to ProblemMappers as the cause of a 400.
                    throw new BadRequestException(ProblemException.invalidField(name, parser.message()));
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    // By name only, as in a body (StrictJson): neither a position ("0") nor another case.
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Parser enumParser(Class<?> type) {
        String names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
        return new Parser(text -> Enum.valueOf((Class) type, text), "debe ser uno de: " + names);
    }

    private static String defaultValue(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof DefaultValue value) {
                return value.value();
            }
        }
        return null;
    }

    private static String queryParameter(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }
}
