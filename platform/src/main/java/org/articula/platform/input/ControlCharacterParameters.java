package org.articula.platform.input;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.articula.platform.problem.Problem;
import org.articula.platform.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters follow the rule bodies follow ({@link ControlCharacters}): one holding a
 * control character is refused, named, before the resource runs.
 */
public class ControlCharacterParameters {

    @ServerRequestFilter
    public Response refuse(UriInfo uri) {
        String field = offending(uri.getPathParameters());
        if (field == null) {
            field = offending(uri.getQueryParameters());
        }
        if (field == null) {
            return null;
        }
        return Problem.of(ProblemType.VALIDATION, field + ": " + ControlCharacters.MESSAGE)
                .withViolations(List.of(new Problem.Violation(field, ControlCharacters.MESSAGE)))
                .withInstance(uri.getPath()).toResponse();
    }

    private static String offending(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (ControlCharacters.present(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(ControlCharacters::present)) {
                return parameter.getKey();
            }
        }
        return null;
    }
}
