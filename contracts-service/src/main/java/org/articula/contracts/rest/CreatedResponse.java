package org.articula.contracts.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.articula.contracts.service.Created;

/** Idempotent creates answer 201 with Location the first time and 200 with the same body after. */
final class CreatedResponse {

    private CreatedResponse() {
    }

    static Response of(Created<?> created, Object id, Object view, UriInfo uri) {
        return created.isNew()
                ? Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build()).entity(view).build()
                : Response.ok(view).build();
    }
}
