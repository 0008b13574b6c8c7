package org.articula.platform.security;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which token claims name the organisation and the producer. Read from the configuration once: {@link CurrentUser}
 * is created for every request, and looking its settings up each time was one in twenty of lots-service's worker
 * samples for single lots (docs/benchmarks/2026-12-01-third-pass.md).
 */
@Singleton
public class ClaimNames {

    @ConfigProperty(name = "articula.security.organisation-claim", defaultValue = "org")
    String organisation;
    @ConfigProperty(name = "articula.security.producer-claim", defaultValue = "producer")
    String producer;
}
