package org.articula.platform.problem;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.jboss.jandex.IndexView;

/**
 * Documents a service's problem+json answers in its OpenAPI document: the Problem schema and every type
 * URI it may carry, each with its status, title and what a client does about it; the problem answers each
 * operation can give ({@link ProblemResponses}); and which fields may be null ({@link NullableFields}). A service extends this
 * with its own {@link ProblemKind}s and registers the subclass as an OpenAPI filter.
 */
public abstract class ProblemTypesFilter implements OASFilter {

    private final List<ProblemKind> kinds;
    private final IndexView index;

    /**
     * @param index the application's classes (smallrye passes it to a filter's constructor that takes one):
     *              a record component of a primitive type is never null
     */
    protected ProblemTypesFilter(IndexView index, ProblemKind[]... serviceKinds) {
        this.index = index;
        this.kinds = Stream.concat(Arrays.stream(ProblemType.values()), Arrays.stream(serviceKinds)
                .flatMap(Arrays::stream)).toList();
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema types = string().description("Stable and machine-readable: switch on it, not on title or detail.");
        for (ProblemKind kind : kinds) {
            String retry = kind.retryAfterSeconds() == null
                    ? ""
                    : " Temporary: answered with Retry-After (seconds); repeat the same request then.";
            types.addOneOf(OASFactory.createSchema().constValue(kind.uri()).title(kind.title())
                    .description("HTTP " + kind.status() + ". " + kind.description() + retry));
        }
        Schema violation = object().description("A rejected field, by its JSON path in the request.")
                .addProperty("field", string().description("e.g. readings[0].value, or a parameter's name"))
                .addProperty("message", string().description("In Spanish, for people."))
                .addRequired("field").addRequired("message");
        Schema problem = object().description("RFC 9457 problem details, sent as " + Problem.MEDIA_TYPE + ".")
                .addProperty("type", ref("ProblemType"))
                .addProperty("title", string().description("The type's title, in Spanish."))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string().description("What happened in this case, in Spanish, for people."))
                .addProperty("instance", string().description("The request's path."))
                .addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY).items(ref("Violation"))
                        .description("One per rejected field; absent when none."))
                .addProperty("errorId", string().description("For an internal error only: the id under which the "
                        + "service logged it, to quote to support."))
                .addRequired("type").addRequired("title").addRequired("status").addRequired("detail");
        openAPI.getComponents().addSchema("ProblemType", types).addSchema("Violation", violation)
                .addSchema("Problem", problem);
        ProblemResponses.document(openAPI, kinds);
        NullableFields.document(openAPI, index);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema object() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }
}
