package org.articula.platform.idempotency;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.Function;

/** Idempotent creates answer 201 with Location the first time and 200 with the same body after. */
public final class CreatedResponse {

    private CreatedResponse() {
    }

    /** The new resource lives under the request's path, at its id. */
    public static Response of(Created<?> created, Object id, Object view, UriInfo uri) {
        return of(created, uri.getAbsolutePathBuilder().path(id.toString()).build(), view);
    }

    /** The view is the body; the new resource lives under the request's path, at the view's id. */
    public static <V> Response of(Created<V> view, Function<? super V, ?> id, UriInfo uri) {
        return of(view, id.apply(view.value()), view.value(), uri);
    }

    public static Response of(Created<?> created, URI location, Object view) {
        return created.isNew() ? Response.created(location).entity(view).build() : Response.ok(view).build();
    }
}
