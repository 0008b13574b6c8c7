package org.articula.payments.domain;

/** What a producer took on credit from the organisation. */
public enum ChargeKind {
    FEED,
    VETERINARY,
    INSEMINATION,
    ADVANCE,
    /** A technical visit or training the agreement charges to the producer (from an AssistanceDelivered event). */
    TECHNICAL_ASSISTANCE;

    /** The charge for a kind of assistance contracts-service delivered (its AssistanceKind's name). */
    public static ChargeKind ofAssistance(String assistanceKind) {
        return switch (assistanceKind) {
            case "VETERINARY_SERVICE" -> VETERINARY;
            case "INSEMINATION" -> INSEMINATION;
            case "TECHNICAL_VISITS", "TRAINING" -> TECHNICAL_ASSISTANCE;
            default -> throw new IllegalArgumentException("asistencia desconocida: " + assistanceKind);
        };
    }
}
