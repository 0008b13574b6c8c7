package org.articula.payments.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Technical assistance contracts-service recorded as delivered (its AssistanceDelivered event): whether the
 * agreement charges it to the producers, and each one's part of the cost. A charged delivery is input credit
 * like any other: one charge per producer with a part to pay, recovered in fortnightly instalments.
 */
public record AssistanceDelivery(UUID id, UUID organisationId, String kind, LocalDate deliveredOn, String deliveredBy,
        String description, boolean charged, int maxInstalments, List<Share> producers) {

    /** A producer served and the part of the cost charged to them. */
    public record Share(UUID producerId, BigDecimal charged) {
    }

    /**
     * The id of the charge for one producer's part: derived from the delivery and the producer (a name-based
     * UUID), so the same delivery received twice, or replayed, names the same charge and is stored once.
     */
    public static UUID chargeId(UUID deliveryId, UUID producerId) {
        return UUID.nameUUIDFromBytes(("assistance:" + deliveryId + ":" + producerId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The charges it gives rise to: none when free; otherwise one per producer whose part is more than 0.00,
     * dated the day of the service, in as many instalments as any charge nobody asked a number for, within
     * the clause's cap ({@link Charge#instalmentsWithin}).
     */
    public List<Charge> charges(String by, Instant at) {
        if (!charged) {
            return List.of();
        }
        return producers.stream().filter(s -> s.charged().signum() > 0).map(s -> charge(s, by, at)).toList();
    }

    // What the producer reads on the statement.
    private String label() {
        return switch (kind) {
            case "VETERINARY_SERVICE" -> "Servicio veterinario";
            case "INSEMINATION" -> "Inseminación";
            case "TECHNICAL_VISITS" -> "Visita técnica";
            case "TRAINING" -> "Capacitación";
            default -> "Asistencia técnica";
        };
    }

    private Charge charge(Share share, String by, Instant at) {
        Charge c = new Charge();
        c.id = chargeId(id, share.producerId());
        c.organisationId = organisationId;
        c.producerId = share.producerId();
        c.kind = ChargeKind.ofAssistance(kind);
        c.description = label() + (description == null ? "" : ": " + description) + " del " + deliveredOn + " ("
                + deliveredBy + ")";
        c.amount = share.charged().setScale(2);
        c.chargeDate = deliveredOn;
        c.instalments = Charge.instalmentsWithin(null, maxInstalments);
        c.status = Charge.Status.ACTIVE;
        c.createdBy = by;
        c.createdAt = at;
        return c;
    }
}
