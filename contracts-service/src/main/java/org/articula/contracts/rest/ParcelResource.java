package org.articula.contracts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.articula.contracts.mapping.ParcelMapper;
import org.articula.contracts.rest.dto.ParcelCollection;
import org.articula.contracts.rest.dto.ParcelFeature;
import org.articula.contracts.rest.dto.ParcelRequest;
import org.articula.contracts.service.ParcelService;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/producers/{producerId}/parcels")
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parcels", description = "Producers' plots geolocated for the EU deforestation regulation (EUDR)")
@Transactional
@RetryLostRace
@RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR, Roles.PRODUCER })
public class ParcelResource {

    /** GeoJSON (RFC 7946). */
    public static final String GEO_JSON = "application/geo+json";

    @Inject
    ParcelService service;

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Produces(GEO_JSON)
    @Operation(summary = "Register a producer's parcel of cacao or coffee", description = """
                    geometry is a GeoJSON Point (only for a plot of up to 4 ha) or Polygon in WGS84, \
                    [longitude, latitude], every number with at least 6 decimals. A polygon's rings are closed \
                    and cross neither themselves nor each other (a 400 names the coordinate where one does); its \
                    area, measured on the WGS84 ellipsoid, must be within 10 % of declaredAreaHectares. \
                    deforestationFreeSince2020 must be true (422 otherwise). Answers the parcel as a GeoJSON \
                    Feature. Idempotent by parcelId: 201 when registered, 200 with the stored one on repeat, 409 \
                    for the same id with other content.""")
    @Extension(name = CreatedResponse.CREATED, value = "Registered")
    public RestResponse<ParcelFeature> register(@PathParam("producerId") UUID producerId,
            @Valid @NotNull ParcelRequest request,
            @Context UriInfo uri) {
        return CreatedResponse.of(service.register(producerId, request).map(ParcelMapper::feature),
                ParcelFeature::id, uri);
    }

    @GET
    @Produces(GEO_JSON)
    @Operation(summary = "A producer's parcels as a GeoJSON FeatureCollection", description = """
                    Each feature carries the geometry as registered and, as properties, the producer, product, \
                    declared and measured area and the no-deforestation declaration with its cut-off day \
                    (2020-12-31). A producer sees only their own.""")
    @APIResponse(responseCode = "200", description = "The parcels, oldest first", content = @Content(
            mediaType = GEO_JSON, schema = @Schema(implementation = ParcelCollection.class)))
    public ParcelCollection list(@PathParam("producerId") UUID producerId) {
        return ParcelCollection.of(service.ofProducer(producerId).stream().map(ParcelMapper::feature).toList());
    }

    @GET
    @Path("/{parcelId}")
    @Produces(GEO_JSON)
    @Operation(summary = "A parcel as a GeoJSON Feature")
    @APIResponse(responseCode = "200", description = "The parcel", content = @Content(mediaType = GEO_JSON,
            schema = @Schema(implementation = ParcelFeature.class)))
    public ParcelFeature get(@PathParam("producerId") UUID producerId, @PathParam("parcelId") UUID parcelId) {
        return ParcelMapper.feature(service.get(producerId, parcelId));
    }
}
