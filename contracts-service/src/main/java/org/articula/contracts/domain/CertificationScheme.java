package org.articula.contracts.domain;

/** The certification schemes a buyer asks for; anything else is OTHER with the scheme's own name. */
public enum CertificationScheme {
    ORGANIC("orgánica"),
    FAIRTRADE("Comercio Justo (Fairtrade)"),
    RAINFOREST_ALLIANCE("Rainforest Alliance"),
    OTHER("otra");

    private final String spanish;

    CertificationScheme(String spanish) {
        this.spanish = spanish;
    }

    /** Why {@code name} cannot go with this scheme (OTHER needs one, the others none), or null when it can. */
    public String nameProblem(String name) {
        boolean named = name != null && !name.isBlank();
        if (this == OTHER && !named) {
            return "una certificación OTHER indica el nombre del esquema";
        }
        return this != OTHER && name != null ? "solo se indica para una certificación OTHER" : null;
    }

    /** How a user reads it: "certificación orgánica", or the scheme's own name for OTHER. */
    public String describe(String otherName) {
        return this == OTHER && otherName != null ? otherName : spanish;
    }
}
