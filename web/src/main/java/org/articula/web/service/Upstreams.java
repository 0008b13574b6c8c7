package org.articula.web.service;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/**
 * Where the three services answer. The browser only ever sees {@code /api/<service>/...} on this
 * module's origin, so it needs no CORS and never learns these addresses.
 */
@ConfigMapping(prefix = "articula.web")
public interface Upstreams {

    URI contractsUrl();

    URI lotsUrl();

    URI paymentsUrl();

    /** The base address of a service by the name the browser uses, or empty for any other name. */
    default Optional<URI> of(String service) {
        return switch (service) {
            case "contracts" -> Optional.of(contractsUrl());
            case "lots" -> Optional.of(lotsUrl());
            case "payments" -> Optional.of(paymentsUrl());
            default -> Optional.empty();
        };
    }
}
