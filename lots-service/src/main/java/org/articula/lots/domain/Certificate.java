package org.articula.lots.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A certificate as lots-service knows it from contracts events: held by one producer, or by an organisation or
 * network (a group certificate) covering every producer registered in it or in it as their network.
 */
@Entity
@Table(name = "certification_ref")
public class Certificate {

    @Id
    public UUID id;

    /** The organisation that keeps it (the one registering the producers it concerns). */
    public UUID organisationId;

    public UUID producerId;

    public UUID holderOrganisationId;

    public String scheme;

    public String schemeName;

    public String certifier;

    public String code;

    /** Product codes in its scope. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> products;

    public LocalDate validFrom;

    /** Its last valid day, inclusive. */
    public LocalDate validTo;

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    public boolean covers(String product) {
        return products.contains(product);
    }

    /** Whether it is the producer's own, or held by the producer's organisation or network. */
    public boolean heldFor(ProducerRef producer) {
        if (producerId != null) {
            return producerId.equals(producer.id);
        }
        return holderOrganisationId.equals(producer.organisationId) || holderOrganisationId.equals(producer.groupId);
    }

    /** Whether it certifies, in the scheme required, the product the producer delivered on that day. */
    public boolean attests(RequiredCertification scheme, ProducerRef producer, String product, LocalDate day) {
        return scheme.isSatisfiedBy(this.scheme, schemeName) && heldFor(producer) && covers(product) && validOn(day);
    }
}
