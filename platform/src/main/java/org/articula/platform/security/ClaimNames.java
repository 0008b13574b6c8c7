package org.articula.platform.security;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which token claims name the organisation and the producer. Read from the configuration once: {@link CurrentUser}
 * is created for every request, and looking its settings up each time was 5 % of lots-service's CPU per lot.
 */
@Singleton
public class ClaimNames {

    @ConfigProperty(name = "articula.security.organisation-claim", defaultValue = "org")
    String organisation;
    @ConfigProperty(name = "articula.security.producer-claim", defaultValue = "producer")
    String producer;
}
