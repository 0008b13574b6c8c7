package org.articula.platform.replay;

import org.articula.platform.problem.ProblemKind;

/** Refusals of the read-model rebuild endpoint; a consuming service lists them in its OpenAPI filter. */
public enum ReadModelProblem implements ProblemKind {
    REBUILD_RUNNING("rebuild-running", "Ya hay una reconstrucción en curso", 409, 30,
            "A rebuild of this service's read model is already running (here or in another instance); follow it "
                    + "and start another once it has finished.");

    private final Definition definition;

    ReadModelProblem(String slug, String title, int status, Integer retryAfterSeconds, String description) {
        this.definition = new Definition(slug, title, status, retryAfterSeconds, description);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
