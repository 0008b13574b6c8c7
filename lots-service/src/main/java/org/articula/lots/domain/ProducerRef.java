package org.articula.lots.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.UUID;

/** A producer as lots-service knows it from contracts events. */
@Entity
@Table(name = "producer_ref")
public class ProducerRef {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "national_id", nullable = false)
    public String nationalId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
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
}
