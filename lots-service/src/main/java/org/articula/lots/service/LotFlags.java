package org.articula.lots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
 * judged with three queries (their agreements, producers and certificates), never one per lot.
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
        Judged judged = judge(lots, false);
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
        Judged judged = judge(lots, true);
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

    // Producers and certificates are read only when some lot's clause version requires a certification, or always.
    private Judged judge(Collection<Lot> lots, boolean always) {
        Map<UUID, AgreementTerms> terms = agreements.byIds(lots.stream().map(l -> l.agreementId)
                .collect(Collectors.toSet()));
        Judged none = new Judged(terms, Map.of(), new Certificates(List.of()));
        if (!always && lots.stream().noneMatch(l -> none.version(l)
                .flatMap(TermsVersion::requiredCertification).isPresent())) {
            return none;
        }
        Map<UUID, ProducerRef> byId = producers.byIds(lots.stream().map(l -> l.producerId)
                .collect(Collectors.toSet()));
        Set<UUID> holders = new HashSet<>();
        byId.values().forEach(p -> {
            holders.add(p.organisationId);
            holders.add(p.groupId);
        });
        holders.remove(null);
        return new Judged(terms, byId, new Certificates(certificates.heldByAny(byId.keySet(), holders)));
    }
}
