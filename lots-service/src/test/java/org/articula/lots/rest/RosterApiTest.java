package org.articula.lots.rest;

import static io.restassured.RestAssured.given;
import static org.articula.localstack.testing.SecurityAssertions.forbidden;
import static org.articula.localstack.testing.SecurityAssertions.notFound;
import static org.articula.localstack.testing.upstream.QualityParameter.numeric;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.AgreementEvents;
import org.articula.localstack.testing.upstream.ProducerEvents;
import org.articula.localstack.testing.upstream.QualityParameter;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.repository.AgreementTermsRepository;
import org.articula.lots.repository.ProducerRefRepository;
import org.articula.lots.support.Centres;
import org.articula.lots.support.ContractsFeed;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The roster a centre's devices download to record lots offline: everything first, then only what
 * contracts events changed since the cursor of the previous download.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class RosterApiTest {

    static final ZoneId LIMA = ZoneId.of("America/Lima");
    static final LocalDate TODAY = LocalDate.now(LIMA);
    static final LocalDate START = TODAY.minusDays(30);
    static final LocalDate END = TODAY.plusDays(300);
    static final List<QualityParameter> MILK_QUALITY = List.of(ContractsFeed.TOTAL_SOLIDS,
            QualityParameter.test("antibiotics", false));

    @Inject
    AgreementTermsRepository agreements;
    @Inject
    ProducerRefRepository producers;

    UUID association = UUID.randomUUID();
    UUID processor = UUID.randomUUID();
    UUID network = UUID.randomUUID();
    UUID otherNetwork = UUID.randomUUID();
    UUID rosa = UUID.randomUUID();
    UUID julio = UUID.randomUUID();
    UUID mario = UUID.randomUUID();
    UUID milk = UUID.randomUUID();
    UUID cooperative = UUID.randomUUID();
    UUID grower = UUID.randomUUID();
    UUID cacao = UUID.randomUUID();
    UUID stranger = UUID.randomUUID();
    UUID pond = UUID.randomUUID();
    UUID trout = UUID.randomUUID();
    UUID centre = UUID.randomUUID();

    /**
     * Rosa and Julio sell milk under their network's agreement (the association's, with a processor);
     * the association buys cacao from another cooperative's grower; Mario's network has no agreement
     * yet; a stranger buys trout from a pond. The association runs the centre.
     */
    @BeforeEach
    void anAssociationsCentreAndAgreementsOnBothSides() {
        ContractsFeed.deliver(producer(rosa, association, network, "Rosa Quispe Huamán").registered(),
                producer(julio, association, network, "Julio Rodríguez Cruz").registered(),
                producer(mario, association, otherNetwork, "Mario Castillo Lezama").registered(),
                producer(grower, cooperative, null, "Eva Condori Mamani").registered(),
                producer(pond, stranger, null, "Empresa Municipal de Acoria").registered(),
                milk().quality(MILK_QUALITY).activated(),
                agreement(cacao, cooperative).buyer(association).individual(grower).product("cacao", "kg")
                        .quality(numeric("moisture", "%", null, "7.5")).activated(),
                trout(trout));
        TestTokens.actAs("Julia Ramos", association, Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN);
        Centres.open(association, centre, "Centro de acopio Santa Rosa", null, null);
    }

    @Test
    void theFullDownloadHasTheCentresAgreementsWithTheirQualityClauseAndTheProducersTheyCover() {
        String cursor = roster(null).statusCode(200).body("full", is(true))
                .body("producers.id", containsInAnyOrder(rosa.toString(), julio.toString(), grower.toString()))
                .body("agreements.id", containsInAnyOrder(milk.toString(), cacao.toString()))
                .body("producers.find { it.id == '" + rosa + "' }.name", is("Rosa Quispe Huamán"))
                .body("producers.find { it.id == '" + rosa + "' }.groupId", is(network.toString()))
                .body("producers.find { it.id == '" + grower + "' }.groupId", nullValue())
                .body("producers.find { it.id == '" + grower + "' }.nationalId", is(UpstreamEvents.nationalId(grower)))
                .rootPath("agreements.find { it.id == '" + milk + "' }")
                .body("organisationId", is(association.toString())).body("buyerId", is(processor.toString()))
                .body("producerId", nullValue()).body("groupId", is(network.toString()))
                .body("product", is("milk")).body("unit", is("L")).body("status", is("ACTIVE"))
                .body("startDate", is(START.toString())).body("endDate", is(END.toString()))
                .body("periodsInForce", contains(Map.of("from", START.toString(), "to", END.toString())))
                .body("revision", is(1))
                .body("versions.number", contains(1)).body("versions[0].effectiveFrom", is(START.toString()))
                .body("versions[0].effectiveTo", is(END.toString()))
                .body("versions[0].quality.code", contains("total_solids", "antibiotics"))
                .body("versions[0].quality[0].kind", is("NUMERIC")).body("versions[0].quality[0].unit", is("%"))
                .body("versions[0].quality[0].min", is(11.5f)).body("versions[0].quality[0].max", nullValue())
                .body("versions[0].quality[0].required", is(true))
                .body("versions[0].quality[1].kind", is("BOOLEAN")).body("versions[0].quality[1].passValue", is(false))
                .rootPath("agreements.find { it.id == '" + cacao + "' }")
                .body("buyerId", is(association.toString())).body("producerId", is(grower.toString()))
                .body("versions[0].quality[0].max", is(7.5f))
                .noRootPath().extract().path("cursor");

        roster(cursor).statusCode(200).body("full", is(false)).body("producers", empty()).body("agreements", empty())
                .body("cursor", not(emptyString()));
    }

    @Test
    void afterAProducerEventOnlyThatProducerComesBack() {
        String cursor = roster(null).extract().path("cursor");
        UpstreamEvents.publish(producer(julio, association, network, "Julio César Rodríguez Cruz").updated(1));
        ContractsFeed.await("Julio's new name", () -> producers.findById(julio).revision == 1);

        String next = roster(cursor).statusCode(200).body("full", is(false))
                .body("producers.id", contains(julio.toString()))
                .body("producers[0].name", is("Julio César Rodríguez Cruz"))
                .body("agreements", empty()).extract().path("cursor");
        roster(next).body("producers", empty()).body("agreements", empty());
    }

    @Test
    void afterAnAmendmentTheAgreementAndTheProducersItCoversComeBack() {
        String cursor = roster(null).extract().path("cursor");
        var stricter = List.of(numeric("total_solids", "%", "12.0", null), QualityParameter.test("antibiotics", false));
        UpstreamEvents.publish(milk().revision(2).terms(
                UpstreamEvents.terms().to(TODAY.minusDays(1)).quality(MILK_QUALITY),
                UpstreamEvents.terms().from(TODAY).quality(stricter)).amended());
        ContractsFeed.await("the amendment", () -> agreements.findById(milk).revision == 2);

        roster(cursor).statusCode(200).body("full", is(false))
                .body("agreements.id", contains(milk.toString())).body("agreements[0].revision", is(2))
                .body("agreements[0].versions.number", contains(1, 2))
                .body("agreements[0].versions[1].effectiveFrom", is(TODAY.toString()))
                .body("agreements[0].versions[1].quality[0].min", is(12.0f))
                .body("producers.id", containsInAnyOrder(rosa.toString(), julio.toString()));
    }

    @Test
    void aGroupNewlyCoveredSendsItsMembersAndAnotherOrganisationsAgreementNothing() {
        String cursor = roster(null).body("producers.id", not(hasItem(mario.toString()))).extract().path("cursor");
        UUID otherMilk = UUID.randomUUID();
        UUID strangerTrout = UUID.randomUUID();
        ContractsFeed.deliver(agreement(otherMilk, association).buyer(processor).group(otherNetwork)
                .quality(MILK_QUALITY).activated(), trout(strangerTrout));

        roster(cursor).statusCode(200).body("agreements.id", contains(otherMilk.toString()))
                .body("producers.id", contains(mario.toString()));
    }

    @Test
    void anotherOrganisationsCentreIsNotFoundAndItsOwnListsOnlyItsAgreements() {
        notFound(given().header(TestTokens.as(stranger, Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN))
                .get("/api/v1/collection-centres/" + centre + "/roster").then());
        UUID plant = UUID.randomUUID();
        TestTokens.actAs("Marco Quispe", stranger, Roles.BUYER_ADMIN);
        given().contentType(ContentType.JSON).body(Map.of("id", plant, "organisationId", stranger,
                "name", "Planta de Huancayo", "district", "Huancayo")).post("/api/v1/collection-centres")
                .then().statusCode(201);
        given().get("/api/v1/collection-centres/" + plant + "/roster").then().statusCode(200)
                .body("agreements.id", contains(trout.toString())).body("producers.id", contains(pond.toString()));
        for (String role : List.of(Roles.TREASURER, Roles.AUDITOR)) {
            forbidden(given().header(TestTokens.as(stranger, role)).get("/api/v1/collection-centres/" + plant
                    + "/roster").then());
        }
    }

    @Test
    void aMalformedCursorIs400NamingSinceAndAnEmptyOneOrOneFromBeyondThisDatabaseGetsEverything() {
        for (String bad : List.of("abc", "-1", "1.5", " 12", "12345678901234567890")) {
            roster(bad).statusCode(400).contentType("application/problem+json")
                    .body("type", is("urn:articula:problem:validation"))
                    .body("violations.field", contains("since"));
        }
        for (String everything : List.of("999999999999999999", "")) {
            roster(everything).statusCode(200).body("full", is(true))
                    .body("agreements.id", containsInAnyOrder(milk.toString(), cacao.toString()));
        }
    }

    private ValidatableResponse roster(String since) {
        var request = given();
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.get("/api/v1/collection-centres/" + centre + "/roster").then();
    }

    private static ProducerEvents producer(UUID id, UUID organisation, UUID group, String name) {
        return UpstreamEvents.producer().id(id).organisation(organisation).group(group).name(name);
    }

    /** The network's milk agreement with the processor. */
    private AgreementEvents milk() {
        return agreement(milk, association).buyer(processor).group(network);
    }

    /** The stranger's own trout agreement with the pond. */
    private UpstreamEvent trout(UUID id) {
        return agreement(id, stranger).buyer(stranger).individual(pond).product("trout", "kg")
                .quality(numeric("weight_g", "g", "250", "400")).activated();
    }

    private static AgreementEvents agreement(UUID id, UUID organisation) {
        return UpstreamEvents.agreement().id(id).organisation(organisation).from(START).to(END);
    }
}
