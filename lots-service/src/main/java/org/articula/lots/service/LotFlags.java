package org.articula.lots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.Certificates;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotFlag;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.domain.RequiredCertification;
import org.articula.lots.domain.TermsVersion;
import org.articula.lots.repository.AgreementTermsRepository;
import org.articula.lots.repository.CertificateRepository;
import org.articula.lots.repository.ProducerRefRepository;

/**
 * A lot's flags, computed when it is read, not stored with its revision: a certificate valid on the delivery day
 * but recorded late clears the flag (docs/decisions/0030-certifications-and-parcels.md). Any number of lots are
 * judged with three queries (their agreements, producers and certificates), never one per lot; fewer when the
 * caller already holds the agreements and producers.
 */
@ApplicationScoped
public class LotFlags {

    @Inject
    AgreementTermsRepository agreements;
    @Inject
    ProducerRefRepository producers;
    @Inject
    CertificateRepository certificates;

    /** Each lot's flags by its id; an empty list for a lot with none. */
    public Map<UUID, List<LotFlag>> of(Collection<Lot> lots) {
        return of(lots, Map.of(), Map.of());
    }

    /**
     * The same, for lots whose agreements and producers the caller already holds (those missing are read): only
     * certificates are read then, and only when some lot's clause version requires a certification.
     */
    public Map<UUID, List<LotFlag>> of(Collection<Lot> lots, Map<UUID, AgreementTerms> knownTerms,
            Map<UUID, ProducerRef> knownProducers) {
        Judged judged = judge(lots, false, knownTerms, knownProducers);
        Map<UUID, List<LotFlag>> flags = new HashMap<>();
        for (Lot lot : lots) {
            flags.put(lot.id, judged.version(lot).flatMap(v -> judged.certificates.flag(lot, v,
                    judged.producers.get(lot.producerId))).map(List::of).orElse(List.of()));
        }
        return flags;
    }

    /**
     * For a shipment declared certified in {@code declared}: why each lot that cannot be sold under it cannot,
     * by lot id (lots missing from the map may enter).
     */
    public Map<UUID, String> refusals(String declared, Collection<Lot> lots) {
        RequiredCertification scheme = RequiredCertification.declared(declared);
        Judged judged = judge(lots, true, Map.of(), Map.of());
        Map<UUID, String> refusals = new HashMap<>();
        for (Lot lot : lots) {
            TermsVersion version = judged.version(lot)
                    .orElse(new TermsVersion(lot.agreementVersion, lot.deliveryDate, lot.deliveryDate, List.of()));
            judged.certificates.refusal(scheme, lot, version, judged.producers.get(lot.producerId))
                    .ifPresent(reason -> refusals.put(lot.id, reason));
        }
        return refusals;
    }

    private record Judged(Map<UUID, AgreementTerms> agreements, Map<UUID, ProducerRef> producers,
            Certificates certificates) {

        Optional<TermsVersion> version(Lot lot) {
            return Optional.ofNullable(agreements.get(lot.agreementId)).flatMap(a -> a.version(lot.agreementVersion));
        }
    }

    // Producers and certificates are read only when some lot's clause version requires a certification, or always;
    // agreements and producers only when not given.
    private Judged judge(Collection<Lot> lots, boolean always, Map<UUID, AgreementTerms> knownTerms,
            Map<UUID, ProducerRef> knownProducers) {
        Map<UUID, AgreementTerms> terms = referred(knownTerms, lots, l -> l.agreementId, agreements::byIds);
        Judged none = new Judged(terms, Map.of(), new Certificates(List.of()));
        if (!always && lots.stream().noneMatch(l -> none.version(l)
                .flatMap(TermsVersion::requiredCertification).isPresent())) {
            return none;
        }
        Map<UUID, ProducerRef> byId = referred(knownProducers, lots, l -> l.producerId, producers::byIds);
        Set<UUID> holders = new HashSet<>();
        byId.values().forEach(p -> {
            holders.add(p.organisationId);
            holders.add(p.groupId);
        });
        holders.remove(null);
        return new Judged(terms, byId, new Certificates(certificates.heldByAny(byId.keySet(), holders)));
    }

    // What the lots refer to: the entries known, the others read in one query (none when nothing is missing).
    private static <T> Map<UUID, T> referred(Map<UUID, T> known, Collection<Lot> lots, Function<Lot, UUID> ref,
            Function<Set<UUID>, Map<UUID, T>> read) {
        Map<UUID, T> referred = new HashMap<>();
        Set<UUID> missing = new HashSet<>();
        lots.stream().map(ref).filter(Objects::nonNull).distinct().forEach(id -> {
            T found = known.get(id);
            if (found == null) {
                missing.add(id);
            } else {
                referred.put(id, found);
            }
        });
        if (!missing.isEmpty()) {
            referred.putAll(read.apply(missing));
        }
        return referred;
    }
}
