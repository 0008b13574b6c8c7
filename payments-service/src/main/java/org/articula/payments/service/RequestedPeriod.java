package org.articula.payments.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.articula.platform.problem.ProblemException;

/** A range of days named by a client: from no later than to, and at most a year long, or the request is refused. */
final class RequestedPeriod {

    /** The longest range one request may ask for, in days. */
    static final int MAX_DAYS = 366;

    private RequestedPeriod() {
    }

    static void check(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ProblemException.invalidField("from", "no puede ser posterior a to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw ProblemException.invalidField("to", "a lo más " + MAX_DAYS + " días desde from");
        }
    }
}
