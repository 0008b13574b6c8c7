package org.articula.payments.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.AssistanceEvents;
import org.articula.localstack.testing.upstream.Terms;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Feed;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The buyer's side of the compliance monitor (docs/decisions/0027-compliance-monitor.md): assistance delivered
 * against the clause's promise, per calendar month.
 *
 * <pre>
 * Rosa's agreement  version 1 (to 15/11): 4 technical visits a month, charged; a veterinary service, no promise
 *                   version 2 (from 16/11): 2 technical visits a month, free
 * Julio's agreement 4 technical visits a month, same buyer
 * delivered (Rosa)  30/09 visit; 05/10 free visit; 08/10 veterinary service; 20/10 charged visit (sent twice);
 *                   03/11 visit
 * month    agreement  promised delivered shortfall
 * 2026-10  Rosa           4        2         2     (the free and the charged visit; 30/09 is September's)
 * 2026-11  Rosa           2        1         1     (version 2 is in force on 30/11)
 * 2026-10  Julio          4        0         4
 * 2026-11  Julio          4        0         4
 * buyer    2026-10: 8 promised, 2 delivered, shortfall 6; 2026-11: 6, 1, 5
 * </pre>
 * The veterinary service promises no visits: no figure for it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class AssistanceComplianceTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final LocalDate NOV_16 = LocalDate.of(2026, 11, 16);

    @Inject
    EntityManager em;

    UUID laredo;
    UUID plant;
    UUID rosa;
    UUID rosas;
    UUID julios;

    @BeforeEach
    void fourVisitsAMonthPromised() {
        laredo = UUID.randomUUID();
        plant = UUID.randomUUID();
        rosa = UUID.randomUUID();
        UUID julio = UUID.randomUUID();
        rosas = UUID.randomUUID();
        julios = UUID.randomUUID();
        Terms first = UpstreamEvents.terms().to(NOV_16.minusDays(1)).basePrice("1.00")
                .assistance("TECHNICAL_VISITS", 4, true).assistance("VETERINARY_SERVICE", null, true);
        Terms second = UpstreamEvents.terms().from(NOV_16).basePrice("1.00").assistance("TECHNICAL_VISITS", 2, false);
        UpstreamEvents.publish(UpstreamEvents.producer().id(rosa).organisation(laredo).registered(),
                UpstreamEvents.producer().id(julio).organisation(laredo).registered(),
                UpstreamEvents.agreement().id(rosas).organisation(laredo).buyer(plant).individual(rosa).from(START)
                        .to(END).terms(first, second).activated(),
                UpstreamEvents.agreement().id(julios).organisation(laredo).buyer(plant).individual(julio).from(START)
                        .to(END).terms(UpstreamEvents.terms().assistance("TECHNICAL_VISITS", 4, false)).activated());
        UUID charged = UUID.randomUUID();
        List<UpstreamEvent> deliveries = List.of(
                visit(LocalDate.of(2026, 9, 30)).free().delivered(),
                visit(LocalDate.of(2026, 10, 5)).free().delivered(),
                visit(LocalDate.of(2026, 10, 8)).kind("VETERINARY_SERVICE").free().delivered(),
                visit(LocalDate.of(2026, 10, 20)).id(charged).cost("80.00").delivered(),
                visit(LocalDate.of(2026, 10, 20)).id(charged).cost("80.00").delivered(),
                visit(LocalDate.of(2026, 11, 3)).free().delivered());
        UpstreamEvents.publish(deliveries);
        Feed.await("the deliveries and the promises", () -> count(
                "select count(*) from inbox_event where event_id in (:ids)", deliveries.stream()
                        .map(UpstreamEvent::eventId).toList()) == deliveries.size()
                && count("select count(*) from assistance_promise where agreement_id in (:ids)",
                        List.of(rosas, julios)) == 3);
    }

    @Test
    void twoOfFourPromisedVisitsDeliveredFreeOrChargedLeaveAShortfallOfTwo() {
        monitor(TestTokens.as(laredo, Roles.TREASURER), "agreements/" + rosas).statusCode(200)
                .body("agreements[0].assistance.month", contains("2026-10", "2026-11"))
                .body("agreements[0].assistance.kind", contains("TECHNICAL_VISITS", "TECHNICAL_VISITS"))
                .body("agreements[0].assistance.promised", contains(4, 2))
                .body("agreements[0].assistance.delivered", contains(2, 1))
                .body("agreements[0].assistance.shortfall", contains(2, 1));
        // The charged visit is also input credit, once although it came twice.
        assertEquals(1, count("select count(*) from charge where producer_id in (:ids)", List.of(rosa)));
        assertEquals(5, count("select count(*) from assistance_delivered where agreement_id in (:ids)",
                List.of(rosas)));
    }

    @Test
    void theBuyersViewAddsUpItsAgreementsPerMonthAndKind() {
        monitor(TestTokens.as(plant, Roles.BUYER_ADMIN), "buyers/" + plant).statusCode(200)
                .body("agreements", hasSize(2))
                .body("buyers[0].buyerId", is(plant.toString()))
                .body("buyers[0].assistance.month", contains("2026-10", "2026-11"))
                .body("buyers[0].assistance.promised", contains(8, 6))
                .body("buyers[0].assistance.delivered", contains(2, 1))
                .body("buyers[0].assistance.shortfall", contains(6, 5));
    }

    @Test
    void aRangeWithinOneMonthShowsTheWholeMonth() {
        given().header(TestTokens.as(laredo, Roles.TREASURER)).queryParams("from", "2026-10-01", "to", "2026-10-15")
                .get("/api/v1/compliance/agreements/" + rosas).then().statusCode(200)
                .body("agreements[0].assistance.month", contains("2026-10"))
                .body("agreements[0].assistance.delivered", contains(2));
    }

    private AssistanceEvents visit(LocalDate day) {
        return UpstreamEvents.assistanceDelivered().organisation(laredo).agreement(rosas).buyer(plant)
                .kind("TECHNICAL_VISITS").deliveredOn(day).producers(rosa);
    }

    private ValidatableResponse monitor(Header who, String path) {
        return given().header(who).queryParams("from", "2026-10-01", "to", "2026-11-30")
                .get("/api/v1/compliance/" + path).then();
    }

    private long count(String sql, List<UUID> ids) {
        return ((Number) em.createNativeQuery(sql).setParameter("ids", ids).getSingleResult()).longValue();
    }
}
