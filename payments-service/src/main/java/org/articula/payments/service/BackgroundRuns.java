package org.articula.payments.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Where settlement runs answered with 202 (Prefer: respond-async) are computed: a managed pool of their own,
 * at most {@code articula.settlements.background-runs} at once (each holds a database connection and a
 * fortnight's lock for its whole computation), the rest queued. No context of the request is carried over:
 * it has ended when the run computes, so the run is given who asked for it instead.
 */
@ApplicationScoped
public class BackgroundRuns {

    @ConfigProperty(name = "articula.settlements.background-runs", defaultValue = "2")
    int concurrent;

    private ManagedExecutor executor;

    @PostConstruct
    void start() {
        executor = ManagedExecutor.builder().maxAsync(concurrent).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public void submit(Runnable run) {
        executor.runAsync(run);
    }
}
