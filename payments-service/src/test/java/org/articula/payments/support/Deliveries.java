package org.articula.payments.support;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.payments.support.Feed.LotState;
import org.articula.payments.support.Feed.Terms;

/**
 * One organisation's producers, each with an agreement with one buyer for one product, and their lots,
 * published through {@link Feed} as contracts-service and lots-service would; {@link #awaitAll} waits until
 * payments-service has every lot with its terms.
 */
public final class Deliveries {

    public static final LocalDate START = LocalDate.of(2026, 1, 1);
    public static final LocalDate END = LocalDate.of(2026, 12, 31);

    private final UUID organisation;
    private final UUID buyer;
    private final String product;
    private final String unit;
    private final Map<UUID, UUID> agreements = new HashMap<>();
    private int lots;

    public Deliveries(UUID organisation, UUID buyer, String product, String unit) {
        this.organisation = organisation;
        this.buyer = buyer;
        this.product = product;
        this.unit = unit;
    }

    /** A producer of the organisation with an individual agreement on these terms for the whole year. */
    public UUID producer(String name, Terms terms) {
        UUID producer = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        agreements.put(producer, agreement);
        Feed.publish(Feed.producer(producer, organisation, null, name, 0),
                Feed.agreement("AgreementActivated", agreement, organisation, buyer, "PRODUCER", producer, product, unit,
                        START, END, "ACTIVE", 1, List.<LocalDate[]>of(new LocalDate[] { START, END }), List.of(terms)));
        return producer;
    }

    public UUID agreementOf(UUID producer) {
        return agreements.get(producer);
    }

    /** A morning lot; a REJECTED one for solids below the minimum. */
    public LotState lot(UUID producer, LocalDate day, String quantity, String verdict) {
        LotState lot = new LotState(UUID.randomUUID(), organisation, UUID.randomUUID(), producer, product, quantity, unit,
                day.atTime(6, 30).atZone(ZoneId.of("America/Lima")).toInstant(), day, "MORNING", agreementOf(producer),
                1, Map.of(), verdict, verdict.equals("ACCEPTED") ? List.of() : List.of("total_solids bajo el mínimo 11.5"),
                "RECORDED", 1);
        Feed.publish(Feed.lotRecorded(lot));
        lots++;
        return lot;
    }

    /** Waits until payments-service holds every lot sent and the terms that price it. */
    public void awaitAll(EntityManager em) {
        int expected = lots;
        Feed.await(expected + " lots of " + organisation + " and their terms", () -> ((Number) em.createNativeQuery("""
                select count(*) from lot_ref l join terms_version v on v.agreement_id = l.agreement_id
                where l.organisation_id = :org""").setParameter("org", organisation).getSingleResult())
                .intValue() == expected);
    }
}
