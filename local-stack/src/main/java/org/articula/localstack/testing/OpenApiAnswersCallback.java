package org.articula.localstack.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Registered as a service (META-INF/services), so every {@code @QuarkusTest} of every module that tests with
 * local-stack checks its REST Assured answers against the service's OpenAPI document ({@link OpenApiAnswers}).
 * It runs in the test's own class loader, where REST Assured's settings live.
 */
public class OpenApiAnswersCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        OpenApiAnswers.install();
    }
}
