package org.articula.lots.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.DisputeStatus;
import org.articula.lots.mapping.DisputeMapper;
import org.articula.lots.rest.dto.DisputeView;
import org.articula.lots.rest.dto.RetestRequest;
import org.articula.lots.service.DisputeService;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/disputes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Disputes", description = "Contesting a rejected lot: the counter-sample's re-test and its outcome")
@RetryLostRace
@RolesAllowed({ Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN, Roles.TREASURER, Roles.AUDITOR, Roles.PRODUCER })
public class DisputeResource {

    @Inject
    DisputeService service;

    @POST
    @Path("/{id}/retest")
    @RolesAllowed({ Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN })
    @Operation(summary = "Record the counter-sample's re-test and decide the dispute", description = """
                    Judged by the clause version that judged the lot. Passing: OVERTURNED, and the lot gets \
                    a new accepted revision with these readings (published as LotCorrected, so it is paid). \
                    Failing: UPHELD, the lot unchanged. The same re-test again answers the dispute unchanged; \
                    another once decided is 409.""")
    public DisputeView retest(@PathParam("id") UUID id, @Valid @NotNull RetestRequest request) {
        return DisputeMapper.view(service.retest(id, DisputeMapper.retest(request)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A dispute as it stands", description = """
            A producer sees only theirs; another \
            organisation's is not found.""")
    public DisputeView get(@PathParam("id") UUID id) {
        return DisputeMapper.view(service.get(id));
    }

    @GET
    @Operation(summary = "Disputes of an organisation's lots or of lots at its centres, newest first (at most 500)",
            description = """
                    organisationId defaults to the caller's; another organisation's is not found. status, \
                    centreId and producerId narrow the list; a producer sees only their own.""")
    public List<DisputeView> search(@QueryParam("organisationId") UUID organisationId,
            @QueryParam("status") DisputeStatus status, @QueryParam("centreId") UUID centreId,
            @QueryParam("producerId") UUID producerId) {
        return service.search(organisationId, status, centreId, producerId).stream().map(DisputeMapper::view).toList();
    }
}
