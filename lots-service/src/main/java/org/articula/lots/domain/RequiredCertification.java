package org.articula.lots.domain;

/**
 * The certification clause of one clause version: the scheme (ORGANIC, FAIRTRADE, RAINFOREST_ALLIANCE, or OTHER
 * with its name) every lot delivered under it must be certified in. A version that requires none has none.
 */
public record RequiredCertification(String required, String schemeName) {

    /** How the scheme is named to a user and on a shipment: the scheme, or an OTHER scheme's own name. */
    public String label() {
        return otherScheme() ? schemeName : required;
    }

    /** Whether a certificate of this scheme and name is of the one required. */
    public boolean isSatisfiedBy(String scheme, String name) {
        if (!required.equals(scheme)) {
            return false;
        }
        return !otherScheme() || (name != null && name.equalsIgnoreCase(schemeName));
    }

    /**
     * The scheme a shipment declares (an upper-case code, e.g. ORGANIC or, for an OTHER scheme, its name in upper
     * case with spaces as underscores) as a requirement.
     */
    public static RequiredCertification declared(String code) {
        return switch (code) {
            case "ORGANIC", "FAIRTRADE", "RAINFOREST_ALLIANCE" -> new RequiredCertification(code, null);
            default -> new RequiredCertification("OTHER", code.replace('_', ' '));
        };
    }

    private boolean otherScheme() {
        return "OTHER".equals(required);
    }
}
