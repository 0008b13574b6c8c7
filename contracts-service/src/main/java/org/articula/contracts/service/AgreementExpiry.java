package org.articula.contracts.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Expires agreements whose validity ended: on start-up and then every
 * {@code articula.agreements.expiry-check} (hourly by default), so a day's end in Lima is
 * noticed within the hour even if the service was down at midnight.
 */
@ApplicationScoped
public class AgreementExpiry {

    private static final Logger LOG = Logger.getLogger(AgreementExpiry.class);
    private static final int BATCH = 200;

    @Inject
    AgreementService agreements;

    @Scheduled(every = "${articula.agreements.expiry-check:1h}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireEnded() {
        int total = 0;
        int expired;
        do {
            expired = agreements.expireDue(agreements.today(), BATCH);
            total += expired;
        } while (expired == BATCH);
        if (total > 0) {
            LOG.infof("%d acuerdo(s) vencido(s)", total);
        }
    }
}
