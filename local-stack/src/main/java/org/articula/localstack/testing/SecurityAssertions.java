package org.articula.localstack.testing;

import static org.hamcrest.Matchers.is;

import io.restassured.response.ValidatableResponse;

/** The three refusals of the security tests, as problem+json with their stable types. */
public final class SecurityAssertions {

    static final String PROBLEM = "application/problem+json";

    private SecurityAssertions() {
    }

    /** No valid token: 401, and the scheme to use. */
    public static void unauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("type", is("urn:articula:problem:unauthorized"));
    }

    /** A role the endpoint does not admit: 403. */
    public static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType(PROBLEM).body("type", is("urn:articula:problem:forbidden"));
    }

    /** Another organisation's resource, answered as if it did not exist: 404. */
    public static void notFound(ValidatableResponse response) {
        response.statusCode(404).contentType(PROBLEM).body("type", is("urn:articula:problem:not-found"));
    }
}
