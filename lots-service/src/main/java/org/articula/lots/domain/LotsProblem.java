package org.articula.lots.domain;

import org.articula.platform.problem.ProblemKind;

/** The refusals of lots-service's rules, one problem type per thing a client must do differently. */
public enum LotsProblem implements ProblemKind {
    UNKNOWN_PRODUCER("unknown-producer", "Productor no registrado", 422,
            "lots-service does not know the producer: not registered, its registration has not reached "
                    + "lots-service yet, or a producer of another organisation the centre's organisation has no "
                    + "agreement with (answered alike). Check the producer; the lot was not recorded."),
    NO_AGREEMENT_IN_FORCE("no-agreement-in-force", "Sin acuerdo vigente", 422,
            "The producer has no agreement in force for the product on the delivery date with the centre's "
                    + "organisation; the lot was not recorded."),
    AMBIGUOUS_AGREEMENT("ambiguous-agreement", "Varios acuerdos vigentes", 422,
            "The producer has several agreements in force for the product on the delivery date and the centre "
                    + "does not decide which one; the lot was not recorded."),
    LOT_VOIDED("lot-voided", "El lote está anulado", 409,
            "A voided lot is neither corrected nor voided again.");

    private final Definition definition;

    LotsProblem(String slug, String title, int status, String description) {
        this.definition = new Definition(slug, title, status, null, description);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
