package org.articula.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.contracts.domain.Parcel;
import org.articula.contracts.domain.Producer;
import org.articula.contracts.mapping.ParcelMapper;
import org.articula.contracts.repository.ParcelRepository;
import org.articula.contracts.repository.ProducerRepository;
import org.articula.contracts.rest.dto.ParcelRequest;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;

/** A producer's EUDR parcels: registered with their audit entry and ParcelRegistered event, and listed. */
@ApplicationScoped
public class ParcelService {

    @Inject
    ParcelRepository parcels;
    @Inject
    ProducerRepository producers;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail audit;

    /** Registers a parcel; the same request again answers with what is stored. */
    @Transactional
    public Created<Parcel> register(UUID producerId, ParcelRequest request) {
        Producer producer = producer(producerId);
        Parcel.Facts facts = ParcelMapper.facts(request);
        Parcel existing = parcels.findById(request.parcelId());
        if (existing != null) {
            return Created.repeatOrConflict(existing, existing.sameAs(facts, producerId),
                    "El id " + request.parcelId() + " ya identifica otra parcela");
        }
        Parcel parcel = Parcel.register(facts, producer, user.name(), clock.instant());
        parcels.persist(parcel);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("producerId", producerId);
        detail.put("product", parcel.product);
        detail.put("declaredAreaHectares", parcel.declaredAreaHectares);
        detail.put("computedAreaHectares", parcel.computedAreaHectares);
        audit.record("PARCEL_REGISTERED", parcel.organisationId, "Parcel", parcel.id, detail);
        outbox.publish(ParcelMapper.registered(parcel, clock.instant()));
        return Created.first(parcel);
    }

    /** A producer's parcels, oldest first; a producer sees only their own. */
    public List<Parcel> ofProducer(UUID producerId) {
        return parcels.ofProducer(producer(producerId).id);
    }

    public Parcel get(UUID producerId, UUID parcelId) {
        Parcel parcel = parcels.findById(parcelId);
        if (parcel == null || !parcel.producerId.equals(producer(producerId).id)) {
            throw ProblemException.notFound("Parcela", parcelId);
        }
        return parcel;
    }

    private Producer producer(UUID producerId) {
        user.requireProducerOrStaff(producerId, "Productor", producerId);
        return producers.findInOrganisation(user.organisationId(), producerId)
                .orElseThrow(() -> ProblemException.notFound("Productor", producerId));
    }
}
