package org.articula.payments.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.articula.payments.delivery.NoticeSender;
import org.articula.payments.delivery.SendResult;
import org.articula.payments.domain.NoticeRecipient;
import org.articula.payments.domain.NoticeRetry;
import org.articula.payments.repository.NoticeRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends pending notices, oldest first, each in a transaction of its own that holds its row locked (FOR UPDATE
 * SKIP LOCKED: two instances never send the same one) from the attempt until it is marked sent or failed. A
 * failed attempt is tried again after a wait that doubles (NoticeRetry); a notice stays pending in the table
 * across restarts, so a sender that is down for a while delays notices and loses none.
 */
@ApplicationScoped
public class NoticeDispatcher {

    private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class);

    @Inject
    NoticeRepository notices;
    @Inject
    NoticeSender sender;
    @Inject
    Clock clock;
    @ConfigProperty(name = "articula.notices.batch", defaultValue = "100")
    int batch;
    @ConfigProperty(name = "articula.notices.first-retry", defaultValue = "PT30S")
    Duration firstRetry;
    @ConfigProperty(name = "articula.notices.longest-retry", defaultValue = "PT1H")
    Duration longestRetry;

    private volatile boolean running = true;

    @Scheduled(every = "${articula.notices.dispatch-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (running) {
            dispatch();
        }
    }

    /** Stops sending (pending notices stay pending) until {@link #start()}. */
    public void stop() {
        running = false;
    }

    public void start() {
        running = true;
    }

    /**
     * One pass: each notice due when the pass starts is attempted at most once. Returns how many were sent.
     */
    public int dispatch() {
        Instant passStart = clock.instant();
        int sent = 0;
        for (int i = 0; i < batch && running; i++) {
            Optional<Boolean> attempt = QuarkusTransaction.requiringNew().call(() -> attemptNext(passStart));
            if (attempt.isEmpty()) {
                break;
            }
            sent += attempt.get() ? 1 : 0;
        }
        return sent;
    }

    // Empty when nothing is due; else whether the notice was sent.
    private Optional<Boolean> attemptNext(Instant passStart) {
        Optional<NoticeRepository.Claimed> claimed = notices.claimNext(passStart);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        var message = claimed.get().message();
        SendResult result;
        try {
            result = sender.send(message);
        } catch (RuntimeException e) {
            result = SendResult.tryAgain(e.getClass().getSimpleName());
        }
        Instant now = clock.instant();
        if (result.sent()) {
            notices.markSent(message.noticeId(), result.providerId(), now);
            return Optional.of(true);
        }
        int attempts = claimed.get().attempts() + 1;
        // Never due again in this pass, however short the wait.
        Instant next = (now.isAfter(passStart) ? now : passStart.plusNanos(1_000))
                .plus(new NoticeRetry(firstRetry, longestRetry).after(attempts));
        notices.markFailed(message.noticeId(), result.error(), result.permanent(), next);
        LOG.warnf("notice %s to %s not sent (attempt %d%s): %s", message.noticeId(),
                NoticeRecipient.masked(message.phone()), attempts, result.permanent() ? ", given up" : "",
                result.error());
        return Optional.of(false);
    }
}
