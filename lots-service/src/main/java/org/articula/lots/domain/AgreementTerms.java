package org.articula.lots.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An agreement as lots-service knows it from contracts events: who it covers, the days it is in
 * force, and the quality clause of each version. Kept at the highest revision seen.
 */
@Entity
@Table(name = "agreement_terms")
public class AgreementTerms {

    @Id
    public UUID id;

    public UUID organisationId;

    public UUID buyerId;

    public String counterpartyType;

    public UUID producerId;

    public UUID groupId;

    public String product;

    public String unit;

    public LocalDate startDate;

    public LocalDate endDate;

    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<DayRange> periodsInForce;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<TermsVersion> versions;

    public long revision;

    public Instant updatedAt;

    public boolean inForceOn(LocalDate day) {
        return periodsInForce.stream().anyMatch(p -> p.contains(day));
    }

    public Optional<TermsVersion> versionOn(LocalDate day) {
        return versions.stream().filter(v -> v.governs(day)).findFirst();
    }

    public Optional<TermsVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** Whether a producer (in the given group, or none) sells under this agreement. */
    public boolean covers(UUID producer, UUID producersGroup) {
        return producer.equals(producerId) || (groupId != null && groupId.equals(producersGroup));
    }

    /** Takes every field of a newer revision of the same agreement. */
    public void replaceWith(AgreementTerms newer) {
        organisationId = newer.organisationId;
        buyerId = newer.buyerId;
        counterpartyType = newer.counterpartyType;
        producerId = newer.producerId;
        groupId = newer.groupId;
        product = newer.product;
        unit = newer.unit;
        startDate = newer.startDate;
        endDate = newer.endDate;
        status = newer.status;
        periodsInForce = newer.periodsInForce;
        versions = newer.versions;
        revision = newer.revision;
        updatedAt = newer.updatedAt;
    }
}
