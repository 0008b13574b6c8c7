package org.articula.lots.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.articula.lots.domain.CollectionCentre;
import org.articula.lots.domain.Dispatch;
import org.articula.lots.domain.Gs1Keys;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotAdmission;
import org.articula.lots.domain.Reading;
import org.articula.lots.domain.Shipment;
import org.articula.lots.domain.ShipmentLot;
import org.articula.lots.domain.ShipmentResult;
import org.articula.lots.mapping.ShipmentEpcis;
import org.articula.lots.mapping.ShipmentEvents;
import org.articula.lots.mapping.ShipmentMapper;
import org.articula.lots.mapping.ShipmentParcels;
import org.articula.lots.repository.CentreRepository;
import org.articula.lots.repository.LotRepository;
import org.articula.lots.repository.ParcelRepository;
import org.articula.lots.repository.ProducerRefRepository;
import org.articula.lots.repository.ShipmentRepository;
import org.articula.lots.rest.dto.ShipmentTrace;
import org.articula.lots.rest.dto.ShippedLot;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Shipments: a centre (its operator or the organisation's buyer-admin) pools accepted lots into one for a buyer;
 * the buyer's result is recorded once, by the buyer or by the centre transcribing the buyer's report; both sides
 * see it, its trace to lots and producers, and its EPCIS export. Anyone else: not found.
 */
@ApplicationScoped
public class ShipmentService {

    @Inject
    ShipmentRepository shipments;
    @Inject
    LotRepository lots;
    @Inject
    CentreRepository centres;
    @Inject
    CentreService centreAccess;
    @Inject
    ProducerRefRepository producers;
    @Inject
    ParcelRepository parcels;
    @Inject
    LotFlags lotFlags;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    /** A test prefix (GS1's documentation examples use it), not a real company's: set the organisation's own. */
    @ConfigProperty(name = "articula.gs1.company-prefix", defaultValue = "0614141")
    String companyPrefix;

    /** Pools the lots into a new shipment; the same request again answers what it created. */
    @Transactional
    public Created<Shipment> dispatch(Dispatch request) {
        CollectionCentre centre = centres.findByIdOptional(request.centreId())
                .filter(c -> user.actsFor(c.organisationId))
                .orElseThrow(() -> ProblemException.invalidField("centreId", "centro de acopio no registrado"));
        refuseRepeatedLots(request.lotIds());
        // Which lots are shipped, before the id: a repeat committed in between is then found by its id, not refused.
        Map<UUID, UUID> shippedIn = shipments.shipmentsOf(request.lotIds());
        Shipment existing = shipments.findById(request.id());
        if (existing != null) {
            List<UUID> existingLots = shipments.lotsOf(existing.id).stream().map(m -> m.lotId).toList();
            return Created.repeatOrConflict(existing, visible(existing) && existing.isRepeatOf(request, existingLots),
                    "El id " + request.id() + " ya identifica otro envío");
        }
        Map<UUID, Lot> found = lots.findExisting(request.lotIds()).stream().filter(this::visible)
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
        List<Lot> asked = request.lotIds().stream().map(found::get).toList();
        LotAdmission admission = new LotAdmission(centre.id, shippedIn,
                request.certification() == null
                        ? Map.of()
                        : lotFlags.refusals(request.certification(), found.values()));
        Shipment.Dispatched dispatched = Shipment.dispatch(request, centre.organisationId, asked, admission,
                user.name(), clock.instant());
        Shipment shipment = dispatched.shipment();
        shipments.persist(shipment);
        shipments.persistLots(dispatched.lots());
        shipments.flush();
        outbox.publishAll(List.of(ShipmentEvents.dispatched(shipment, dispatched.lots())),
                e -> ShipmentEvents.key(shipment));
        audit.record("DISPATCHED", shipment.organisationId, "Shipment", shipment.id, Map.of("centreId",
                shipment.centreId, "buyerId", shipment.buyerId, "lotCount", shipment.lotCount, "shippedQuantity",
                shipment.shippedQuantity));
        return Created.first(shipment);
    }

    private static void refuseRepeatedLots(List<UUID> lotIds) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < lotIds.size(); i++) {
            if (!seen.add(lotIds.get(i))) {
                throw ProblemException.invalidField("lotIds[" + i + "]", "el lote " + lotIds.get(i) + " está repetido");
            }
        }
    }

    /** Records the buyer's result once; the same result again changes nothing. */
    @Transactional
    public Shipment recordResult(UUID id, ShipmentResult result) {
        Shipment shipment = get(id);
        mayRecordResult(shipment);
        List<ShipmentLot> members = shipments.lotsOf(id);
        Set<String> parameters = lots.findExisting(members.stream().map(m -> m.lotId).toList()).stream()
                .flatMap(l -> l.figures.readings.stream()).map(Reading::parameter).collect(Collectors.toSet());
        if (shipment.recordResult(result, parameters, user.name(), clock.instant())) {
            shipments.flush(); // the event carries the version the change produced
            outbox.publishAll(List.of(ShipmentEvents.resultRecorded(shipment, members)),
                    e -> ShipmentEvents.key(shipment));
            audit.record("RESULT_RECORDED", shipment.organisationId, "Shipment", shipment.id,
                    Map.of("status", shipment.status, "receivedAt", shipment.receivedAt));
        }
        return shipment;
    }

    /** The buyer's admin records its own result; the centre's staff transcribe the buyer's report. */
    private void mayRecordResult(Shipment s) {
        boolean buyer = user.hasRole(Roles.BUYER_ADMIN) && user.actsFor(s.buyerId);
        boolean centre = (user.hasRole(Roles.BUYER_ADMIN) || user.hasRole(Roles.CENTRE_OPERATOR))
                && user.actsFor(s.organisationId);
        if (!buyer && !centre) {
            throw ProblemException.forbidden("Registra el resultado del envío " + s.id + " el administrador de la "
                    + "organización compradora, o el centro de acopio que lo despachó transcribiendo su informe");
        }
    }

    /** A shipment the caller may see: its centre's organisation's or its buyer's; anything else is "not found". */
    public Shipment get(UUID id) {
        return shipments.findByIdOptional(id).filter(this::visible)
                .orElseThrow(() -> ProblemException.notFound("Envío", id));
    }

    /** The shipments the caller's organisation sent or is the buyer of, by centre and dispatch dates, paged. */
    public List<Shipment> search(UUID centreId, LocalDate from, LocalDate to, int page, int size) {
        if (from != null && to != null) {
            LotQueries.checkRange(from, to);
        }
        return shipments.search(new ShipmentRepository.Filter(user.organisationId(), centreId,
                from == null ? null : from.atStartOfDay(clock.getZone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()), page, size);
    }

    /**
     * The centre's lots delivered from..to (Lima dates, inclusive) already in a shipment, in delivery order: what a
     * new shipment may no longer take. The centre's organisation only; another's centre is not found.
     */
    public List<ShippedLot> shippedLots(UUID centreId, LocalDate from, LocalDate to) {
        centreAccess.get(centreId);
        LotQueries.checkRange(from, to);
        return shipments.pooledAt(centreId, from, to).stream()
                .map(p -> new ShippedLot(p.lotId(), p.shipmentId(), p.reference())).toList();
    }

    /** The shipment traced to each lot as pooled and each producer's share. */
    public ShipmentTrace trace(UUID id) {
        return trace(id, true);
    }

    // Without flags (no certificate queries) for what does not show them, such as the EPCIS document.
    private ShipmentTrace trace(UUID id, boolean flagged) {
        Shipment shipment = get(id);
        List<ShipmentLot> members = shipments.lotsOf(id);
        Map<UUID, Lot> now = lots.findExisting(members.stream().map(m -> m.lotId).toList()).stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return ShipmentMapper.trace(shipment, members, shipments.revisionsOf(id), now,
                producers.byIds(new ArrayList<>(members.stream().map(m -> m.producerId).distinct().toList())),
                flagged ? lotFlags.of(now.values()) : Map.of());
    }

    /**
     * The distinct parcels of the shipment's lots as a GeoJSON FeatureCollection for the EUDR due-diligence
     * statement, each with the shipment's lots from it; lots naming no parcel listed apart.
     */
    public ObjectNode parcels(UUID id) {
        Shipment shipment = get(id);
        List<ShipmentLot> members = shipments.lotsOf(id);
        Map<UUID, Lot> now = lots.findExisting(members.stream().map(m -> m.lotId).toList()).stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
        Set<UUID> parcelIds = now.values().stream().map(l -> l.parcelId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return ShipmentParcels.featureCollection(shipment, members, now, parcels.byIds(parcelIds),
                producers.byIds(members.stream().map(m -> m.producerId).collect(Collectors.toSet())));
    }

    /** The shipment's history as an EPCIS 2.0 JSON-LD document. */
    public ObjectNode epcis(UUID id) {
        return ShipmentEpcis.document(trace(id, false), new Gs1Keys(companyPrefix), clock.instant(), clock.getZone());
    }

    private boolean visible(Shipment s) {
        return user.actsFor(s.organisationId) || user.actsFor(s.buyerId);
    }

    private boolean visible(Lot lot) {
        return user.actsFor(lot.organisationId) || user.actsFor(centres.findById(lot.centreId).organisationId);
    }
}
