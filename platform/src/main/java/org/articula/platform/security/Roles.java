package org.articula.platform.security;

/**
 * The roles a token's {@code groups} claim may carry. Every endpoint names the ones it admits
 * (docs/decisions/0008-security.md has the table).
 */
public final class Roles {

    /** Agreements, producers, products, the organisation and its centres. */
    public static final String BUYER_ADMIN = "buyer-admin";
    /** Lots at the centres of the user's organisation. */
    public static final String CENTRE_OPERATOR = "centre-operator";
    /** Charges, settlements, payouts, remittances, reconciliation. */
    public static final String TREASURER = "treasurer";
    /** Reads their own lots and statements only (the token's {@code producer} claim). */
    public static final String PRODUCER = "producer";
    /** Reads everything of the organisation, changes nothing. */
    public static final String AUDITOR = "auditor";
    /**
     * Runs the platform, not a business: rebuilds read models, inspects and re-drives dead letters.
     * Sees event metadata, never an organisation's figures through the business endpoints.
     */
    public static final String PLATFORM_ADMIN = "platform-admin";

    private Roles() {
    }
}
