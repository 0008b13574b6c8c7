package org.articula.lots.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Decides the disputes nobody re-tested by their deadline, as their clause says: on start-up and then every
 * {@code articula.disputes.deadline-check} (15 minutes by default), so a deadline passed while the service was
 * down is noticed on its return.
 */
@ApplicationScoped
public class DisputeDeadlines {

    private static final Logger LOG = Logger.getLogger(DisputeDeadlines.class);
    private static final int BATCH = 200;

    @Inject
    DisputeService disputes;
    @Inject
    Clock clock;

    @Scheduled(every = "${articula.disputes.deadline-check:15m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void decideOverdue() {
        Instant now = clock.instant();
        int total = 0;
        int decided;
        do {
            decided = disputes.decideOverdue(now, BATCH);
            total += decided;
        } while (decided == BATCH);
        if (total > 0) {
            LOG.infof("%d impugnación(es) decidida(s) al vencer su plazo", total);
        }
    }
}
