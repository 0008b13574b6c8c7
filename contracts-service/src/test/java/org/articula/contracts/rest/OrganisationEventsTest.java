package org.articula.contracts.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.mapping.OrganisationEvents;
import org.articula.localstack.testing.PublishedEvents;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Organisations are announced on contracts.events (payments-service prints their names on statements):
 * once when registered, never on a repeat, and, for organisations registered before the event existed, once
 * by the V3 migration with the same payload the service publishes.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "contracts"))
class OrganisationEventsTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("contracts.events", "contracts-service");
    static final String BACKFILL = "db/migration/V3__announce_registered_organisations.sql";

    @Inject
    DataSource dataSource;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "articula.events.topic")
    String topic;

    @Test
    void registeringAnAssociationAndItsNetworkAnnouncesEachOnceWithItsNameAndTenant() {
        UUID association = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        Map<String, Object> laredo = Map.of("id", association, "name", "Asociación de Productores Lecheros de Laredo",
                "kind", "ASSOCIATION", "ruc", "20481276595", "district", "Laredo", "region", "La Libertad");
        for (int i = 0; i < 2; i++) { // the repeat publishes nothing
            given().header(TestTokens.as(association, TestTokens.STAFF)).contentType(ContentType.JSON).body(laredo)
                    .post("/api/v1/organisations").then().statusCode(i == 0 ? 201 : 200);
        }
        given().header(TestTokens.as(association, TestTokens.STAFF)).contentType(ContentType.JSON)
                .body(Map.of("id", network, "name", "Red Santa Rosa", "kind", "PRODUCER_GROUP", "parentId",
                        association))
                .post("/api/v1/organisations").then().statusCode(201);

        EventEnvelope registered = EventJson.read(PUBLISHED.await(association.toString(), 1).get(0).value());
        assertEquals("OrganisationRegistered", registered.type());
        assertEquals(association, registered.organisationId());
        assertEquals("Asociación de Productores Lecheros de Laredo", registered.payload().path("name").asText());
        assertEquals("ASSOCIATION", registered.payload().path("kind").asText());
        assertEquals("20481276595", registered.payload().path("ruc").asText());
        assertEquals(0, registered.payload().path("version").asInt());

        EventEnvelope group = EventJson.read(PUBLISHED.await(network.toString(), 1).get(0).value());
        assertEquals(association, group.organisationId(), "a network's events belong to its association");
        assertEquals(association.toString(), group.payload().path("parentId").asText());
        assertEquals(payloadAsPublished(network), group.payload());
    }

    @Test
    void anOrganisationRegisteredBeforeTheEventExistedIsAnnouncedByTheBackfillAsTheServiceWouldAnnounceIt()
            throws Exception {
        UUID old = UUID.randomUUID();
        Instant registeredAt = Instant.parse("2026-03-02T14:05:06.123456Z");
        // As V1/V2 left it: a row, and nothing in the outbox.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into organisation (id, name, kind, ruc, district, region, created_at, version)
                values (:id, 'Planta Lechera del Norte S.A.C.', 'PROCESSOR', null, 'Trujillo', null, :at, 0)""")
                .setParameter("id", old).setParameter("at", registeredAt).executeUpdate());

        runBackfill();

        EventEnvelope announced = EventJson.read(PUBLISHED.await(old.toString(), 1).get(0).value());
        assertEquals("OrganisationRegistered", announced.type());
        assertEquals("Organisation", announced.aggregateType());
        assertEquals(old, announced.organisationId());
        assertEquals(registeredAt, announced.occurredAt());
        assertEquals(payloadAsPublished(old), announced.payload());
    }

    /** The migration's script as Flyway runs it, its placeholder replaced by this service's topic. */
    private void runBackfill() throws IOException, SQLException {
        String script;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BACKFILL)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${events_topic}", topic);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }

    /** What OrganisationService publishes for the stored organisation, as read from the wire. */
    private JsonNode payloadAsPublished(UUID id) {
        Organisation organisation = QuarkusTransaction.requiringNew().call(() -> em.find(Organisation.class, id));
        try {
            return EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(
                    OrganisationEvents.payload(organisation)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
