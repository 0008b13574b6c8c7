package org.articula.payments.domain;

/** What a compliance reading is about, and how a user names it ("Acuerdo ... no existe"). */
public enum ComplianceScope {
    AGREEMENT("Acuerdo"),
    PRODUCER("Productor"),
    NETWORK("Red"),
    BUYER("Comprador"),
    /** Every agreement of an organisation: the notices raised when its settlement closes. */
    ORGANISATION("Organización");

    private final String what;

    ComplianceScope(String what) {
        this.what = what;
    }

    public String what() {
        return what;
    }
}
