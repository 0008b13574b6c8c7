package org.articula.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.articula.contracts.domain.NationalId;
import org.articula.contracts.domain.NoticeChannel;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.domain.OrganisationKind;
import org.articula.contracts.domain.PeruvianMobile;
import org.articula.contracts.domain.Producer;
import org.articula.contracts.mapping.ContractsMapper;
import org.articula.contracts.mapping.ProducerEvents;
import org.articula.contracts.repository.OrganisationRepository;
import org.articula.contracts.repository.ProducerRepository;
import org.articula.contracts.rest.dto.ImportReport;
import org.articula.contracts.rest.dto.ProducerRequest;
import org.articula.contracts.rest.dto.ProducerUpdate;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.Problem.Violation;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;

/** Registers producers, one by one or from a CSV file, and tells other services through events. */
@ApplicationScoped
public class ProducerService {

    public static final int MAX_IMPORT_ROWS = 5000;

    @Inject
    ProducerRepository producers;
    @Inject
    OrganisationRepository organisations;
    @Inject
    OrganisationService organisationService;
    @Inject
    Outbox outbox;
    @Inject
    Validator validator;
    @Inject
    Clock clock;
    @Inject
    AuditTrail audit;

    public Producer get(UUID organisationId, UUID producerId) {
        organisationService.own(organisationId);
        return producers.findInOrganisation(organisationId, producerId)
                .orElseThrow(() -> ProblemException.notFound("Productor", producerId));
    }

    /** Registers a producer; the same request again answers with what is stored and publishes nothing. */
    @Transactional
    public Created<Producer> register(UUID organisationId, ProducerRequest request) {
        Organisation organisation = organisationService.own(organisationId);
        List<Violation> violations = check(organisation, request, "");
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, describe(violations), violations);
        }
        String number = request.nationalId().strip();
        Producer sameNumber = producers.findByNationalId(organisationId, number).orElse(null);
        // The same request, committed by a concurrent twin after the first read and before the second, is
        // found by its number only: it is this producer, not another one holding the number.
        Producer existing = sameNumber != null && sameNumber.id.equals(request.id())
                ? sameNumber
                : producers.findById(request.id());
        if (existing != null) {
            return Created.repeatOrConflict(existing,
                    existing.organisationId.equals(organisationId) && sameAs(existing, request),
                    "El id " + request.id() + " ya identifica a otro productor");
        }
        if (sameNumber != null) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "El DNI/RUC " + number + " ya está registrado para " + sameNumber.name,
                    List.of(new Violation("nationalId", "ya registrado en esta organización")));
        }
        Producer producer = ContractsMapper.newProducer(organisationId, request.id(), request, clock.instant());
        producers.persist(producer);
        outbox.publish(ProducerEvents.registered(producer, clock.instant()));
        audit.record("REGISTERED", organisationId, "Producer", producer.id, Map.of("name", producer.name));
        return Created.first(producer);
    }

    @Transactional
    public Producer update(UUID organisationId, UUID producerId, ProducerUpdate update) {
        Producer producer = get(organisationId, producerId);
        if (producer.version != update.version()) {
            throw new ProblemException(ProblemType.CONCURRENT_MODIFICATION, "El productor cambió (versión "
                    + producer.version + "); vuelva a leerlo y repita el cambio");
        }
        // Left out, the preferences stay as they are: a form that does not show them does not turn them off.
        boolean optIn = update.noticesOptIn() == null ? producer.noticesOptIn : update.noticesOptIn();
        if (optIn && PeruvianMobile.problemWith(update.phone()) != null) {
            throw ProblemException.invalidField("phone", PeruvianMobile.problemWith(update.phone()));
        }
        if (update.groupId() != null) {
            String problem = groupProblem(organisationId, update.groupId());
            if (problem != null) {
                throw ProblemException.invalidField("groupId", problem);
            }
        }
        producer.name = update.name().strip();
        producer.district = update.district().strip();
        producer.region = update.region();
        producer.phone = update.phone();
        producer.preferNotices(optIn, update.noticeChannel() == null ? producer.noticeChannel : update.noticeChannel());
        producer.groupId = update.groupId();
        producer.updatedAt = clock.instant();
        producers.flush(); // the new version goes into the event
        outbox.publish(ProducerEvents.updated(producer, clock.instant()));
        audit.record("UPDATED", organisationId, "Producer", producer.id, Map.of("version", producer.version));
        return producer;
    }

    /**
     * Imports producers from CSV with a header line. All rows are checked first; if any is refused,
     * nothing is stored and the problem lists every refused row as {@code rows[line].field}.
     * Importing the same file again changes nothing. Rows naming no group go to {@code groupId}, if given.
     */
    @Transactional
    public ImportReport importCsv(UUID organisationId, UUID groupId, String csv) {
        Organisation organisation = organisationService.own(organisationId);
        if (groupId != null && groupProblem(organisationId, groupId) != null) {
            throw ProblemException.invalidField("groupId", groupProblem(organisationId, groupId));
        }
        List<ProducerCsv.Row> rows = ProducerCsv.parse(csv, organisationId, groupId);
        if (rows.isEmpty()) {
            throw ProblemException.invalidField("file", "el archivo no tiene filas de productores");
        }
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw ProblemException.invalidField("file", "a lo más " + MAX_IMPORT_ROWS + " filas por archivo");
        }
        Map<String, Producer> registered = producers.findByNationalIds(organisationId,
                rows.stream().map(r -> r.request().nationalId().strip()).toList()).stream()
                .collect(Collectors.toMap(p -> p.nationalId.number(), Function.identity()));

        refuseIfAnyRowIsWrong(organisation, rows, registered);
        Instant now = clock.instant();
        List<ImportReport.Row> results = new ArrayList<>();
        List<Producer> created = new ArrayList<>();
        for (ProducerCsv.Row row : rows) {
            Producer existing = registered.get(row.request().nationalId().strip());
            if (existing != null) {
                results.add(new ImportReport.Row(row.line(), existing.nationalId.number(), existing.id,
                        ImportReport.Outcome.UNCHANGED));
                continue;
            }
            Producer producer = ContractsMapper.newProducer(organisationId, row.request().id(), row.request(), now);
            created.add(producer);
            results.add(new ImportReport.Row(row.line(), producer.nationalId.number(), producer.id,
                    ImportReport.Outcome.CREATED));
        }
        producers.persist(created);
        outbox.publishAll(created.stream().map(p -> ProducerEvents.registered(p, now)).toList());
        audit.recordAll("REGISTERED", created.stream().map(p -> new AuditTrail.Change(organisationId, "Producer", p.id,
                Map.of("name", p.name, "import", true))).toList());
        return new ImportReport(rows.size(), created.size(), rows.size() - created.size(), results);
    }

    // The whole file is refused when any row is wrong, so that a treasurer fixes it once and imports it again.
    private void refuseIfAnyRowIsWrong(Organisation organisation, List<ProducerCsv.Row> rows,
            Map<String, Producer> registered) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ProducerCsv.Row row : rows) {
            String prefix = "rows[" + row.line() + "].";
            List<Violation> rowViolations = check(organisation, row.request(), prefix);
            violations.addAll(rowViolations);
            String number = row.request().nationalId() == null ? "" : row.request().nationalId().strip();
            if (rowViolations.isEmpty() && !seen.add(number)) {
                violations.add(new Violation(prefix + "nationalId", "repetido en el archivo"));
            }
            Producer existing = registered.get(number);
            if (existing != null && rowViolations.isEmpty() && !sameAs(existing, row.request())) {
                violations.add(new Violation(prefix + "nationalId",
                        "ya registrado como " + existing.name + " con otros datos"));
            }
        }
        if (!violations.isEmpty()) {
            long refused = violations.stream().map(v -> v.field().substring(0, v.field().indexOf(']')))
                    .distinct().count();
            throw new ProblemException(ProblemType.VALIDATION, refused + " de " + rows.size()
                    + " filas tienen errores; no se importó ninguna", violations);
        }
    }

    /** Every problem with one producer request; field names carry {@code prefix}. */
    private List<Violation> check(Organisation organisation, ProducerRequest request, String prefix) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<ProducerRequest> v : validator.validate(request)) {
            violations.add(new Violation(prefix + v.getPropertyPath(), v.getMessage()));
        }
        if (request.nationalId() != null && !request.nationalId().isBlank()) {
            String problem = NationalId.problemWith(request.nationalId());
            if (problem != null) {
                violations.add(new Violation(prefix + "nationalId", problem));
            }
        }
        if (Boolean.TRUE.equals(request.noticesOptIn()) && PeruvianMobile.problemWith(request.phone()) != null) {
            violations.add(new Violation(prefix + "phone", PeruvianMobile.problemWith(request.phone())));
        }
        if (request.groupId() != null) {
            String problem = groupProblem(organisation.id, request.groupId());
            if (problem != null) {
                violations.add(new Violation(prefix + "groupId", problem));
            }
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return violations;
    }

    private String groupProblem(UUID organisationId, UUID groupId) {
        Organisation group = organisations.findById(groupId);
        if (group == null || group.kind != OrganisationKind.PRODUCER_GROUP || !organisationId.equals(group.parentId)) {
            return "no es un grupo de productores de esta organización";
        }
        return null;
    }

    /** Rows without an id get one derived from organisation and national id, so re-imports match. */
    static UUID idFor(UUID organisationId, String nationalId) {
        return UUID
                .nameUUIDFromBytes(("producer:" + organisationId + ":" + nationalId).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean sameAs(Producer p, ProducerRequest r) {
        return p.nationalId.number().equals(r.nationalId().strip()) && p.name.equals(r.name().strip())
                && p.district.equals(r.district().strip()) && Objects.equals(p.region, r.region())
                && Objects.equals(p.phone, r.phone()) && Objects.equals(p.groupId, r.groupId())
                && p.noticesOptIn == Boolean.TRUE.equals(r.noticesOptIn())
                && (!p.noticesOptIn
                        || p.noticeChannel == (r.noticeChannel() == null ? NoticeChannel.SMS : r.noticeChannel()));
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }

    /**
     * A page of the caller's organisation's producers by name, narrowed to a group or by words of the name or
     * DNI/RUC; another organisation is "not found".
     */
    public List<Producer> page(UUID organisationId, UUID groupId, String query, Collection<UUID> ids, int page,
            int size) {
        organisationService.own(organisationId);
        return producers.page(organisationId, groupId, query, ids, page, size);
    }

    /** The same page with what a spreadsheet shows beside it: the organisation's name and the networks' names. */
    public Listing listing(UUID organisationId, UUID groupId, String query, int page, int size) {
        Organisation organisation = organisationService.own(organisationId);
        List<Producer> found = producers.page(organisationId, groupId, query, List.of(), page, size);
        Set<UUID> groupIds = found.stream().map(p -> p.groupId).filter(Objects::nonNull).collect(Collectors.toSet());
        return new Listing(organisation.name, found, organisationService.namesOf(groupIds));
    }

    /** A page of producers, their organisation's name and their networks' names by id. */
    public record Listing(String organisationName, List<Producer> producers, Map<UUID, String> groupNames) {
    }
}
