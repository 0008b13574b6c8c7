package org.articula.lots.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.articula.platform.problem.Problem.Violation;

/** A producer as lots-service knows it from contracts events. */
@Entity
@Table(name = "producer_ref")
public class ProducerRef {

    @Id
    public UUID id;

    public UUID organisationId;

    public UUID groupId;

    public String nationalId;

    public String name;

    public long revision;

    /**
     * Whether an organisation deals with this producer: the producer is one of its own, or party to one
     * of its agreements ({@code covering}: those naming the producer or their group) as producers'
     * organisation or buyer. Anyone else's producer is unknown to it, answered exactly like an id never
     * registered, so a refusal neither confirms that the producer exists nor shows their name.
     */
    public boolean knownTo(UUID organisation, Collection<AgreementTerms> covering) {
        return organisationId.equals(organisation) || covering.stream()
                .anyMatch(a -> organisation.equals(a.organisationId) || organisation.equals(a.buyerId));
    }

    /**
     * The agreement this producer delivers the product under on the day, among those the centre's
     * organisation is party to (as buyer or as the producers' organisation): a centre never records
     * lots into another organisation's agreements. None, or several (the centre does not pick one),
     * refuses the lot.
     */
    public AgreementTerms agreementInForce(String product, LocalDate day, UUID centreOrganisation,
            Collection<AgreementTerms> candidates) {
        List<AgreementTerms> inForce = candidates.stream()
                .filter(a -> a.product.equals(product) && a.covers(id, groupId) && a.inForceOn(day))
                .filter(a -> a.buyerId.equals(centreOrganisation) || a.organisationId.equals(centreOrganisation))
                .toList();
        if (inForce.isEmpty()) {
            throw LotRuleException.refused(LotsProblem.NO_AGREEMENT_IN_FORCE, "El productor " + name
                    + " no tiene un acuerdo vigente para " + product + " el " + day + "; el lote no se registró",
                    new Violation("producerId", "sin acuerdo vigente para " + product + " el " + day));
        }
        if (inForce.size() > 1) {
            throw LotRuleException.refused(LotsProblem.AMBIGUOUS_AGREEMENT, "El productor tiene " + inForce.size()
                    + " acuerdos vigentes para " + product + " el " + day + " y este centro no decide cuál",
                    new Violation("centreId", "no corresponde a un único acuerdo"));
        }
        return inForce.get(0);
    }
}
