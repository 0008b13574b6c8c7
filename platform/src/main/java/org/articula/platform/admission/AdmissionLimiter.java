package org.articula.platform.admission;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The permits of a service's API: at most {@code maxConcurrent} requests in service at once and at most
 * {@code maxWaiting} waiting for one. A permit freed while someone waits passes straight to the one that arrived
 * last, so the count in service never dips. Newest first (docs/decisions/0045-newest-waiting-first.md): when the
 * service falls behind, the one just arrived is served after a wait of one permit, and those behind it run out
 * their wait and are refused, instead of every admitted request waiting as long as the whole queue. Knows nothing
 * of HTTP or time: {@link AdmissionControl} gives up on a waiter when its wait is over, and releases each permit
 * once.
 */
public final class AdmissionLimiter {

    public enum Outcome {
        /** A permit is held: release it when done. */
        ADMITTED,
        /** Queued: {@link Waiter#admitted()} runs once a permit passes to it, unless it gives up first. */
        WAITING,
        /** Nothing held: every permit is taken and the queue is full. */
        REFUSED
    }

    /** A request waiting for a permit; told once, on whichever thread freed the permit. */
    public interface Waiter {
        void admitted();
    }

    private final int maxConcurrent;
    private final int maxWaiting;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private int inService;

    public AdmissionLimiter(int maxConcurrent, int maxWaiting) {
        if (maxConcurrent < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("max-concurrent must be at least 1 and max-waiting not negative");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxWaiting = maxWaiting;
    }

    public synchronized Outcome enter(Waiter waiter) {
        if (inService < maxConcurrent) {
            inService++;
            return Outcome.ADMITTED;
        }
        if (waiting.size() < maxWaiting) {
            waiting.addLast(waiter);
            return Outcome.WAITING;
        }
        return Outcome.REFUSED;
    }

    /**
     * @return true when the waiter was still queued and now holds nothing; false when a permit already passed to it
     *         (its {@link Waiter#admitted()} runs or has run, and that permit must be released)
     */
    public synchronized boolean giveUp(Waiter waiter) {
        return waiting.remove(waiter);
    }

    /** Frees a permit held by an admitted request, or passes it to the last to arrive of those waiting. */
    public void release() {
        Waiter next;
        synchronized (this) {
            if (inService == 0) {
                throw new IllegalStateException("a permit was released that nobody held");
            }
            next = waiting.pollLast();
            if (next == null) {
                inService--;
                return;
            }
        }
        next.admitted(); // outside the lock: it may go on to serve the request
    }

    public synchronized int inService() {
        return inService;
    }

    public synchronized int waiting() {
        return waiting.size();
    }
}
