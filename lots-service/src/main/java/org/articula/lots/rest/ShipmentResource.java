package org.articula.lots.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.lots.mapping.ShipmentEpcis;
import org.articula.lots.mapping.ShipmentMapper;
import org.articula.lots.mapping.ShipmentParcels;
import org.articula.lots.rest.dto.ShipmentRequest;
import org.articula.lots.rest.dto.ShipmentResultRequest;
import org.articula.lots.rest.dto.ShipmentTrace;
import org.articula.lots.rest.dto.ShipmentView;
import org.articula.lots.rest.dto.ShippedLot;
import org.articula.lots.service.ShipmentService;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/shipments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = """
        Accepted lots pooled into a shipment, the buyer's result traced back to each \
        lot and producer, and its GS1 EPCIS 2.0 export""")
@RetryLostRace
@RolesAllowed({ Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN, Roles.TREASURER, Roles.AUDITOR })
public class ShipmentResource {

    @Inject
    ShipmentService service;

    @POST
    @RolesAllowed({ Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN })
    @Operation(summary = "Pool accepted lots of a centre into a shipment for a buyer", description = """
                    By the centre's operator or its organisation's buyer-admin. Every lot accepted at its \
                    current revision, not voided, of the centre, of one product and in no other shipment; \
                    shippedQuantity = the lots' sum less the losses, above zero. Otherwise 422 naming each lot \
                    (lotIds[i]) or the losses, nothing stored. Declared certified (certification, e.g. ORGANIC): \
                    a flagged lot, or one without a certificate of that scheme valid on its delivery day, is \
                    refused likewise. Idempotent by shipmentId: 201, then 200; the same \
                    id with other content 409.""")
    @Extension(name = CreatedResponse.CREATED, value = "Dispatched: the shipment")
    public RestResponse<ShipmentView> dispatch(@Valid @NotNull ShipmentRequest request, @Context UriInfo uri) {
        return CreatedResponse.of(service.dispatch(ShipmentMapper.dispatch(request)).map(ShipmentMapper::view),
                ShipmentView::shipmentId, uri);
    }

    @GET
    @Operation(summary = "Shipments the caller's organisation sent or is the buyer of, newest dispatch first",
            description = """
                    centreId narrows to one centre; from and to (dispatch dates in Lima, inclusive, at most \
                    366 days apart) to a period. page from 0, size up to 500.""")
    public List<ShipmentView> search(@QueryParam("centreId") UUID centreId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return service.search(centreId, from, to, page, size).stream().map(ShipmentMapper::view).toList();
    }

    @GET
    @Path("/lots")
    @Operation(summary = "The centre's lots delivered in a period that are already in a shipment", description = """
                    Lots of centreId delivered from..to (Lima dates, inclusive, at most 366 days apart), \
                    in delivery order, each with the shipment that pooled it (id and reference): those a new \
                    shipment can no longer take. For the centre's organisation; another's centre is not found.""")
    public List<ShippedLot> shippedLots(@QueryParam("centreId") @NotNull UUID centreId,
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        return service.shippedLots(centreId, from, to);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A shipment as it stands", description = """
            For the centre's organisation and the buyer; \
            anyone else's is not found.""")
    public ShipmentView get(@PathParam("id") UUID id) {
        return ShipmentMapper.view(service.get(id));
    }

    @POST
    @Path("/{id}/result")
    @RolesAllowed({ Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN })
    @Operation(summary = "Record the buyer's result on the shipment", description = """
                    By the buyer's buyer-admin, or by the centre's operator or buyer-admin transcribing the \
                    buyer's report. Recorded once: the same result again answers the shipment unchanged, another \
                    409. discountPercent only (and then required) with ACCEPTED_WITH_DISCOUNT; receivedAt not \
                    before the dispatch; readings named as the lots' quality parameters.""")
    public ShipmentView recordResult(@PathParam("id") UUID id, @Valid @NotNull ShipmentResultRequest request) {
        return ShipmentMapper.view(service.recordResult(id, ShipmentMapper.result(request)));
    }

    @GET
    @Path("/{id}/trace")
    @Operation(summary = "The shipment traced to each lot and producer", description = """
                    Each lot as pooled (revision, quantity, the centre's readings and verdict) with its \
                    producer, and each producer's lots, quantity and share of the lots' sum in percent.""")
    public ShipmentTrace trace(@PathParam("id") UUID id) {
        return service.trace(id);
    }

    @GET
    @Path("/{id}/parcels")
    @Produces(ShipmentParcels.MEDIA_TYPE)
    @Operation(summary = "The shipment's parcels as a GeoJSON FeatureCollection (EUDR due diligence)", description = """
                    One Feature per distinct parcel of the shipment's lots: its geometry (WGS84, as \
                    registered), and in properties parcelId, name, producerId, producerName, product, \
                    declaredAreaHectares, computedAreaHectares (null for a point), country PE, \
                    deforestationFreeSince2020 and cutOffDate 2020-12-31, and lots (lotId, quantity as pooled, \
                    deliveryDate). The lots naming no parcel are in lotsWithoutParcel, with their producer. For \
                    the centre's organisation and the buyer; anyone else's shipment is not found.""")
    @APIResponse(responseCode = "200", description = "A FeatureCollection", content = @Content(
            mediaType = ShipmentParcels.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response parcels(@PathParam("id") UUID id) {
        return Response.ok(ShipmentParcels.json(service.parcels(id)), ShipmentParcels.MEDIA_TYPE).build();
    }

    @GET
    @Path("/{id}/epcis")
    @Produces(ShipmentEpcis.MEDIA_TYPE)
    @Operation(summary = "The shipment's history as a GS1 EPCIS 2.0 document (JSON-LD)", description = """
                    An ObjectEvent per lot received (its readings as sensor reports), the AggregationEvent \
                    pooling the lots' LGTINs under the shipment's SSCC, the shipping ObjectEvent and, once \
                    recorded, the buyer's result. GS1 keys as Digital Link URIs derived from \
                    articula.gs1.company-prefix (docs/decisions/0029-shipments-and-epcis.md).""")
    @APIResponse(responseCode = "200", description = "An EPCISDocument", content = @Content(
            mediaType = ShipmentEpcis.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    public Response epcis(@PathParam("id") UUID id) {
        return Response.ok(service.epcis(id).toString(), ShipmentEpcis.MEDIA_TYPE).build();
    }
}
