package org.articula.platform.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.articula.platform.admission.AdmissionLimiter.Outcome;
import org.junit.jupiter.api.Test;

class AdmissionLimiterTest {

    /** Records the order in which permits reached waiting requests. */
    static final class Recorder {
        final List<String> admitted = new ArrayList<>();

        AdmissionLimiter.Waiter waiter(String name) {
            return () -> admitted.add(name);
        }
    }

    @Test
    void admitsUpToTheLimitQueuesUpToItsBoundAndRefusesTheRest() {
        AdmissionLimiter limiter = new AdmissionLimiter(2, 1);
        Recorder r = new Recorder();
        assertEquals(Outcome.ADMITTED, limiter.enter(r.waiter("a")));
        assertEquals(Outcome.ADMITTED, limiter.enter(r.waiter("b")));
        assertEquals(Outcome.WAITING, limiter.enter(r.waiter("c")));
        assertEquals(Outcome.REFUSED, limiter.enter(r.waiter("d")));
        assertEquals(2, limiter.inService());
        assertEquals(1, limiter.waiting());
        assertTrue(r.admitted.isEmpty(), "nobody is told of a permit given at once");
    }

    @Test
    void aFreedPermitPassesToTheNewestWaitingWithoutTheCountDipping() {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 3);
        Recorder r = new Recorder();
        limiter.enter(r.waiter("first"));
        limiter.enter(r.waiter("second"));
        limiter.enter(r.waiter("third"));
        limiter.release();
        assertEquals(List.of("third"), r.admitted);
        assertEquals(1, limiter.inService());
        assertEquals(1, limiter.waiting());
        limiter.enter(r.waiter("fourth"));
        limiter.release();
        assertEquals(List.of("third", "fourth"), r.admitted, "one arriving later still goes first");
        limiter.release();
        limiter.release();
        assertEquals(List.of("third", "fourth", "second"), r.admitted);
        assertEquals(0, limiter.inService());
        assertEquals(Outcome.ADMITTED, limiter.enter(r.waiter("later")));
    }

    @Test
    void aWaiterThatGivesUpHoldsNothingAndOneAlreadyAdmittedCannotGiveUp() {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 2);
        Recorder r = new Recorder();
        limiter.enter(r.waiter("held"));
        AdmissionLimiter.Waiter patient = r.waiter("patient");
        AdmissionLimiter.Waiter late = r.waiter("late");
        limiter.enter(patient);
        limiter.enter(late);
        assertTrue(limiter.giveUp(late));
        assertFalse(limiter.giveUp(late), "giving up twice gives nothing back");
        limiter.release();
        assertEquals(List.of("patient"), r.admitted, "the permit skips the one that left");
        assertFalse(limiter.giveUp(patient), "already admitted: it must release its permit instead");
        limiter.release();
        assertEquals(0, limiter.inService());
        assertEquals(0, limiter.waiting());
    }

    @Test
    void releasingMoreThanWasTakenIsABug() {
        AdmissionLimiter limiter = new AdmissionLimiter(1, 0);
        assertEquals(Outcome.ADMITTED, limiter.enter(() -> {
        }));
        assertEquals(Outcome.REFUSED, limiter.enter(() -> {
        }), "no queue: refused at once");
        limiter.release();
        assertThrows(IllegalStateException.class, limiter::release);
        assertThrows(IllegalArgumentException.class, () -> new AdmissionLimiter(0, 1));
    }

    /** Many threads taking and freeing permits: never more than the limit in service, none left over. */
    @Test
    void underContentionNeverMoreThanTheLimitAreInServiceAndEveryPermitComesBack() throws Exception {
        AdmissionLimiter limiter = new AdmissionLimiter(3, 5);
        AtomicInteger inService = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        Runnable serve = () -> {
            most.accumulateAndGet(inService.incrementAndGet(), Math::max);
            served.incrementAndGet();
            inService.decrementAndGet();
            limiter.release();
        };
        for (int i = 0; i < 4000; i++) {
            threads.submit(() -> {
                Outcome outcome = limiter.enter(serve::run);
                if (outcome == Outcome.ADMITTED) {
                    serve.run();
                } else if (outcome == Outcome.REFUSED) {
                    refused.incrementAndGet();
                }
            });
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(4000, served.get() + refused.get(), "every request is served or refused, none lost");
        assertTrue(most.get() <= 3, "at most 3 in service, saw " + most.get());
        assertEquals(0, limiter.inService());
        assertEquals(0, limiter.waiting());
    }
}
