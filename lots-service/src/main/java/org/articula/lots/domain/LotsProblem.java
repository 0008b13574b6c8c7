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
            "A voided lot is neither corrected nor voided again, nor contested."),
    LOT_NOT_REJECTED("lot-not-rejected", "El lote no está rechazado", 409,
            "Only a lot whose latest revision is rejected is contested; nothing was stored."),
    LOT_ALREADY_CONTESTED("lot-already-contested", "El lote ya está impugnado", 409,
            "The lot has an open dispute, or this revision of it was already contested and decided; "
                    + "nothing was stored."),
    CONTEST_WINDOW_CLOSED("contest-window-closed", "Plazo para impugnar vencido", 422,
            "The quality clause that judged the lot allows contesting its rejection only within its "
                    + "contestWindowHours of the lot's recording; the detail gives the date it closed. Nothing was stored."),
    DISPUTE_DECIDED("dispute-decided", "La impugnación ya está decidida", 409,
            "A decided dispute (upheld or overturned) takes no re-test but the very one that decided it."),
    LOTS_NOT_SHIPPABLE("lots-not-shippable", "Lotes que no pueden despacharse", 422,
            "Some lots asked for cannot enter the shipment: unknown to the caller, voided, rejected at their current "
                    + "revision, of another centre, already in another shipment, of another product than the others "
                    + "or delivered after the dispatch. violations names each one (lotIds[i]); nothing was stored."),
    LOSSES_EXCEED_LOTS("losses-exceed-lots", "Las mermas no dejan nada que enviar", 422,
            "The losses recorded add up to the lots' quantity or more: a shipment carries the lots' sum less its "
                    + "losses, and that must stay above zero. Nothing was stored."),
    SHIPMENT_RESULT_RECORDED("shipment-result-recorded", "El envío ya tiene resultado", 409,
            "A shipment's result is recorded once; only the very same result may be sent again.");

    private final Definition definition;

    LotsProblem(String slug, String title, int status, String description) {
        this.definition = new Definition(slug, title, status, null, description);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
