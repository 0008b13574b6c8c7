package org.articula.lots.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.platform.problem.Problem.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which agreement a delivery is judged by: the one in force for the producer (or their group) for the
 * product on the day, with the centre's organisation as buyer or producers' organisation; none or
 * several refuse the lot (design: "a lot for a producer without an agreement in force ... is refused").
 */
class ProducerRefTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    final UUID association = UUID.randomUUID(); // runs the centre, pays the producers
    final UUID dairy = UUID.randomUUID(); // buys from them
    final UUID stranger = UUID.randomUUID();
    final UUID group = UUID.randomUUID();
    ProducerRef rosa;

    @BeforeEach
    void rosaOfTheAssociationsGroup() {
        rosa = new ProducerRef();
        rosa.id = UUID.randomUUID();
        rosa.organisationId = association;
        rosa.groupId = group;
        rosa.name = "Rosa Quispe";
    }

    @Test
    void theAgreementInForceForTheProductAndDayIsChosenWhetherItNamesTheProducerOrTheirGroup() {
        AgreementTerms milk = agreement(association, dairy, rosa.id, null, "milk");
        AgreementTerms trout = agreement(association, dairy, rosa.id, null, "trout");
        assertSame(milk, rosa.agreementInForce("milk", DAY, association, List.of(trout, milk)));
        assertSame(trout, rosa.agreementInForce("trout", DAY, dairy, List.of(trout, milk))); // the buyer's centre

        AgreementTerms groups = agreement(association, dairy, null, group, "milk");
        assertSame(groups, rosa.agreementInForce("milk", DAY, association, List.of(groups)));
    }

    @Test
    void noAgreementInForceThatDayOrWithTheCentresOrganisationRefusesTheLot() {
        AgreementTerms suspended = agreement(association, dairy, rosa.id, null, "milk");
        suspended.periodsInForce = List.of(new DayRange(DAY.minusDays(30), DAY.minusDays(1)),
                new DayRange(DAY.plusDays(1), DAY.plusDays(30)));
        AgreementTerms anotherGroups = agreement(association, dairy, null, UUID.randomUUID(), "milk");
        AgreementTerms withOthers = agreement(stranger, UUID.randomUUID(), rosa.id, null, "milk");

        List<List<AgreementTerms>> noneInForce = List.of(List.of(suspended), List.of(anotherGroups),
                List.of(withOthers), List.of());
        for (List<AgreementTerms> candidates : noneInForce) {
            LotRuleException refused = assertThrows(LotRuleException.class,
                    () -> rosa.agreementInForce("milk", DAY, association, candidates));
            assertEquals(LotsProblem.NO_AGREEMENT_IN_FORCE, refused.type());
            assertEquals(422, refused.problem().status());
            assertEquals(List.of(new Violation("producerId", "sin acuerdo vigente para milk el 2026-11-20")),
                    refused.problem().violations());
        }
    }

    @Test
    void severalAgreementsInForceAreNotChosenBetween() {
        List<AgreementTerms> two = List.of(agreement(association, dairy, rosa.id, null, "milk"),
                agreement(association, UUID.randomUUID(), null, group, "milk"));

        LotRuleException refused = assertThrows(LotRuleException.class,
                () -> rosa.agreementInForce("milk", DAY, association, two));

        assertEquals(LotsProblem.AMBIGUOUS_AGREEMENT, refused.type());
        assertEquals("centreId", refused.problem().violations().get(0).field());
    }

    @Test
    void anOrganisationKnowsItsOwnProducersAndThoseOfItsAgreements() {
        AgreementTerms sellingToTheDairy = agreement(association, dairy, rosa.id, null, "milk");

        assertTrue(rosa.knownTo(association, List.of()));
        assertTrue(rosa.knownTo(dairy, List.of(sellingToTheDairy)));
        assertFalse(rosa.knownTo(dairy, List.of()));
        assertFalse(rosa.knownTo(stranger, List.of(sellingToTheDairy)));
    }

    private static AgreementTerms agreement(UUID organisation, UUID buyer, UUID producer, UUID group, String product) {
        AgreementTerms a = new AgreementTerms();
        a.id = UUID.randomUUID();
        a.organisationId = organisation;
        a.buyerId = buyer;
        a.producerId = producer;
        a.groupId = group;
        a.product = product;
        a.periodsInForce = List.of(new DayRange(DAY.minusDays(30), DAY.plusDays(30)));
        return a;
    }
}
