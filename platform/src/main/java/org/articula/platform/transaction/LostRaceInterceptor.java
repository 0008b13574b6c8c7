package org.articula.platform.transaction;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.jboss.logging.Logger;

/**
 * Runs a call again when its transaction lost a race ({@link LostRace}). It sits outside the
 * transaction interceptor ({@code @Transactional} is at {@code PLATFORM_BEFORE + 200}), so each run has
 * a transaction of its own and the next one sees what the winner committed. A call made inside a
 * transaction that is already open is never repeated: only its owner can start it again.
 */
@RetryLostRace
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class LostRaceInterceptor {

    /** The first run and two more: a batch overlapping several concurrent ones may lose more than once. */
    static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(LostRaceInterceptor.class);

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object retry(InvocationContext call) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return call.proceed();
        }
        for (int attempt = 1;; attempt++) {
            try {
                return call.proceed();
            } catch (Exception e) {
                if (attempt >= ATTEMPTS || !LostRace.lost(e) || !noTransaction()) {
                    throw e;
                }
                LOG.debugf("%s lost a race (attempt %d), running it again: %s", call.getMethod().getName(), attempt, e);
            }
        }
    }

    private boolean noTransaction() throws SystemException {
        return transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
    }
}
