package org.articula.platform.problem;

/**
 * A kind of problem a service answers with: a stable type URI a client switches on, a title and the HTTP
 * status. Platform's own kinds are {@link ProblemType}; each service lists its business refusals, one per
 * thing a client must do differently, in an enum of its own implementing this, and documents them with
 * {@link ProblemTypesFilter}.
 */
public interface ProblemKind {

    /**
     * @param slug              the last part of the type URI, e.g. {@code terms-not-received}
     * @param title             short and in Spanish: people read it
     * @param retryAfterSeconds for a refusal that holds only until something arrives, the seconds after which
     *                          the same request may succeed, sent as {@code Retry-After}; null when repeating
     *                          it is pointless
     * @param description       for the OpenAPI document: when it is answered and what a client does about it
     */
    record Definition(String slug, String title, int status, Integer retryAfterSeconds, String description) {
    }

    Definition definition();

    default String uri() {
        return Problem.TYPE_PREFIX + definition().slug();
    }

    default String title() {
        return definition().title();
    }

    default int status() {
        return definition().status();
    }

    default Integer retryAfterSeconds() {
        return definition().retryAfterSeconds();
    }

    default String description() {
        return definition().description();
    }
}
