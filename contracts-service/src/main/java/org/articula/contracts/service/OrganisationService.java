package org.articula.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.contracts.domain.NationalId;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.domain.OrganisationKind;
import org.articula.contracts.mapping.ContractsMapper;
import org.articula.contracts.mapping.OrganisationEvents;
import org.articula.contracts.repository.OrganisationRepository;
import org.articula.contracts.rest.dto.OrganisationRequest;
import org.articula.contracts.rest.dto.OrganisationUpdate;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.Problem;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;
import org.articula.platform.security.CurrentUser;

@ApplicationScoped
public class OrganisationService {

    @Inject
    OrganisationRepository organisations;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail audit;
    @Inject
    Outbox outbox;

    public Organisation get(UUID id) {
        return organisations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organización", id));
    }

    /** The caller's organisation or one of its producer groups; anything else is "not found". */
    public Organisation visible(UUID id) {
        Organisation organisation = get(id);
        if (!user.actsFor(organisation.id) && !user.actsFor(organisation.parentId)) {
            throw ProblemException.notFound("Organización", id);
        }
        return organisation;
    }

    /** The caller's own organisation, named in a URL: another one's is "not found". */
    public Organisation own(UUID id) {
        user.requireOrganisation(id, "Organización", id);
        return get(id);
    }

    /**
     * Registers an organisation and announces it (OrganisationRegistered: other services keep its name); the
     * same request again answers with what is stored and publishes nothing.
     */
    @Transactional
    public Created<Organisation> register(OrganisationRequest request) {
        // A user registers their own organisation (its id comes with their token) and its producer groups.
        if (request.kind() != OrganisationKind.PRODUCER_GROUP) {
            user.requireOrganisation(request.id(), "Organización", request.id());
        } else if (request.parentId() != null && !user.actsFor(request.parentId())) {
            throw ProblemException.invalidField("parentId", "debe ser una asociación o cooperativa registrada");
        }
        Organisation sameRuc = request.ruc() == null
                ? null
                : organisations.find("ruc", request.ruc()).firstResult();
        // The same request, committed by a concurrent twin between the two reads, is found by its RUC only.
        Organisation existing = sameRuc != null && sameRuc.id.equals(request.id())
                ? sameRuc
                : organisations.findById(request.id());
        if (existing != null) {
            return Created.repeatOrConflict(existing, sameAs(existing, request),
                    "El id " + request.id() + " ya identifica otra organización");
        }
        String rucProblem = request.ruc() == null ? null : NationalId.problemWith(request.ruc());
        if (rucProblem != null) {
            throw ProblemException.invalidField("ruc", rucProblem);
        }
        if (sameRuc != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Ya existe una organización con RUC " + request.ruc(),
                    List.of(new Problem.Violation("ruc", "ya registrado")));
        }
        checkParent(request);
        Organisation organisation = ContractsMapper.newOrganisation(request, clock.instant());
        organisations.persist(organisation);
        outbox.publish(OrganisationEvents.registered(organisation));
        audit.record("REGISTERED", user.organisationId(), "Organisation", organisation.id,
                Map.of("name", organisation.name, "kind", organisation.kind));
        return Created.first(organisation);
    }

    /** New name, RUC and place for the caller's organisation or one of its groups; kind and parent stay. */
    @Transactional
    public Organisation update(UUID id, OrganisationUpdate update) {
        Organisation organisation = visible(id);
        if (organisation.version != update.version()) {
            throw new ProblemException(ProblemType.CONCURRENT_MODIFICATION, "La organización cambió (versión "
                    + organisation.version + "); vuelva a leerla y repita el cambio");
        }
        if (update.ruc() != null && !update.ruc().equals(organisation.ruc)) {
            String rucProblem = NationalId.problemWith(update.ruc());
            if (rucProblem != null) {
                throw ProblemException.invalidField("ruc", rucProblem);
            }
            if (organisations.find("ruc", update.ruc()).firstResultOptional().isPresent()) {
                throw new ProblemException(ProblemType.CONFLICT, "Ya existe una organización con RUC " + update.ruc(),
                        List.of(new Problem.Violation("ruc", "ya registrado")));
            }
        }
        organisation.name = update.name().strip();
        organisation.ruc = update.ruc();
        organisation.district = update.district();
        organisation.region = update.region();
        organisations.flush(); // the answer carries the new version
        audit.record("UPDATED", user.organisationId(), "Organisation", organisation.id,
                Map.of("version", organisation.version));
        return organisation;
    }

    /**
     * Who can buy under an agreement of the caller's producers: the caller itself (a cooperative buys
     * its members' produce) and the buyers of its agreements so far; with a RUC, the registered
     * organisation holding it, to start with a new buyer. A producer group never buys.
     */
    public List<Organisation> buyers(String ruc) {
        if (ruc != null) {
            String problem = ruc.strip().length() != 11 ? "un RUC tiene 11 dígitos" : NationalId.problemWith(ruc);
            if (problem != null) {
                throw ProblemException.invalidField("ruc", problem);
            }
            return organisations.find("ruc = ?1 and kind <> ?2", ruc.strip(), OrganisationKind.PRODUCER_GROUP).list();
        }
        List<Organisation> buyers = new ArrayList<>();
        organisations.findByIdOptional(user.organisationId()).filter(o -> o.kind != OrganisationKind.PRODUCER_GROUP)
                .ifPresent(buyers::add);
        organisations.buyersOf(user.organisationId()).stream().filter(o -> !buyers.contains(o)).forEach(buyers::add);
        return buyers;
    }

    // A producer group ("red") lives inside an association or cooperative; nothing else has a parent.
    private void checkParent(OrganisationRequest request) {
        if (request.kind() != OrganisationKind.PRODUCER_GROUP) {
            if (request.parentId() != null) {
                throw ProblemException.invalidField("parentId",
                        "solo un grupo de productores pertenece a otra organización");
            }
            return;
        }
        if (request.parentId() == null) {
            throw ProblemException.invalidField("parentId",
                    "un grupo de productores debe indicar su asociación o cooperativa");
        }
        Organisation parent = organisations.findById(request.parentId());
        if (parent == null
                || (parent.kind != OrganisationKind.ASSOCIATION && parent.kind != OrganisationKind.COOPERATIVE)) {
            throw ProblemException.invalidField("parentId", "debe ser una asociación o cooperativa registrada");
        }
    }

    private static boolean sameAs(Organisation o, OrganisationRequest r) {
        return o.name.equals(r.name().strip()) && o.kind == r.kind() && Objects.equals(o.ruc, r.ruc())
                && Objects.equals(o.parentId, r.parentId()) && Objects.equals(o.district, r.district())
                && Objects.equals(o.region, r.region());
    }

    /** A page of the caller's own organisations (itself and its groups), by kind and words of the name. */
    public List<Organisation> ownPage(OrganisationKind kind, String query, int page, int size) {
        return organisations.ownPage(user.organisationId(), kind, query, page, size);
    }

    /** The names of the organisations with these ids (those that exist). */
    public Map<UUID, String> namesOf(Set<UUID> ids) {
        return ids.isEmpty()
                ? Map.of()
                : organisations.<Organisation>list("id in ?1", ids)
                        .stream().collect(Collectors.toMap(o -> o.id, o -> o.name));
    }
}
