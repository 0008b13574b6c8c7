package org.articula.contracts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Optional;

/**
 * A Peruvian national id: DNI (8 digits, persons) or RUC (11 digits, taxpayers, with a check digit).
 * The type follows from the length, so users type only the number.
 */
@Embeddable
public class NationalId {

    public enum Type {
        DNI,
        RUC
    }

    private static final int[] RUC_WEIGHTS = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type")
    private Type type;

    @Column(name = "id_number")
    private String number;

    protected NationalId() {
    }

    private NationalId(Type type, String number) {
        this.type = type;
        this.number = number;
    }

    /** @return the id, or empty with {@link #problemWith(String)} explaining why not */
    public static Optional<NationalId> parse(String raw) {
        return problemWith(raw) == null ? Optional.of(of(raw.strip())) : Optional.empty();
    }

    private static NationalId of(String number) {
        return new NationalId(number.length() == 8 ? Type.DNI : Type.RUC, number);
    }

    /** Why {@code raw} is not a valid DNI or RUC (Spanish, for the user), or null when it is. */
    public static String problemWith(String raw) {
        if (raw == null || raw.isBlank()) {
            return "el DNI o RUC es obligatorio";
        }
        String number = raw.strip();
        if (!number.chars().allMatch(Character::isDigit)) {
            return "el DNI o RUC solo lleva dígitos";
        }
        if (number.length() == 8) {
            return null;
        }
        if (number.length() != 11) {
            return "un DNI tiene 8 dígitos y un RUC 11; se recibieron " + number.length();
        }
        if (!number.startsWith("10") && !number.startsWith("15") && !number.startsWith("17")
                && !number.startsWith("20")) {
            return "un RUC empieza con 10, 15, 17 o 20";
        }
        if (rucCheckDigit(number) != number.charAt(10) - '0') {
            return "el dígito verificador del RUC no corresponde";
        }
        return null;
    }

    /** SUNAT's modulus 11 over the first ten digits of {@code ruc} (weights 5,4,3,2,7,6,5,4,3,2). */
    public static int rucCheckDigit(String ruc) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (ruc.charAt(i) - '0') * RUC_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 0 : check == 11 ? 1 : check;
    }

    public Type type() {
        return type;
    }

    public String number() {
        return number;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NationalId other && type == other.type && number.equals(other.number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }

    @Override
    public String toString() {
        return type + " " + number;
    }
}
