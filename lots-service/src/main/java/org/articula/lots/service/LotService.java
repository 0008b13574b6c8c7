package org.articula.lots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.CollectionCentre;
import org.articula.lots.domain.Delivery;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotFlag;
import org.articula.lots.domain.LotRevision;
import org.articula.lots.domain.LotsProblem;
import org.articula.lots.domain.Operator;
import org.articula.lots.domain.Parcel;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.mapping.LotEvents;
import org.articula.lots.mapping.LotMapper;
import org.articula.lots.repository.AgreementTermsRepository;
import org.articula.lots.repository.CentreRepository;
import org.articula.lots.repository.LotReferences;
import org.articula.lots.repository.LotRepository;
import org.articula.lots.repository.LotWriter;
import org.articula.lots.repository.ParcelRepository;
import org.articula.lots.rest.dto.BatchResult;
import org.articula.lots.rest.dto.BatchResult.Item;
import org.articula.lots.rest.dto.Correction;
import org.articula.lots.rest.dto.LotReceipt;
import org.articula.lots.rest.dto.LotRequest;
import org.articula.lots.rest.dto.Voiding;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.input.IndependentItems;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.Problem;
import org.articula.platform.problem.Problem.Violation;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;
import org.articula.platform.security.CurrentUser;

/**
 * Records lots and judges them on the spot, one or thousands at a time. A batch is checked lot by
 * lot against what is loaded for the whole batch in a few queries (existing lots, centres,
 * operators, producers, agreements), then stored and published in batched inserts.
 */
@ApplicationScoped
public class LotService {

    /** A device clock a little ahead is tolerated; a delivery further in the future is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    @Inject
    LotRepository lots;
    @Inject
    LotWriter writer;
    @Inject
    CentreRepository centres;
    @Inject
    LotReferences lotReferences;
    @Inject
    AgreementTermsRepository agreements;
    @Inject
    Outbox outbox;
    private final Validator validator;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail audit;
    @Inject
    LotFlags lotFlags;
    @Inject
    ParcelRepository parcels;

    /**
     * Requests are plain records, never JPA entities, so the validator need not ask JPA whether each
     * property is loaded before checking it; with thousands of lots a batch, that asking was a third of
     * the CPU of recording them.
     */
    @Inject
    public LotService(ValidatorFactory validators) {
        this.validator = validators.usingContext().traversableResolver(new EveryPropertyReachable()).getValidator();
    }

    private static final class EveryPropertyReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                ElementType elementType) {
            return true;
        }
    }

    /**
     * A lot the caller may see: one of their organisation's (it pays the producer) or recorded at one
     * of its centres; a producer sees only their own. Anything else is "not found".
     */
    public Lot get(UUID id) {
        return lots.findByIdOptional(id).filter(this::visible).orElseThrow(() -> ProblemException.notFound("Lote", id));
    }

    private boolean visible(Lot lot) {
        if (user.isOnlyProducer()) {
            return user.actsFor(lot.organisationId) && user.producerId().map(lot.producerId::equals).orElse(false);
        }
        return user.actsFor(lot.organisationId) || user.actsFor(centres.findById(lot.centreId).organisationId);
    }

    /** Only the centre where a lot was recorded corrects or voids it. */
    private Lot atOwnCentre(UUID id) {
        Lot lot = get(id);
        if (!user.actsFor(centres.findById(lot.centreId).organisationId)) {
            throw ProblemException.forbidden("Solo el centro de acopio que registró el lote " + id + " lo cambia");
        }
        return lot;
    }

    /** Records every acceptable lot of the batch; each result says CREATED, UNCHANGED or REFUSED and why. */
    @Transactional
    public BatchResult record(List<LotRequest> requests) {
        Instant now = clock.instant();
        Context context = load(requests);
        Map<UUID, Lot> created = new LinkedHashMap<>();
        List<Item> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            results.add(recordOne(requests, i, context, created, now));
        }
        store(List.copyOf(created.values()), context);
        return LotMapper.batchResult(flagged(results, created, context));
    }

    // The receipts with their lots' flags, judged for the whole batch at once by the agreements and producers the
    // batch loaded: only certificates are read, and only if a clause version requires a certification.
    private List<Item> flagged(List<Item> results, Map<UUID, Lot> created, Context context) {
        Map<UUID, Lot> answered = new LinkedHashMap<>();
        for (Item item : results) {
            if (item.receipt() != null) {
                answered.put(item.id(), Optional.ofNullable(created.get(item.id())).orElse(context.existing.get(
                        item.id())));
            }
        }
        Map<UUID, List<LotFlag>> flags = lotFlags.of(answered.values(), context.agreementsById(), context.producers);
        return results.stream().map(i -> i.receipt() == null ? i : LotMapper.flagged(i, answered.get(i.id()), flags))
                .toList();
    }

    /** The lot as the API shows it, with its flags as of now. */
    public LotReceipt receipt(Lot lot) {
        return LotMapper.receipt(lot, lotFlags.of(List.of(lot)));
    }

    // One lot of the batch: refused, a retry of a lot already stored (or earlier in the batch), or new.
    private Item recordOne(List<LotRequest> requests, int index, Context context, Map<UUID, Lot> created,
            Instant now) {
        LotRequest request = requests.get(index);
        UUID id = request == null ? null : request.id();
        Problem unreadable = IndependentItems.unreadable(requests, index);
        if (unreadable != null) {
            return LotMapper.refused(index, id, unreadable);
        }
        try {
            checkShape(request);
            Delivery delivery = LotMapper.delivery(request);
            Lot existing = Optional.ofNullable(context.existing.get(id)).orElse(created.get(id));
            if (existing != null) {
                CollectionCentre at = context.centres.get(existing.centreId);
                if (at == null || !context.organisation.equals(at.organisationId) || !existing.isRetryOf(delivery)) {
                    throw ProblemException.conflict("El id " + id + " ya identifica otro lote");
                }
                return LotMapper.repeated(index, existing);
            }
            Lot lot = newLot(delivery, context, now);
            created.put(id, lot);
            return LotMapper.recorded(index, lot);
        } catch (ProblemException e) {
            return LotMapper.refused(index, id, e.problem());
        }
    }

    // The new lots (each its own first revision), their events (a producer's lots stay in order) and audit.
    private void store(List<Lot> created, Context context) {
        List<LotRevision> revisions = created.stream()
                .map(lot -> lot.asRecorded(context.operators.get(lot.recordedBy).name)).toList();
        writer.insert(created);
        Map<String, Lot> byId = created.stream().collect(Collectors.toMap(lot -> lot.id.toString(), lot -> lot));
        outbox.publishAll(revisions.stream().map(r -> LotEvents.recorded(byId.get(r.lotId.toString()), r)).toList(),
                e -> LotEvents.key(byId.get(e.aggregateId())));
        audit.recordAll("RECORDED", created.stream().map(lot -> new AuditTrail.Change(lot.organisationId, "Lot", lot.id,
                Map.of("centreId", lot.centreId, "verdict", lot.figures.verdict, "quantity", lot.figures.quantity)))
                .toList());
    }

    /** Corrects quantity and/or readings; the lot judges itself again by the clause version it was judged by. */
    @Transactional
    public Lot correct(UUID id, Correction correction) {
        Lot lot = atOwnCentre(id);
        checkVersion(lot, correction.version());
        LotReceipt before = LotMapper.receipt(lot);
        AgreementTerms terms = agreements.findById(lot.agreementId);
        if (correction.parcelId() != null) {
            refuseIfAny(parcelRefusals(parcels.findById(correction.parcelId()), correction.parcelId(), lot.producerId,
                    lot.product));
        }
        return changed(lot, before, lot.correct(terms, correction.quantity(), correction.readings(),
                correction.parcelId(), correction.reason(), user.name(), clock.instant()));
    }

    @Transactional
    public Lot voidLot(UUID id, Voiding voiding) {
        Lot lot = atOwnCentre(id);
        checkVersion(lot, voiding.version());
        LotReceipt before = LotMapper.receipt(lot);
        return changed(lot, before, lot.voidLot(voiding.reason(), user.name(), clock.instant()));
    }

    // A correction or void: its revision stored, its event with the lot before and after, its audit entry.
    private Lot changed(Lot lot, LotReceipt before, LotRevision revision) {
        lots.getEntityManager().persist(revision);
        lots.flush(); // the event carries the version the change produced
        outbox.publishAll(List.of(LotEvents.changed(lot, revision, before)), e -> LotEvents.key(lot));
        audit.record(revision.kind.name(), lot.organisationId, "Lot", lot.id,
                Map.of("revision", lot.revision, "reason", revision.reason));
        return lot;
    }

    /** Everything a batch refers to, loaded once. */
    private record Context(UUID organisation, Map<UUID, Lot> existing, Map<UUID, CollectionCentre> centres,
            Map<UUID, Operator> operators, Map<UUID, ProducerRef> producers,
            Map<UUID, List<AgreementTerms>> agreementsByParty, Map<UUID, Parcel> parcels) {

        /** The agreements naming this producer or their group: a handful, whatever the batch's size. */
        List<AgreementTerms> agreementsOf(ProducerRef producer) {
            List<AgreementTerms> own = agreementsByParty.getOrDefault(producer.id, List.of());
            List<AgreementTerms> group = producer.groupId == null
                    ? List.of()
                    : agreementsByParty.getOrDefault(producer.groupId, List.of());
            if (group.isEmpty()) {
                return own;
            }
            return Stream.concat(own.stream(), group.stream()).distinct().toList();
        }

        Map<UUID, AgreementTerms> agreementsById() {
            Map<UUID, AgreementTerms> byId = new HashMap<>();
            agreementsByParty.values().forEach(terms -> terms.forEach(t -> byId.put(t.id, t)));
            return byId;
        }
    }

    private Context load(List<LotRequest> requests) {
        List<LotRequest> present = requests.stream().filter(Objects::nonNull).toList();
        LotReferences.Found references = lotReferences.find(ids(present, LotRequest::centreId),
                ids(present, LotRequest::operatorId), ids(present, LotRequest::producerId),
                ids(present, LotRequest::id));
        // Only lots already stored (a retry) are loaded whole.
        Map<UUID, Lot> existing = references.existingLots().isEmpty()
                ? Map.of()
                : lots.findExisting(references.existingLots()).stream()
                        .collect(Collectors.toMap(l -> l.id, Function.identity()));
        Map<UUID, CollectionCentre> centreMap = references.centres();
        Map<UUID, Operator> operatorMap = references.operators();
        Map<UUID, ProducerRef> producerMap = references.producers();
        Set<UUID> groups = producerMap.values().stream().map(p -> p.groupId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, List<AgreementTerms>> byParty = new HashMap<>();
        for (AgreementTerms terms : agreements.coveringAny(producerMap.keySet(), groups)) {
            for (UUID party : Arrays.asList(terms.producerId, terms.groupId)) {
                if (party != null) {
                    byParty.computeIfAbsent(party, k -> new ArrayList<>()).add(terms);
                }
            }
        }
        return new Context(user.organisationId(), existing, centreMap, operatorMap, producerMap, byParty,
                parcels.byIds(ids(present, LotRequest::parcelId)));
    }

    // A new lot, once what the delivery refers to is the caller's and known; the lot judges itself.
    private Lot newLot(Delivery delivery, Context context, Instant now) {
        UUID organisation = context.organisation;
        List<Violation> violations = new ArrayList<>();
        CollectionCentre centre = context.centres.get(delivery.centreId());
        if (centre == null || !organisation.equals(centre.organisationId)) { // lots only at the caller's centres
            violations.add(new Violation("centreId", "centro de acopio no registrado"));
        }
        Operator operator = context.operators.get(delivery.operatorId());
        if (operator == null || !operator.centreId.equals(delivery.centreId())) {
            violations.add(new Violation("operatorId", "no es operador de este centro de acopio"));
        }
        if (delivery.deliveredAt().isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("deliveredAt", "no puede ser futura"));
        }
        if (delivery.parcelId() != null) {
            violations.addAll(parcelRefusals(context.parcels.get(delivery.parcelId()), delivery.parcelId(),
                    delivery.producerId(), delivery.product()));
        }
        refuseIfAny(violations);
        LocalDate day = LocalDate.ofInstant(delivery.deliveredAt(), clock.getZone());
        ProducerRef producer = context.producers.get(delivery.producerId());
        if (producer == null || !producer.knownTo(organisation, context.agreementsOf(producer))) {
            throw new ProblemException(LotsProblem.UNKNOWN_PRODUCER, "El productor " + delivery.producerId()
                    + " no está registrado (o su registro aún no llegó de contratos); el lote no se registró",
                    List.of(new Violation("producerId", "productor desconocido")));
        }
        AgreementTerms agreement = producer.agreementInForce(delivery.product(), day, centre.organisationId,
                context.agreementsOf(producer));
        return Lot.record(delivery, agreement, day, now);
    }

    private void checkShape(LotRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("lot", "no puede ser null");
        }
        refuseIfAny(Violation.sorted(validator.validate(request)));
    }

    private static List<Violation> parcelRefusals(Parcel parcel, UUID parcelId, UUID producerId, String product) {
        Violation refusal = Parcel.refusal(parcel, parcelId, producerId, product);
        return refusal == null ? List.of() : List.of(refusal);
    }

    private static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, violations.stream()
                    .map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")), violations);
        }
    }

    private static void checkVersion(Lot lot, long version) {
        if (lot.version != version) {
            throw new ProblemException(ProblemType.CONCURRENT_MODIFICATION, "El lote cambió (versión " + lot.version
                    + "); vuelva a leerlo y repita el cambio");
        }
    }

    private static <T> List<UUID> ids(List<T> items, Function<T, UUID> id) {
        return items.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }

    /** Every revision of a lot the caller can see, oldest first; another's lot is "not found". */
    public List<LotRevision> history(UUID lotId) {
        get(lotId);
        return lots.history(lotId);
    }
}
