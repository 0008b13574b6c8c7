package org.articula.contracts.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.articula.platform.problem.Problem.Violation;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A certificate (organic, Fairtrade, Rainforest Alliance...) held by one producer or by an organisation: a
 * cooperative's or network's group certificate covers every producer registered in it. It covers the products in its
 * scope from {@code validFrom} to {@code validTo}, both inclusive. Kept by the organisation that recorded it
 * ({@link #organisationId}, the tenant), whose producers it concerns.
 */
@Entity
@Table(name = "certification")
public class Certification {

    @Id
    public UUID id;

    /** The tenant: the organisation that keeps the certificate and registers the producers it concerns. */
    public UUID organisationId;

    /** The producer holding it, or null for an organisation's certificate. */
    public UUID producerId;

    /** The organisation (cooperative, association or network) holding it, or null for a producer's. */
    public UUID holderOrganisationId;

    @Enumerated(EnumType.STRING)
    public CertificationScheme scheme;

    /** The scheme's name for OTHER; null otherwise. */
    public String schemeName;

    public String certifier;

    /** Product codes it covers (cacao, coffee...). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> products;

    public String code;

    public LocalDate validFrom;

    public LocalDate validTo;

    public String documentRef;

    public String recordedBy;

    public Instant recordedAt;

    /** What the caller says of the certificate; exactly one of producerId and holderOrganisationId. */
    public record Facts(UUID id, UUID producerId, UUID holderOrganisationId, CertificationScheme scheme,
            String schemeName, String certifier, List<String> products, String code, LocalDate validFrom,
            LocalDate validTo, String documentRef) {
    }

    /**
     * A certificate as stated, or a 400 naming each field at fault: one holder, a name for an OTHER scheme (and
     * only for it), products without repeats and a validity that does not end before it starts.
     */
    public static Certification record(Facts facts, UUID tenant, String by, Instant at) {
        List<Violation> violations = new ArrayList<>();
        if ((facts.producerId() == null) == (facts.holderOrganisationId() == null)) {
            violations.add(new Violation("producerId", "indique el productor o la organización titular, uno solo"));
        }
        String nameProblem = facts.scheme().nameProblem(facts.schemeName());
        if (nameProblem != null) {
            violations.add(new Violation("schemeName", nameProblem));
        }
        if (facts.products().stream().distinct().count() != facts.products().size()) {
            violations.add(new Violation("products", "un producto figura más de una vez"));
        }
        if (facts.validTo().isBefore(facts.validFrom())) {
            violations.add(new Violation("validTo", "la vigencia termina (" + facts.validTo() + ") antes de empezar ("
                    + facts.validFrom() + ")"));
        }
        Refusals.refuseIfAny(violations);
        Certification c = new Certification();
        c.id = facts.id();
        c.organisationId = tenant;
        c.producerId = facts.producerId();
        c.holderOrganisationId = facts.holderOrganisationId();
        c.scheme = facts.scheme();
        c.schemeName = facts.schemeName() == null ? null : facts.schemeName().strip();
        c.certifier = facts.certifier().strip();
        c.products = List.copyOf(facts.products());
        c.code = facts.code().strip();
        c.validFrom = facts.validFrom();
        c.validTo = facts.validTo();
        c.documentRef = facts.documentRef() == null || facts.documentRef().isBlank()
                ? null
                : facts.documentRef().strip();
        c.recordedBy = by;
        c.recordedAt = at;
        return c;
    }

    /** Whether it is in force on {@code day}. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** Whether its scope includes the product. */
    public boolean covers(String product) {
        return products.contains(product);
    }

    /** Whether it is of this scheme ({@code otherName} tells OTHER schemes apart, case aside). */
    public boolean isOf(CertificationScheme wanted, String otherName) {
        return scheme == wanted && (wanted != CertificationScheme.OTHER || schemeName.equalsIgnoreCase(otherName));
    }

    public boolean expiredOn(LocalDate today) {
        return validTo.isBefore(today);
    }

    /** Whether a request with these facts is the one that recorded it (a retry). */
    public boolean sameAs(Facts f) {
        return Objects.equals(producerId, f.producerId())
                && Objects.equals(holderOrganisationId, f.holderOrganisationId()) && scheme == f.scheme()
                && Objects.equals(schemeName, f.schemeName() == null ? null : f.schemeName().strip())
                && certifier.equals(f.certifier().strip()) && products.equals(f.products())
                && code.equals(f.code().strip()) && validFrom.equals(f.validFrom()) && validTo.equals(f.validTo())
                && Objects.equals(documentRef, f.documentRef() == null || f.documentRef().isBlank()
                        ? null
                        : f.documentRef().strip());
    }
}
