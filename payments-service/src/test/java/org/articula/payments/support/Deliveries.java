package org.articula.payments.support;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.upstream.Lot;
import org.articula.localstack.testing.upstream.ProducerEvents;
import org.articula.localstack.testing.upstream.Terms;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;

/**
 * One organisation's producers, each with an agreement with one buyer for one product, and their lots,
 * published through {@link UpstreamEvents} as contracts-service and lots-service would; {@link #awaitAll}
 * waits until payments-service has every lot with its terms.
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
        return producer(UUID.randomUUID(), name, terms);
    }

    public UUID producer(UUID producer, String name, Terms terms) {
        return producer(UpstreamEvents.producer().id(producer).name(name), producer, terms);
    }

    /** A producer known by a DNI or RUC of the test's choosing, with an agreement as {@link #producer}. */
    public UUID producer(String name, String nationalId, Terms terms) {
        UUID producer = UUID.randomUUID();
        return producer(UpstreamEvents.producer().id(producer).name(name).nationalId(nationalId), producer, terms);
    }

    /**
     * Another agreement, for these deliveries' product, of a producer already registered (by another
     * {@code Deliveries} of the organisation, for another product).
     */
    public UUID agreementFor(UUID producer, Terms terms) {
        UpstreamEvents.publish(agreement(producer, terms));
        return agreementOf(producer);
    }

    private UUID producer(ProducerEvents registration, UUID producer, Terms terms) {
        UpstreamEvents.publish(registration.organisation(organisation).registered(), agreement(producer, terms));
        return producer;
    }

    // The producer's agreement with the buyer for the whole year, activated.
    private UpstreamEvent agreement(UUID producer, Terms terms) {
        UUID agreement = UUID.randomUUID();
        agreements.put(producer, agreement);
        return UpstreamEvents.agreement().id(agreement).organisation(organisation).buyer(buyer).individual(producer)
                .product(product, unit).from(START).to(END).terms(terms).activated();
    }

    public UUID agreementOf(UUID producer) {
        return agreements.get(producer);
    }

    /** A morning lot of the producer under their agreement, not yet sent: to shape, then {@link #send}. */
    public Lot lotOf(UUID producer, LocalDate day) {
        return UpstreamEvents.lot().organisation(organisation).producer(producer).agreement(agreementOf(producer))
                .product(product, unit).deliveredOn(day);
    }

    /** Publishes the lot's LotRecorded. */
    public Lot send(Lot lot) {
        UpstreamEvents.publish(lot.recorded());
        lots++;
        return lot;
    }

    /** A morning lot; a REJECTED one for solids below the minimum. */
    public Lot lot(UUID producer, LocalDate day, String quantity, String verdict) {
        return send(lotOf(producer, day).quantity(quantity).judged(verdict, "total_solids bajo el mínimo 11.5"));
    }

    /** Waits until payments-service holds every lot sent and the terms that price it. */
    public void awaitAll(EntityManager em) {
        Feed.awaitLots(em, organisation, lots);
    }
}
