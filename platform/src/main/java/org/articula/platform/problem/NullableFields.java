package org.articula.platform.problem;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

/**
 * Says in the OpenAPI document which fields may be null: every property of a component schema that is not
 * required and not a primitive (an {@code int}, a {@code boolean}) of the record it was made from. Answers are written with their nulls (Jackson's default), and a request may send null where it
 * may leave a field out; only a required field is never null. In OpenAPI 3.1 terms: {@code null} joins the
 * property's types (and its enum), or a reference becomes {@code anyOf: [ref, {type: null}]}. The elements of a
 * list are never null unless its field says so ({@link #NULLABLE_ITEMS}).
 */
public final class NullableFields {

    /** Schemas of our own that already say what they mean (problem+json omits what is empty). */
    private static final Set<String> UNTOUCHED = Set.of("Problem", "ProblemType", "Violation");

    /**
     * On a list field, {@code @Schema(extensions = @Extension(name = NullableFields.NULLABLE_ITEMS, value =
     * "true"))}: its elements may be null too.
     */
    public static final String NULLABLE_ITEMS = "x-nullable-items";

    private NullableFields() {
    }

    static void document(OpenAPI openAPI, IndexView index) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Map.Entry<String, Schema> named : openAPI.getComponents().getSchemas().entrySet()) {
            Schema schema = named.getValue();
            if (UNTOUCHED.contains(named.getKey()) || schema.getProperties() == null) {
                continue;
            }
            List<String> required = new java.util.ArrayList<>(schema.getRequired() == null
                    ? List.of()
                    : schema.getRequired());
            required.addAll(primitiveComponents(index, named.getKey()));
            for (Map.Entry<String, Schema> property : Map.copyOf(schema.getProperties()).entrySet()) {
                nullableItems(property.getValue());
                if (!required.contains(property.getKey())) {
                    schema.addProperty(property.getKey(), nullable(property.getValue()));
                }
            }
        }
    }

    // The components of primitive type of the record the schema was made from, when one record has its name.
    private static List<String> primitiveComponents(IndexView index, String schemaName) {
        if (index == null) {
            return List.of();
        }
        List<ClassInfo> records = index.getKnownClasses().stream()
                .filter(c -> c.isRecord() && c.simpleName().equals(schemaName)
                        && c.name().toString().startsWith("org.articula."))
                .toList();
        if (records.stream().map(ClassInfo::name).distinct().count() != 1) { // the index may list a class twice
            return List.of();
        }
        return records.get(0).recordComponents().stream().filter(c -> c.type().kind() == Type.Kind.PRIMITIVE)
                .map(RecordComponentInfo::name).toList();
    }

    // A list whose elements may be null says so with this extension on its field; it is not published.
    private static void nullableItems(Schema property) {
        if (property.getExtensions() == null || !property.getExtensions().containsKey(NULLABLE_ITEMS)) {
            return;
        }
        property.removeExtension(NULLABLE_ITEMS);
        if (property.getItems() != null) {
            property.items(nullable(property.getItems()));
        }
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL))
                    .description(property.getDescription());
        }
        List<SchemaType> types = property.getType();
        if (types == null || types.isEmpty() || types.contains(SchemaType.NULL)) {
            return property; // any value, null included, or already said
        }
        property.addType(SchemaType.NULL);
        if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
            property.addEnumeration(null);
        }
        return property;
    }
}
