package org.articula.lots.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.articula.lots.domain.LotsProblem;
import org.articula.platform.problem.ProblemTypesFilter;
import org.articula.platform.replay.ReadModelProblem;
import org.eclipse.microprofile.openapi.OASFilter;
import org.jboss.jandex.IndexView;

/** Documents lots-service's problem types in its OpenAPI document (Quarkus takes a filter that names OASFilter itself). */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class LotsProblemTypes extends ProblemTypesFilter implements OASFilter {

    public LotsProblemTypes(IndexView index) {
        super(index, LotsProblem.values(), ReadModelProblem.values());
    }
}
