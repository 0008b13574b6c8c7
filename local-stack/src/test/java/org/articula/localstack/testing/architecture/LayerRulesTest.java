package org.articula.localstack.testing.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The rules against two small fixture "services" in the test sources: fixture.good keeps the layering and
 * passes; fixture.bad breaks each rule once and every rule names the class that breaks it.
 */
class LayerRulesTest {

    private static final String BAD = "org.articula.fixture.bad";
    private static final String GOOD = "org.articula.fixture.good";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("org.articula.fixture");

    @Test
    void aLayeredServicePassesEveryRule() {
        EvaluationResult result = LayerRules.all(GOOD).evaluate(FIXTURES);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }

    @Test
    void aResourceUsingARepositoryFails() {
        assertViolationNames(LayerRules.restDoesNotUseRepositories(BAD), "fixture.bad.rest.LotResource");
    }

    @Test
    void aResourceUsingTheSettlementComputationFails() {
        assertViolationNames(LayerRules.restDoesNotUseRepositories(BAD), "fixture.bad.rest.TallyResource");
    }

    @Test
    void aRepositoryUsingARestTypeFails() {
        assertViolationNames(LayerRules.repositoryDoesNotUseRest(BAD), "fixture.bad.repository.LotStore");
    }

    @Test
    void aDomainObjectUsingTheServiceLayerFails() {
        assertViolationNames(LayerRules.domainDependsOnNoOtherLayer(BAD), "fixture.bad.domain.Lot");
    }

    @Test
    void aServiceUsingAnotherServicesClassFails() {
        assertViolationNames(LayerRules.noOtherServicesPackages(BAD), "fixture.good.domain.Charge");
    }

    @Test
    void theCombinedRuleReportsEveryBreak() {
        String report = LayerRules.all(BAD).evaluate(FIXTURES).getFailureReport().toString();
        assertTrue(report.contains("LotResource") && report.contains("LotStore") && report.contains("Lot.accepted")
                && report.contains("Charge"), report);
    }

    private static void assertViolationNames(ArchRule rule, String offender) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        assertTrue(result.hasViolation(), "expected a violation of: " + rule.getDescription());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(offender), report);
    }
}
