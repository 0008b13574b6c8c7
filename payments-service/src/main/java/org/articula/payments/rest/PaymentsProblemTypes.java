package org.articula.payments.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.articula.payments.domain.PaymentsProblem;
import org.articula.platform.problem.ProblemTypesFilter;
import org.articula.platform.replay.ReadModelProblem;
import org.eclipse.microprofile.openapi.OASFilter;
import org.jboss.jandex.IndexView;

/** Documents payments-service's problem types in its OpenAPI document (Quarkus takes a filter that names OASFilter itself). */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PaymentsProblemTypes extends ProblemTypesFilter implements OASFilter {

    public PaymentsProblemTypes(IndexView index) {
        super(index, PaymentsProblem.values(), ReadModelProblem.values());
    }
}
