package org.articula.lots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.articula.lots.domain.CollectionCentre;
import org.articula.lots.domain.Operator;
import org.articula.lots.mapping.LotMapper;
import org.articula.lots.repository.CentreRepository;
import org.articula.lots.repository.OperatorRepository;
import org.articula.lots.rest.dto.CentreRequest;
import org.articula.lots.rest.dto.OperatorRequest;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;

/** Collection centres and their operators; creates are idempotent by the client's id. */
@ApplicationScoped
public class CentreService {

    @Inject
    CentreRepository centres;
    @Inject
    OperatorRepository operators;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail audit;

    /** A centre of the caller's organisation; another organisation's is "not found". */
    public CollectionCentre get(UUID id) {
        return centres.findByIdOptional(id).filter(c -> user.actsFor(c.organisationId))
                .orElseThrow(() -> ProblemException.notFound("Centro de acopio", id));
    }

    @Transactional
    public Created<CollectionCentre> register(CentreRequest r) {
        user.requireOrganisation(r.organisationId(), "Organización", r.organisationId());
        CollectionCentre existing = centres.findById(r.id());
        if (existing != null) {
            boolean same = existing.organisationId.equals(r.organisationId()) && existing.name.equals(r.name().strip())
                    && existing.district.equals(r.district().strip()) && Objects.equals(existing.region, r.region());
            return Created.repeatOrConflict(existing, same,
                    "El id " + r.id() + " ya identifica otro centro de acopio");
        }
        CollectionCentre c = LotMapper.newCentre(r, clock.instant());
        centres.persist(c);
        audit.record("REGISTERED", c.organisationId, "CollectionCentre", c.id, Map.of("name", c.name));
        return Created.first(c);
    }

    @Transactional
    public Created<Operator> addOperator(UUID centreId, OperatorRequest r) {
        CollectionCentre centre = get(centreId);
        Operator existing = operators.findById(r.id());
        if (existing != null) {
            return Created.repeatOrConflict(existing,
                    existing.centreId.equals(centreId) && existing.name.equals(r.name().strip()),
                    "El id " + r.id() + " ya identifica otro operador");
        }
        Operator o = LotMapper.newOperator(centreId, r, clock.instant());
        operators.persist(o);
        audit.record("OPERATOR_ADDED", centre.organisationId, "CollectionCentre", centreId,
                Map.of("operatorId", o.id, "name", o.name));
        return Created.first(o);
    }

    /** The centres an organisation runs (the caller's right to see them is checked by the caller). */
    public List<CollectionCentre> ofOrganisation(UUID organisationId) {
        return centres.ofOrganisation(organisationId);
    }

    /** The operators of a centre the caller can see; another organisation's centre is "not found". */
    public List<Operator> operatorsAt(UUID centreId) {
        get(centreId);
        return operators.atCentre(centreId);
    }
}
