package org.articula.platform.input;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.articula.platform.problem.ProblemException;

/**
 * A query parameter that should be a date (yyyy-mm-dd) or an id (UUID) and is not is the client's mistake,
 * refused as a body field would be: 400 naming the parameter (JAX-RS would answer 404, as if the address
 * did not exist). An empty one is taken as absent. Path parameters keep their 404: no such resource.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    private record Parser(Function<String, ?> parse, String message) {
    }

    private static final Map<Class<?>, Parser> PARSERS = Map.of(
            LocalDate.class, new Parser(IsoDates::date, IsoDates.DATE_MESSAGE),
            UUID.class, new Parser(QueryParameterConverters::uuid, "no es un identificador válido (UUID)"));

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
        Parser parser = PARSERS.get(rawType);
        String name = queryParameter(annotations);
        if (parser == null || name == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return rawType.cast(parser.parse().apply(value.strip()));
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
