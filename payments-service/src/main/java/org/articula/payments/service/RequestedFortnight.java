package org.articula.payments.service;

import java.time.LocalDate;
import org.articula.payments.domain.Fortnight;
import org.articula.platform.problem.ProblemException;

/** A fortnight named by a client: its first day must be the 1st or the 16th, or the request is refused. */
final class RequestedFortnight {

    private RequestedFortnight() {
    }

    static Fortnight startingOn(LocalDate start) {
        try {
            return Fortnight.of(start);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("fortnightStart", "una quincena empieza el 1 o el 16");
        }
    }
}
