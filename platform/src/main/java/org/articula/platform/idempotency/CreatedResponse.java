package org.articula.platform.idempotency;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Idempotent creates answer 201 with Location the first time and 200 with the same body after. A create method
 * returns {@code RestResponse<View>} and carries {@code @Extension(name = CreatedResponse.CREATED, value = "what
 * 201 means")}: the OpenAPI document then gets its 201 with the view's schema and Location, and the repeat's 200,
 * from the method's own type rather than from a schema named again in an annotation.
 */
public final class CreatedResponse {

    /** The OpenAPI extension that marks an idempotent create; its value describes the 201. */
    public static final String CREATED = "x-created";

    private CreatedResponse() {
    }

    /** The view is the body; the new resource lives under the request's path, at the view's id. */
    public static <V> RestResponse<V> of(Created<V> view, Function<? super V, ?> id, UriInfo uri) {
        return of(view, uri.getAbsolutePathBuilder().path(id.apply(view.value()).toString()).build(), view.value());
    }

    public static <V> RestResponse<V> of(Created<?> created, URI location, V view) {
        return created.isNew()
                ? RestResponse.ResponseBuilder.<V>created(location).entity(view).build()
                : RestResponse.ok(view);
    }
}
