package org.articula.contracts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.mapping.CertificationMapper;
import org.articula.contracts.rest.dto.CertificationRequest;
import org.articula.contracts.rest.dto.CertificationView;
import org.articula.contracts.rest.dto.ExpiringCertification;
import org.articula.contracts.service.CertificationService;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/certifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certifications", description = "Organic, Fairtrade, Rainforest Alliance and other certificates")
@Transactional
@RetryLostRace
@RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR, Roles.PRODUCER })
public class CertificationResource {

    @Inject
    CertificationService service;

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Operation(summary = "Record a certificate of a producer or of an organisation", description = """
                    Held by one producer of the caller's organisation (producerId) or by the organisation or \
                    one of its networks (organisationId), whose producers it then covers; exactly one of the two. \
                    products are product codes (cacao, coffee...); schemeName names an OTHER scheme and only it. \
                    Idempotent by the client-supplied id: 201 when recorded, 200 with the stored one on repeat, \
                    409 for the same id with other content.""")
    @Extension(name = CreatedResponse.CREATED, value = "Recorded")
    public RestResponse<CertificationView> record(@Valid @NotNull CertificationRequest request, @Context UriInfo uri) {
        return CreatedResponse.of(service.record(request).map(CertificationMapper::view), CertificationView::id, uri);
    }

    @GET
    @Operation(summary = "Certificates of a producer or of an organisation, by end of validity", description = """
                    producerId: those covering the producer (its own and its organisation's or network's). \
                    organisationId: the caller's organisation gives every certificate it keeps, one of its \
                    networks the network's own. Neither: the caller's organisation; a producer sees only those \
                    covering them.""")
    public List<CertificationView> list(@QueryParam("producerId") UUID producerId,
            @QueryParam("organisationId") UUID organisationId) {
        return service.list(producerId, organisationId).stream().map(CertificationMapper::view).toList();
    }

    @GET
    @Path("/expiring")
    @RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR })
    @Operation(summary = "Certificates about to end, and ended ones an agreement still requires", description = """
                    The caller's organisation's certificates (its own, its networks' and its producers') \
                    whose last valid day is within withinDays days from today (America/Lima), and those already \
                    ended that an ACTIVE agreement requires today of a producer they covered and that no newer \
                    certificate of the same holder and scheme has replaced. Soonest end first.""")
    public List<ExpiringCertification> expiring(
            @QueryParam("withinDays") @DefaultValue("60") @Min(0) @Max(366) int withinDays) {
        return service.expiring(withinDays);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a certificate")
    public CertificationView get(@PathParam("id") UUID id) {
        return CertificationMapper.view(service.get(id));
    }
}
