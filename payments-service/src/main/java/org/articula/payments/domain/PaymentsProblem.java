package org.articula.payments.domain;

import org.articula.platform.problem.ProblemKind;

/** The refusals of payments-service's rules, one problem type per thing a client must do differently. */
public enum PaymentsProblem implements ProblemKind {
    TERMS_NOT_RECEIVED("terms-not-received", "Aún no llegan los términos del acuerdo", 409, 3,
            "No agreement of the producer has reached payments-service yet: one just activated travels as an "
                    + "event, usually within a second. If it persists, the producer has no agreement with the "
                    + "organisation."),
    NO_AGREEMENT_IN_FORCE("no-agreement-in-force", "Sin acuerdo vigente", 422, null,
            "None of the producer's agreements is in force on the charge date, so nothing caps its instalments: "
                    + "do not repeat it; change the date, or record the agreement first."),
    SETTLEMENT_CLOSED("settlement-closed", "La liquidación está cerrada", 409, null,
            "A closed settlement never changes; what changed since is adjusted in the next open fortnight."),
    EARLIER_SETTLEMENT_OPEN("earlier-settlement-open", "Hay una quincena anterior abierta", 422, null,
            "Settlements close in order: close the earlier fortnight detail names first."),
    SETTLEMENT_NOT_CLOSED("settlement-not-closed", "La liquidación no está cerrada", 422, null,
            "Payouts are recorded on closed settlements only: close it first."),
    PAYOUT_ALREADY_RECORDED("payout-already-recorded", "El pago ya se registró", 409, null,
            "The producer's payout was already recorded with another date, which is kept."),
    CHARGE_RECOVERED("charge-recovered", "El cargo ya se recuperó en parte", 422, null,
            "A closed settlement recovered part of the charge, so it can no longer be cancelled."),
    AMOUNT_OUT_OF_RANGE("amount-out-of-range", "Importe fuera de rango", 422, null,
            "A lot's amount, or a producer's total for the fortnight, exceeds what a settlement stores; detail "
                    + "names the lots or the producer. Correct or void them and run the settlement again.");

    private final Definition definition;

    PaymentsProblem(String slug, String title, int status, Integer retryAfterSeconds, String description) {
        this.definition = new Definition(slug, title, status, retryAfterSeconds, description);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
