package org.articula.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.articula.platform.inbox.InboxConsumer;
import org.articula.platform.outbox.OutboxRelay;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the background threads that move events: a service whose relay or consumer died would
 * still answer HTTP while silently losing track of events, so it must be restarted.
 */
@Liveness
@ApplicationScoped
public class EventPipelineHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;
    @Inject
    InboxConsumer consumer;
    @ConfigProperty(name = "articula.outbox.relay.enabled", defaultValue = "true")
    boolean relayEnabled;

    @Override
    public HealthCheckResponse call() {
        boolean relayUp = !relayEnabled || relay.isRunning();
        boolean consumerUp = !consumer.isConfigured() || consumer.isRunning();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event pipeline")
                .withData("outbox-relay", relayEnabled ? (relayUp ? "running" : "stopped") : "disabled")
                .withData("inbox-consumer", consumer.isConfigured() ? (consumerUp ? "running" : "stopped") : "none")
                .status(relayUp && consumerUp);
        return response.build();
    }
}
