package org.articula.lots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotRevision;
import org.articula.lots.domain.LotStatus;
import org.articula.lots.domain.LotsProblem;
import org.articula.lots.domain.Operator;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.domain.QualityJudge;
import org.articula.lots.domain.QualityParameter;
import org.articula.lots.domain.Reading;
import org.articula.lots.domain.TermsVersion;
import org.articula.lots.mapping.LotMapper;
import org.articula.lots.repository.AgreementTermsRepository;
import org.articula.lots.repository.CentreRepository;
import org.articula.lots.repository.LotRepository;
import org.articula.lots.repository.LotWriter;
import org.articula.lots.repository.LotReferences;
import org.articula.lots.rest.dto.BatchResult;
import org.articula.lots.rest.dto.BatchResult.Item;
import org.articula.lots.rest.dto.BatchResult.Outcome;
import org.articula.lots.rest.dto.Correction;
import org.articula.lots.rest.dto.LotReceipt;
import org.articula.lots.rest.dto.LotRequest;
import org.articula.lots.rest.dto.Voiding;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
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
    /** Quantities are kept to the gram or millilitre, as the column stores them. */
    static final int QUANTITY_SCALE = 3;

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
        UUID organisation = user.organisationId();
        Context context = load(requests);
        List<Item> results = new ArrayList<>();
        List<Lot> created = new ArrayList<>();
        Map<UUID, Lot> inThisBatch = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            LotRequest request = requests.get(i);
            UUID id = request == null ? null : request.id();
            Problem unreadable = IndependentItems.unreadable(requests, i);
            if (unreadable != null) {
                results.add(new Item(i, id, Outcome.REFUSED, null, unreadable));
                continue;
            }
            try {
                checkShape(request);
                Lot existing = Optional.ofNullable(context.existing.get(id)).orElse(inThisBatch.get(id));
                if (existing != null) {
                    CollectionCentre at = context.centres.get(existing.centreId);
                    if (at == null || !organisation.equals(at.organisationId) || !sameDelivery(existing, request)) {
                        throw ProblemException.conflict("El id " + id + " ya identifica otro lote");
                    }
                    results.add(new Item(i, id, Outcome.UNCHANGED, LotMapper.receipt(existing), null));
                    continue;
                }
                Lot lot = newLot(request, context, organisation, now);
                created.add(lot);
                inThisBatch.put(id, lot);
                results.add(new Item(i, id, Outcome.CREATED, null, null));
            } catch (ProblemException e) {
                results.add(new Item(i, id, Outcome.REFUSED, null, e.problem()));
            }
        }
        writer.insert(created, created.stream().map(lot -> LotRevision.of(lot, LotRevision.Kind.RECORDED, null,
                context.operators.get(lot.recordedBy).name, now)).toList());
        List<EventEnvelope> events = new ArrayList<>(created.size());
        for (Lot lot : created) {
            events.add(envelope("LotRecorded", lot, null, null, context.operators.get(lot.recordedBy).name, now));
        }
        Map<String, String> producerOfLot = new HashMap<>();
        created.forEach(lot -> producerOfLot.put(lot.id.toString(), lot.producerId.toString()));
        outbox.publishAll(events, e -> producerOfLot.get(e.aggregateId())); // a producer's lots stay in order
        audit.recordAll("RECORDED", created.stream().map(lot -> new AuditTrail.Change(lot.organisationId, "Lot", lot.id,
                Map.of("centreId", lot.centreId, "verdict", lot.verdict, "quantity", lot.quantity))).toList());

        List<Item> answered = results.stream().map(item -> item.outcome() == Outcome.CREATED
                ? new Item(item.index(), item.id(), Outcome.CREATED, LotMapper.receipt(inThisBatch.get(item.id())), null)
                : item).toList();
        int createdCount = created.size();
        int refused = (int) answered.stream().filter(r -> r.outcome() == Outcome.REFUSED).count();
        return new BatchResult(requests.size(), createdCount, requests.size() - createdCount - refused, refused,
                answered);
    }

    /** Corrects quantity and/or readings and judges the lot again by the clause version it was judged by. */
    @Transactional
    public Lot correct(UUID id, Correction correction) {
        Lot lot = atOwnCentre(id);
        checkVersion(lot, correction.version());
        if (lot.isVoided()) {
            throw new ProblemException(LotsProblem.LOT_VOIDED, "El lote está anulado; no se corrige");
        }
        if (correction.quantity() == null && correction.readings() == null) {
            throw ProblemException.invalidField("quantity", "indique la cantidad o las lecturas corregidas");
        }
        AgreementTerms terms = agreements.findById(lot.agreementId);
        TermsVersion version = terms.version(lot.agreementVersion).orElseThrow();
        if (correction.readings() != null) {
            List<Violation> violations = readingProblems(correction.readings(), version.quality(), "readings");
            if (!violations.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, describe(violations), violations);
            }
        }
        LotReceipt before = LotMapper.receipt(lot);
        Instant now = clock.instant();
        if (correction.quantity() != null) {
            lot.quantity = correction.quantity().setScale(QUANTITY_SCALE);
        }
        if (correction.readings() != null) {
            lot.readings = List.copyOf(correction.readings());
        }
        lot.judge(QualityJudge.judge(version.quality(), lot.readings));
        return changed(lot, LotRevision.Kind.CORRECTED, before, correction.reason(), user.name(), now);
    }

    @Transactional
    public Lot voidLot(UUID id, Voiding voiding) {
        Lot lot = atOwnCentre(id);
        checkVersion(lot, voiding.version());
        if (lot.isVoided()) {
            throw new ProblemException(LotsProblem.LOT_VOIDED, "El lote ya está anulado");
        }
        LotReceipt before = LotMapper.receipt(lot);
        Instant now = clock.instant();
        lot.status = LotStatus.VOIDED;
        return changed(lot, LotRevision.Kind.VOIDED, before, voiding.reason(), user.name(), now);
    }

    // A correction or void: the next revision in the history, and its event with the lot before and after.
    private Lot changed(Lot lot, LotRevision.Kind kind, LotReceipt before, String reason, String by, Instant now) {
        lot.revision++;
        lot.updatedAt = now;
        lots.getEntityManager().persist(LotRevision.of(lot, kind, reason, by, now));
        lots.flush(); // the event carries the version the change produced
        String type = kind == LotRevision.Kind.VOIDED ? "LotVoided" : "LotCorrected";
        outbox.publishAll(List.of(envelope(type, lot, before, reason, by, now)), e -> lot.producerId.toString());
        audit.record(kind.name(), lot.organisationId, "Lot", lot.id, Map.of("revision", lot.revision, "reason", reason));
        return lot;
    }

    /** Everything a batch refers to, loaded once. */
    private record Context(Map<UUID, Lot> existing, Map<UUID, CollectionCentre> centres, Map<UUID, Operator> operators,
            Map<UUID, ProducerRef> producers, Map<UUID, List<AgreementTerms>> agreementsByParty) {

        /** The agreements naming this producer or their group: a handful, whatever the batch's size. */
        List<AgreementTerms> agreementsOf(ProducerRef producer) {
            List<AgreementTerms> own = agreementsByParty.getOrDefault(producer.id, List.of());
            List<AgreementTerms> group = producer.groupId == null ? List.of()
                    : agreementsByParty.getOrDefault(producer.groupId, List.of());
            if (group.isEmpty()) {
                return own;
            }
            return Stream.concat(own.stream(), group.stream()).distinct().toList();
        }
    }

    private Context load(List<LotRequest> requests) {
        List<LotRequest> present = requests.stream().filter(Objects::nonNull).toList();
        LotReferences.Found references = lotReferences.find(ids(present, LotRequest::centreId),
                ids(present, LotRequest::operatorId), ids(present, LotRequest::producerId), ids(present, LotRequest::id));
        // Only lots already stored (a retry) are loaded whole.
        Map<UUID, Lot> existing = references.existingLots().isEmpty() ? Map.of()
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
        return new Context(existing, centreMap, operatorMap, producerMap, byParty);
    }

    private Lot newLot(LotRequest request, Context context, UUID organisation, Instant now) {
        List<Violation> violations = new ArrayList<>();
        CollectionCentre centre = context.centres.get(request.centreId());
        if (centre == null || !organisation.equals(centre.organisationId)) { // lots only at the caller's centres
            violations.add(new Violation("centreId", "centro de acopio no registrado"));
        }
        Operator operator = context.operators.get(request.operatorId());
        if (operator == null || !operator.centreId.equals(request.centreId())) {
            violations.add(new Violation("operatorId", "no es operador de este centro de acopio"));
        }
        if (request.deliveredAt().isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("deliveredAt", "no puede ser futura"));
        }
        refuseIfAny(violations);

        LocalDate day = LocalDate.ofInstant(request.deliveredAt(), clock.getZone());
        ProducerRef producer = context.producers.get(request.producerId());
        if (producer == null || !producer.knownTo(organisation, context.agreementsOf(producer))) {
            throw new ProblemException(LotsProblem.UNKNOWN_PRODUCER, "El productor " + request.producerId()
                    + " no está registrado (o su registro aún no llegó de contratos); el lote no se registró",
                    List.of(new Violation("producerId", "productor desconocido")));
        }
        AgreementTerms agreement = agreementFor(producer, request.product(), day, centre, context.agreementsOf(producer));
        TermsVersion version = agreement.versionOn(day).orElseThrow();
        List<Violation> readingViolations = readingProblems(request.readings(), version.quality(), "readings");
        if (!agreement.unit.equals(request.unit())) {
            readingViolations.add(0, new Violation("unit", "el acuerdo mide " + request.product() + " en "
                    + agreement.unit));
        }
        refuseIfAny(readingViolations);

        Lot lot = new Lot();
        lot.id = request.id();
        lot.organisationId = agreement.organisationId;
        lot.centreId = centre.id;
        lot.producerId = producer.id;
        lot.product = request.product();
        lot.quantity = request.quantity().setScale(QUANTITY_SCALE);
        lot.unit = request.unit();
        lot.deliveredAt = stored(request.deliveredAt());
        lot.deliveryDate = day;
        lot.shift = request.shift();
        lot.agreementId = agreement.id;
        lot.agreementVersion = version.number();
        lot.readings = List.copyOf(request.readings());
        lot.judge(QualityJudge.judge(version.quality(), lot.readings));
        lot.status = LotStatus.RECORDED;
        lot.revision = 1;
        lot.recordedBy = operator.id;
        lot.recordedAt = now;
        lot.updatedAt = now;
        return lot;
    }

    /**
     * The agreement in force for the producer's product on the day among those the centre's
     * organisation is party to (as buyer or as the producers' organisation): a centre never records
     * lots into another organisation's agreements. Should a producer hold several, the lot is refused.
     */
    private static AgreementTerms agreementFor(ProducerRef producer, String product, LocalDate day,
            CollectionCentre centre, List<AgreementTerms> candidates) {
        List<AgreementTerms> inForce = candidates.stream()
                .filter(a -> a.product.equals(product) && a.covers(producer.id, producer.groupId) && a.inForceOn(day))
                .filter(a -> a.buyerId.equals(centre.organisationId) || a.organisationId.equals(centre.organisationId))
                .toList();
        if (inForce.isEmpty()) {
            throw new ProblemException(LotsProblem.NO_AGREEMENT_IN_FORCE, "El productor " + producer.name
                    + " no tiene un acuerdo vigente para " + product + " el " + day + "; el lote no se registró",
                    List.of(new Violation("producerId", "sin acuerdo vigente para " + product + " el " + day)));
        }
        if (inForce.size() > 1) {
            throw new ProblemException(LotsProblem.AMBIGUOUS_AGREEMENT, "El productor tiene " + inForce.size()
                    + " acuerdos vigentes para " + product + " el " + day + " y este centro no decide cuál",
                    List.of(new Violation("centreId", "no corresponde a un único acuerdo")));
        }
        return inForce.get(0);
    }

    private void checkShape(LotRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("lot", "no puede ser null");
        }
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<LotRequest> v : validator.validate(request)) {
            violations.add(new Violation(v.getPropertyPath().toString(), v.getMessage()));
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        refuseIfAny(violations);
    }

    // A reading of a clause parameter must carry the kind of value the parameter is judged on.
    private static List<Violation> readingProblems(List<Reading> readings, List<QualityParameter> clause,
            String prefix) {
        List<Violation> violations = new ArrayList<>();
        Map<String, QualityParameter> byCode = clause.stream()
                .collect(Collectors.toMap(QualityParameter::code, Function.identity()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            String at = prefix + "[" + i + "].";
            if (!seen.add(r.parameter())) {
                violations.add(new Violation(at + "parameter", "lectura repetida de " + r.parameter()));
            }
            if (r.value() == null && r.result() == null) {
                violations.add(new Violation(at + "value", "indique value (medida) o result (prueba)"));
                continue;
            }
            QualityParameter p = byCode.get(r.parameter());
            if (p != null && p.isBooleanTest() && r.result() == null) {
                violations.add(new Violation(at + "result", r.parameter() + " es una prueba: indique result true/false"));
            } else if (p != null && !p.isBooleanTest() && r.value() == null) {
                violations.add(new Violation(at + "value", r.parameter() + " se mide: indique value"));
            }
        }
        return violations;
    }

    // A retried request for a lot already stored matches what the device first sent.
    private static boolean sameDelivery(Lot lot, LotRequest r) {
        boolean fixed = lot.centreId.equals(r.centreId()) && lot.producerId.equals(r.producerId())
                && lot.product.equals(r.product()) && lot.deliveredAt.equals(stored(r.deliveredAt()))
                && lot.recordedBy.equals(r.operatorId()) && lot.unit.equals(r.unit())
                && Objects.equals(lot.shift, r.shift());
        if (!fixed || lot.revision > 1) {
            return fixed; // corrected since: the correction, not the retry, holds the current figures
        }
        return lot.quantity.compareTo(r.quantity()) == 0 && sameReadings(lot.readings, r.readings());
    }

    private static boolean sameReadings(List<Reading> stored, List<Reading> sent) {
        if (stored.size() != sent.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            Reading a = stored.get(i);
            Reading b = sent.get(i);
            if (!a.parameter().equals(b.parameter()) || !Objects.equals(a.result(), b.result())
                    || (a.value() == null) != (b.value() == null)
                    || (a.value() != null && a.value().compareTo(b.value()) != 0)) {
                return false;
            }
        }
        return true;
    }

    // PostgreSQL keeps microseconds; a device may send nanoseconds.
    private static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static void checkVersion(Lot lot, long version) {
        if (lot.version != version) {
            throw new ProblemException(ProblemType.CONCURRENT_MODIFICATION, "El lote cambió (versión " + lot.version
                    + "); vuelva a leerlo y repita el cambio");
        }
    }

    private EventEnvelope envelope(String type, Lot lot, LotReceipt before, String reason, String by, Instant now) {
        return EventEnvelope.create(type, 1, "Lot", lot.id.toString(), lot.organisationId, now,
                EventJson.forWriting(LotMapper.eventPayload(LotMapper.receipt(lot), before, reason, by)));
    }

    private static <T> List<UUID> ids(List<T> items, Function<T, UUID> id) {
        return items.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }

    private static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, describe(violations), violations);
        }
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }

    /** Every revision of a lot the caller can see, oldest first; another's lot is "not found". */
    public List<LotRevision> history(UUID lotId) {
        get(lotId);
        return lots.history(lotId);
    }
}
