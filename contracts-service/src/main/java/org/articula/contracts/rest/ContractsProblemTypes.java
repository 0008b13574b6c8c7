package org.articula.contracts.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.articula.platform.problem.ProblemTypesFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.jboss.jandex.IndexView;

/**
 * Documents contracts-service's problem types in its OpenAPI document (Quarkus takes a filter that names
 * OASFilter itself). Its refusals are platform's: an agreement's rules answer invalid-transition or validation.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractsProblemTypes extends ProblemTypesFilter implements OASFilter {

    public ContractsProblemTypes(IndexView index) {
        super(index);
    }
}
