package org.articula.contracts.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.articula.contracts.domain.AgreementRuleException;
import org.articula.platform.problem.Problem;
import org.articula.platform.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An agreement refusing a change is the client's mistake: 409 for a move, 400 for a date. */
public class AgreementRuleMapper {

    @ServerExceptionMapper
    public Response refused(AgreementRuleException e, UriInfo uri) {
        ProblemType type = e.kind() == AgreementRuleException.Kind.INVALID_TRANSITION
                ? ProblemType.INVALID_TRANSITION
                : ProblemType.VALIDATION;
        List<Problem.Violation> violations = e.field() == null
                ? List.of()
                : List.of(new Problem.Violation(e.field(), e.getMessage()));
        String detail = e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage();
        return Problem.of(type, detail).withViolations(violations).withInstance(uri.getPath()).toResponse();
    }
}
