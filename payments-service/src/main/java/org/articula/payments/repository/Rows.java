package org.articula.payments.repository;

import java.time.LocalDate;

/** Values of native query rows as Java types, whichever JDBC type the driver gave. */
final class Rows {

    private Rows() {
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
