package org.articula.payments.service;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;

/**
 * What an id names, if it is the caller's organisation's: another organisation's is answered as "not found",
 * like an unknown id, so an id reveals nothing.
 */
final class CallersOwn {

    private CallersOwn() {
    }

    static <T> T orNotFound(CurrentUser user, Optional<T> found, Function<T, UUID> organisation, String what,
            UUID id) {
        return found.filter(t -> user.actsFor(organisation.apply(t)))
                .orElseThrow(() -> ProblemException.notFound(what, id));
    }
}
