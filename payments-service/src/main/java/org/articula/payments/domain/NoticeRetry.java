package org.articula.payments.domain;

import java.time.Duration;

/** When a notice the sender could not send is tried again: doubling from {@code first}, never later than {@code longest}. */
public record NoticeRetry(Duration first, Duration longest) {

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration after(int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
