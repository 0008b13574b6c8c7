package org.articula.localstack.testing.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The layering every service keeps inside {@code org.articula.<service>}: rest, service, repository,
 * domain, mapping and events (Kafka consumers). One rule set for all three services, so a new service
 * gets the same checks by writing one line.
 */
public final class LayerRules {

    /**
     * What the domain may use besides itself: the JDK, persistence and validation annotations, plumbing, and the
     * geometry libraries a parcel's rules are computed with (JTS, GeographicLib: mathematics, like java.math).
     */
    private static final String[] DOMAIN_MAY_USE = {
            "java..", "jakarta.persistence..", "jakarta.validation..", "org.hibernate.annotations..",
            "org.hibernate.type..", "com.fasterxml.jackson.annotation..", "org.articula.platform..",
            "org.locationtech.jts..", "net.sf.geographiclib.." };

    /**
     * The packages that reach the database: repositories, and payments' settlement computation (set-based SQL
     * in a package named for the business, docs/settlement-rules.md), which the service layer calls alike.
     */
    private static final String[] DATA_ACCESS = { "repository", "settlement" };

    private LayerRules() {
    }

    /** Every rule for the service in {@code basePackage}, e.g. {@code org.articula.payments}. */
    public static ArchRule all(String basePackage) {
        return CompositeArchRule.of(List.of(domainDependsOnNoOtherLayer(basePackage),
                restDoesNotUseRepositories(basePackage), repositoryDoesNotUseRest(basePackage),
                noOtherServicesPackages(basePackage)));
    }

    /** Checks every rule against the service's main classes (not its tests), reporting all violations at once. */
    public static void check(String basePackage) {
        all(basePackage).check(mainClassesOf(basePackage));
    }

    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static ArchRule domainDependsOnNoOtherLayer(String basePackage) {
        String[] allowed = new String[DOMAIN_MAY_USE.length + 1];
        allowed[0] = basePackage + ".domain..";
        System.arraycopy(DOMAIN_MAY_USE, 0, allowed, 1, DOMAIN_MAY_USE.length);
        return classes().that().resideInAPackage(basePackage + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("business rules live in domain objects that know no other layer");
    }

    public static ArchRule restDoesNotUseRepositories(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage(dataAccess(basePackage))
                .because("resources reach data through the service layer, which owns transactions and rules");
    }

    public static ArchRule repositoryDoesNotUseRest(String basePackage) {
        return noClasses().that().resideInAnyPackage(dataAccess(basePackage))
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".rest..")
                .because("storage knows nothing of the HTTP shapes (DTOs) above it");
    }

    private static String[] dataAccess(String basePackage) {
        String[] packages = new String[DATA_ACCESS.length];
        for (int i = 0; i < DATA_ACCESS.length; i++) {
            packages[i] = basePackage + "." + DATA_ACCESS[i] + "..";
        }
        return packages;
    }

    /** A service shares only platform plumbing; it never uses another service's (or the BFF's) classes. */
    public static ArchRule noOtherServicesPackages(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat(resideInAPackage("org.articula..")
                        .and(not(resideInAnyPackage(basePackage + "..", "org.articula.platform.."))))
                .because("services talk through HTTP and events only, never through each other's code");
    }
}
