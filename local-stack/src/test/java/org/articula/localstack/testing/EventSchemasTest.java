package org.articula.localstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event schemas in api-specs/events/contracts-service against hand-written events shaped like
 * the ones contracts-service publishes: a milk agreement through its whole life and two producers.
 */
class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventSchemas CONTRACTS = EventSchemas.forService("contracts-service");

    private static final String ORGANISATION = "6f1c0e9a-3b2d-4c55-9a0e-2d9f8f1a7c10";
    private static final String BUYER = "0b7e4d2c-91a3-4f6e-8c5d-3a2b1c0d9e8f";
    private static final String GROUP = "c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f";
    private static final String AGREEMENT = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String PRODUCER = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";

    // ---- valid events --------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyEventContractsServicePublishesMatchesItsSchema() {
        return validEvents().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> CONTRACTS.assertValid(e.getValue())));
    }

    @Test
    void rawRecordBytesAreValidatedToo() throws IOException {
        CONTRACTS.assertValid(JSON.writeValueAsBytes(activated()));
        CONTRACTS.assertValid(JSON.writeValueAsString(producerRegistered()));
    }

    @Test
    void everyDocumentedTypeHasASampleHere() {
        assertEquals(Set.of("OrganisationRegistered", "ProducerRegistered", "ProducerUpdated", "AgreementActivated",
                "AgreementAmended",
                "AgreementSuspended", "AgreementReactivated", "AgreementTerminated", "AgreementExpired",
                "AssistanceDelivered", "CertificationRecorded", "ParcelRegistered"), CONTRACTS.documentedTypes());
        assertEquals(CONTRACTS.documentedTypes(), validEvents().keySet());
    }

    @Test
    void specsAreFoundByWalkingUpFromTheModuleDirectory() {
        Path events = EventSchemas.eventsDirectory();
        assertTrue(events.endsWith(Path.of("api-specs", "events")), events.toString());
        assertTrue(Files.isRegularFile(events.resolve("envelope.schema.json")));
    }

    // ---- broken events -------------------------------------------------------------------------

    @Test
    void aMissingFieldFails() {
        ObjectNode event = activated();
        agreement(event).remove("buyerId");
        assertInvalid(event, "buyerId");
    }

    @Test
    void aNullFieldMustBeWrittenNotLeftOut() {
        ObjectNode event = producerRegistered();
        payload(event).remove("phone");
        assertInvalid(event, "phone");
    }

    @Test
    void aMissingEnvelopeFieldFails() {
        ObjectNode event = producerRegistered();
        event.remove("occurredAt");
        assertInvalid(event, "occurredAt");
    }

    @Test
    void aValueOutsideItsEnumFails() {
        ObjectNode event = activated();
        agreement(event).put("unit", "litre");
        assertInvalid(event, "unit");

        ObjectNode terminated = terminated();
        transition(terminated, 1).put("reasonCode", "BANKRUPTCY");
        assertInvalid(terminated, "reasonCode");
    }

    @Test
    void anUndocumentedFieldFails() {
        ObjectNode event = activated();
        price(event).put("discount", 0.01);
        assertInvalid(event, "discount");

        ObjectNode envelope = producerUpdated();
        envelope.put("traceId", "abc");
        assertInvalid(envelope, "traceId");
    }

    @Test
    void anUndocumentedEventTypeFails() {
        ObjectNode event = activated();
        event.put("type", "AgreementDeleted");
        assertInvalid(event, "AgreementDeleted is not documented");
    }

    @Test
    void anEventWithoutTypeFailsOnTheEnvelope() {
        ObjectNode event = activated();
        event.remove("type");
        assertInvalid(event, "type");
    }

    @Test
    void eachTypePinsItsChangeStatusAndAggregate() {
        ObjectNode wrongKind = suspended();
        change(wrongKind).put("kind", "ACTIVATED");
        assertInvalid(wrongKind, "kind");

        ObjectNode wrongStatus = suspended();
        agreement(wrongStatus).put("status", "ACTIVE");
        assertInvalid(wrongStatus, "status");

        ObjectNode amendmentAsTransition = amended();
        payload(amendmentAsTransition).set("change", change(activated()));
        assertInvalid(amendmentAsTransition, "change");

        ObjectNode wrongAggregate = producerRegistered();
        wrongAggregate.put("aggregateType", "Agreement");
        assertInvalid(wrongAggregate, "aggregateType");

        ObjectNode newerSchema = producerRegistered();
        newerSchema.put("schemaVersion", 2);
        assertInvalid(newerSchema, "schemaVersion");
    }

    @Test
    void nationalIdMatchesItsType() {
        ObjectNode event = producerRegistered();
        payload(event).put("nationalId", "20100047218");
        assertInvalid(event, "nationalId");
    }

    @Test
    void datesAndInstantsAreIsoAndUtc() {
        ObjectNode offset = activated();
        offset.put("occurredAt", "2026-11-01T09:03:11-05:00");
        assertInvalid(offset, "occurredAt");

        ObjectNode dayFirst = activated();
        agreement(dayFirst).put("startDate", "01/11/2026");
        assertInvalid(dayFirst, "startDate");

        ObjectNode notADay = activated();
        agreement(notADay).put("endDate", "2027-02-30");
        assertInvalid(notADay, "endDate");
    }

    @Test
    void amountsAreNumbersNotStrings() {
        ObjectNode event = activated();
        price(event).put("basePrice", "1.03");
        assertInvalid(event, "basePrice");
    }

    @Test
    void qualityParametersFollowTheirKind() {
        ObjectNode booleanWithLimit = activated();
        parameter(booleanWithLimit, 2).put("min", 0);
        assertInvalid(booleanWithLimit, "min");

        ObjectNode numericWithoutUnit = activated();
        parameter(numericWithoutUnit, 0).putNull("unit");
        assertInvalid(numericWithoutUnit, "unit");

        ObjectNode numericWithoutLimits = activated();
        parameter(numericWithoutLimits, 1).putNull("max");
        assertInvalid(numericWithoutLimits, "max");
    }

    @Test
    void everyProblemIsListed() {
        ObjectNode event = activated();
        agreement(event).remove("buyerId");
        agreement(event).put("unit", "litre");
        event.put("organisationId", "not-a-uuid");
        AssertionError error = assertThrows(AssertionError.class, () -> CONTRACTS.assertValid(event));
        assertTrue(error.getMessage().contains("buyerId"), error.getMessage());
        assertTrue(error.getMessage().contains("unit"), error.getMessage());
        assertTrue(error.getMessage().contains("organisationId"), error.getMessage());
        assertTrue(CONTRACTS.problems(event).size() >= 3, CONTRACTS.problems(event).toString());
    }

    @Test
    void bytesThatAreNotJsonFail() {
        byte[] garbage = "{\"type\": \"AgreementActivated\",".getBytes(StandardCharsets.UTF_8);
        assertThrows(AssertionError.class, () -> CONTRACTS.assertValid(garbage));
    }

    @Test
    void anUnknownServiceFails() {
        assertThrows(AssertionError.class, () -> EventSchemas.forService("billing-service"));
    }

    @Test
    void theRootPropertyPointsAtAnotherRepository(@TempDir Path root) throws IOException {
        Path events = Files.createDirectories(root.resolve("api-specs/events/demo-service"));
        Files.copy(EventSchemas.eventsDirectory().resolve("envelope.schema.json"),
                events.getParent().resolve("envelope.schema.json"));
        Files.writeString(events.resolve("Ping.schema.json"), """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$ref": "../envelope.schema.json",
                  "properties": {
                    "type": { "const": "Ping" },
                    "payload": {
                      "type": "object",
                      "required": ["n"],
                      "additionalProperties": false,
                      "properties": { "n": { "type": "integer" } }
                    }
                  }
                }
                """);
        String previous = System.getProperty(EventSchemas.ROOT_PROPERTY);
        System.setProperty(EventSchemas.ROOT_PROPERTY, root.toString());
        try {
            EventSchemas demo = EventSchemas.forService("demo-service");
            ObjectNode ping = producerRegistered();
            ping.put("type", "Ping").put("aggregateType", "Pinger");
            ping.set("payload", JSON.createObjectNode().put("n", 1));
            demo.assertValid(ping);
            ((ObjectNode) ping.get("payload")).put("n", "one");
            assertThrows(AssertionError.class, () -> demo.assertValid(ping));
            assertEquals(Set.of("Ping"), demo.documentedTypes());
        } finally {
            if (previous == null) {
                System.clearProperty(EventSchemas.ROOT_PROPERTY);
            } else {
                System.setProperty(EventSchemas.ROOT_PROPERTY, previous);
            }
        }
    }

    /** A tanker of two lots dispatched, then rejected by the processor: both lots-service shipment events. */
    @Test
    void shipmentEventsOfLotsServiceMatchTheirSchemas() {
        EventSchemas lots = EventSchemas.forService("lots-service");
        ObjectNode dispatched = shipmentEvent("ShipmentDispatched", "null");
        lots.assertValid(dispatched);
        ObjectNode rejected = shipmentEvent("ShipmentResultRecorded", """
                {"outcome": "REJECTED", "discountPercent": null,
                 "readings": [{"parameter": "total_solids", "value": 11.2}],
                 "receivedAt": "2026-11-20T18:30:00Z", "note": "Sólidos bajos", "recordedBy": "Planta Trujillo"}""");
        ((ObjectNode) rejected.at("/payload/shipment")).put("status", "REJECTED").put("version", 1);
        lots.assertValid(rejected);
        ((ObjectNode) dispatched.at("/payload/shipment")).put("shippedQuantity", -1);
        assertInvalidFor(lots, dispatched, "shippedQuantity");
        assertInvalidFor(lots, shipmentEvent("ShipmentResultRecorded", "null"), "result");
    }

    private static void assertInvalidFor(EventSchemas schemas, JsonNode event, String mentioned) {
        AssertionError error = assertThrows(AssertionError.class, () -> schemas.assertValid(event));
        assertTrue(error.getMessage().contains(mentioned), error.getMessage());
    }

    private static ObjectNode shipmentEvent(String type, String result) {
        return read("""
                {
                  "eventId": "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
                  "type": "%1$s",
                  "schemaVersion": 1,
                  "aggregateType": "Shipment",
                  "aggregateId": "4b3a2c1d-0e9f-4a8b-b7c6-d5e4f3a2b1c0",
                  "occurredAt": "2026-11-20T16:00:00Z",
                  "organisationId": "%2$s",
                  "payload": {
                    "shipment": {
                      "shipmentId": "4b3a2c1d-0e9f-4a8b-b7c6-d5e4f3a2b1c0",
                      "centreId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                      "organisationId": "%2$s",
                      "buyerId": "%3$s",
                      "reference": "Cisterna C4X-812",
                      "dispatchedAt": "2026-11-20T16:00:00Z",
                      "product": "milk",
                      "unit": "L",
                      "lotCount": 2,
                      "lotsQuantity": 38.750,
                      "lossesQuantity": 0.750,
                      "shippedQuantity": 38.000,
                      "losses": [{ "quantity": 0.750, "reason": "derrame al trasvasar" }],
                      "certification": null,
                      "status": "DISPATCHED",
                      "result": %4$s,
                      "version": 0
                    },
                    "lots": [
                      { "lotId": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", "revision": 1, "producerId": "%5$s", "quantity": 18.500 },
                      { "lotId": "f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b6c", "revision": 2, "producerId": "%5$s", "quantity": 20.250 }
                    ]
                  }
                }""".formatted(type, ORGANISATION, BUYER, result, PRODUCER));
    }

    // ---- sample events -------------------------------------------------------------------------

    private static Map<String, JsonNode> validEvents() {
        Map<String, JsonNode> events = new LinkedHashMap<>();
        for (ObjectNode event : new ObjectNode[] { organisationRegistered(), producerRegistered(), producerUpdated(),
                activated(), amended(),
                suspended(), reactivated(), terminated(), expired(), assistanceDelivered(), certificationRecorded(),
                parcelRegistered() }) {
            events.put(event.get("type").asText(), event);
        }
        return events;
    }

    /** A veterinary service charged to two producers: S/ 45.01 split 22.51 + 22.50. */
    private static ObjectNode assistanceDelivered() {
        return read("""
                {
                  "eventId": "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c",
                  "type": "AssistanceDelivered",
                  "schemaVersion": 1,
                  "aggregateType": "AssistanceDelivery",
                  "aggregateId": "d0e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6",
                  "occurredAt": "2026-10-20T15:40:00Z",
                  "organisationId": "%1$s",
                  "payload": {
                    "delivery": {
                      "id": "d0e1f2a3-b4c5-4d6e-8f70-8192a3b4c5d6",
                      "agreementId": "%2$s",
                      "organisationId": "%1$s",
                      "buyerId": "%3$s",
                      "kind": "VETERINARY_SERVICE",
                      "deliveredOn": "2026-10-20",
                      "deliveredBy": "MV Jorge Salazar",
                      "description": null,
                      "cost": 45.01,
                      "charged": true,
                      "clauseVersion": 1,
                      "maxInstalments": 2,
                      "wholeNetwork": false,
                      "producers": [
                        { "producerId": "%4$s", "charged": 22.51 },
                        { "producerId": "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9", "charged": 22.50 }
                      ],
                      "recordedBy": "Carmen Vásquez",
                      "recordedAt": "2026-10-20T15:40:00Z"
                    }
                  }
                }""".formatted(ORGANISATION, AGREEMENT, BUYER, PRODUCER));
    }

    /** The cacao cooperative's organic group certificate, covering its members. */
    private static ObjectNode certificationRecorded() {
        return read("""
                {
                  "eventId": "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                  "type": "CertificationRecorded",
                  "schemaVersion": 1,
                  "aggregateType": "Certification",
                  "aggregateId": "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7",
                  "occurredAt": "2026-10-21T14:00:00Z",
                  "organisationId": "%1$s",
                  "payload": {
                    "certification": {
                      "id": "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7",
                      "organisationId": "%1$s",
                      "producerId": null,
                      "holderOrganisationId": "%1$s",
                      "scheme": "ORGANIC",
                      "schemeName": null,
                      "certifier": "Control Union Perú",
                      "products": ["cacao"],
                      "code": "CU-PE-820145",
                      "validFrom": "2026-03-01",
                      "validTo": "2027-02-28",
                      "documentRef": "certificados/cu-pe-820145.pdf",
                      "recordedBy": "Carmen Vásquez",
                      "recordedAt": "2026-10-21T14:00:00Z"
                    }
                  }
                }""".formatted(ORGANISATION));
    }

    /** A 6 ha cacao plot near Quillabamba, as a polygon measured at 6.0004 ha. */
    private static ObjectNode parcelRegistered() {
        return read("""
                {
                  "eventId": "1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6",
                  "type": "ParcelRegistered",
                  "schemaVersion": 1,
                  "aggregateType": "Parcel",
                  "aggregateId": "f2a3b4c5-d6e7-4f80-9102-b3c4d5e6f7a8",
                  "occurredAt": "2026-10-21T14:05:00Z",
                  "organisationId": "%1$s",
                  "payload": {
                    "parcel": {
                      "type": "Feature",
                      "id": "f2a3b4c5-d6e7-4f80-9102-b3c4d5e6f7a8",
                      "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[-72.695000, -12.861000], [-72.692743, -12.861000], [-72.692743, -12.863214],
                          [-72.695000, -12.863214], [-72.695000, -12.861000]]]
                      },
                      "properties": {
                        "parcelId": "f2a3b4c5-d6e7-4f80-9102-b3c4d5e6f7a8",
                        "producerId": "%2$s",
                        "organisationId": "%1$s",
                        "name": "Chacra Santa Rosa",
                        "product": "cacao",
                        "declaredAreaHectares": 6,
                        "computedAreaHectares": 6.0004,
                        "deforestationFreeSince2020": true,
                        "deforestationCutOffDate": "2020-12-31",
                        "registeredBy": "Carmen Vásquez",
                        "registeredAt": "2026-10-21T14:05:00Z"
                      }
                    }
                  }
                }""".formatted(ORGANISATION, PRODUCER));
    }

    @Test
    void aParcelGeolocatedByAnOpenPositionOrAFalseDeclarationFails() {
        ObjectNode shortPosition = parcelRegistered();
        ((ArrayNode) shortPosition.at("/payload/parcel/geometry/coordinates/0/0")).remove(1);
        assertInvalid(shortPosition, "coordinates");
        ObjectNode undeclared = parcelRegistered();
        ((ObjectNode) undeclared.at("/payload/parcel/properties")).put("deforestationFreeSince2020", false);
        assertInvalid(undeclared, "deforestationFreeSince2020");
    }

    @Test
    void anAssistanceDeliveryOfAKindNotDeliveredOnADayFails() {
        ObjectNode event = assistanceDelivered();
        ((ObjectNode) event.path("payload").path("delivery")).put("kind", "FEED_SUPPLY");
        assertInvalid(event, "kind");
    }

    /** A producer group of the association: no RUC, its tenant is the association. */
    private static ObjectNode organisationRegistered() {
        return read("""
                {
                  "eventId": "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
                  "type": "OrganisationRegistered",
                  "schemaVersion": 1,
                  "aggregateType": "Organisation",
                  "aggregateId": "%1$s",
                  "occurredAt": "2026-10-20T15:40:00Z",
                  "organisationId": "%2$s",
                  "payload": {
                    "organisationId": "%1$s",
                    "name": "Red Santa Rosa",
                    "kind": "PRODUCER_GROUP",
                    "ruc": null,
                    "parentId": "%2$s",
                    "district": "Laredo",
                    "region": null,
                    "version": 0
                  }
                }
                """.formatted(GROUP, ORGANISATION));
    }

    /** A person (DNI) with no group, region or phone: nulls are written. */
    private static ObjectNode producerRegistered() {
        return read("""
                {
                  "eventId": "5e0f1d2c-3b4a-4958-8776-a5b4c3d2e1f0",
                  "type": "ProducerRegistered",
                  "schemaVersion": 1,
                  "aggregateType": "Producer",
                  "aggregateId": "%1$s",
                  "occurredAt": "2026-10-20T15:42:07.318204Z",
                  "organisationId": "%2$s",
                  "payload": {
                    "producerId": "%1$s",
                    "organisationId": "%2$s",
                    "groupId": null,
                    "nationalIdType": "DNI",
                    "nationalId": "43918276",
                    "name": "Rosa Quispe Mamani",
                    "district": "Cajabamba",
                    "region": null,
                    "phone": null,
                    "version": 0
                  }
                }
                """.formatted(PRODUCER, ORGANISATION));
    }

    /** A taxpayer (RUC) that joined a producer group. */
    private static ObjectNode producerUpdated() {
        return read("""
                {
                  "eventId": "6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
                  "type": "ProducerUpdated",
                  "schemaVersion": 1,
                  "aggregateType": "Producer",
                  "aggregateId": "%1$s",
                  "occurredAt": "2026-10-27T13:05:00Z",
                  "organisationId": "%2$s",
                  "payload": {
                    "producerId": "%1$s",
                    "organisationId": "%2$s",
                    "groupId": "%3$s",
                    "nationalIdType": "RUC",
                    "nationalId": "20601234565",
                    "name": "Asociación de Ganaderos Lecheros San Marcos",
                    "district": "Cajabamba",
                    "region": "Cajamarca",
                    "phone": "+51976543210",
                    "version": 3
                  }
                }
                """.formatted(PRODUCER, ORGANISATION, GROUP));
    }

    /** A milk agreement with a producer group, signed: 1.03 PEN/L, +0.05 from 12 % solids, paid 7 days after each fortnight. */
    private static ObjectNode activated() {
        return read("""
                {
                  "eventId": "7b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                  "type": "AgreementActivated",
                  "schemaVersion": 1,
                  "aggregateType": "Agreement",
                  "aggregateId": "%1$s",
                  "occurredAt": "2026-10-30T14:03:11.123456Z",
                  "organisationId": "%2$s",
                  "payload": {
                    "agreement": {
                      "id": "%1$s",
                      "organisationId": "%2$s",
                      "buyerId": "%3$s",
                      "counterparty": { "type": "PRODUCER_GROUP", "id": "%4$s" },
                      "product": "milk",
                      "unit": "L",
                      "startDate": "2026-11-01",
                      "endDate": "2027-10-31",
                      "status": "ACTIVE",
                      "version": 1,
                      "periodsInForce": [ { "from": "2026-11-01", "to": "2027-10-31" } ],
                      "versions": [
                        {
                          "number": 1,
                          "effectiveFrom": "2026-11-01",
                          "effectiveTo": "2027-10-31",
                          "clauses": {
                            "quality": {
                              "parameters": [
                                { "code": "total_solids", "name": "Sólidos totales", "kind": "NUMERIC", "unit": "%%",
                                  "min": 11.5, "max": null, "passValue": null, "required": true },
                                { "code": "temperature", "name": "temperature", "kind": "NUMERIC", "unit": "°C",
                                  "min": null, "max": 10, "passValue": null, "required": true },
                                { "code": "antibiotics", "name": "Antibióticos", "kind": "BOOLEAN", "unit": null,
                                  "min": null, "max": null, "passValue": false, "required": true }
                              ],
                              "contestWindowHours": 48,
                              "untestedDisputeFavoursProducer": true
                            },
                            "quantity": null,
                            "price": {
                              "currency": "PEN",
                              "basePrice": 1.03,
                              "qualityAdjustments": [
                                { "parameter": "total_solids", "from": 12, "to": null, "amountPerUnit": 0.05 }
                              ],
                              "volumeTiers": [],
                              "paymentFrequency": "FORTNIGHTLY",
                              "paymentTermDays": 7
                            },
                            "assistance": {
                              "services": [
                                { "kind": "VETERINARY_SERVICE", "description": "Visita veterinaria mensual",
                                  "visitsPerMonth": 1, "chargedToProducer": true }
                              ],
                              "maxInstalments": 2
                            },
                            "incentives": {
                              "rules": [
                                { "kind": "ACCEPTANCE_BONUS", "consecutiveFortnights": 2, "minAcceptancePercent": 95,
                                  "bonusPerUnit": 0.02, "action": null }
                              ]
                            },
                            "certification": { "required": null, "schemeName": null }
                          },
                          "reason": null,
                          "recordedBy": "mflores",
                          "recordedAt": "2026-10-28T16:20:45.5Z"
                        }
                      ],
                      "transitions": [
                        { "seq": 1, "from": "DRAFT", "to": "ACTIVE", "effectiveOn": "2026-11-01", "reasonCode": null,
                          "reason": null, "recordedBy": "mflores", "recordedAt": "2026-10-30T14:03:11.123456Z" }
                      ],
                      "createdAt": "2026-10-28T16:20:45.5Z",
                      "updatedAt": "2026-10-30T14:03:11.123456Z"
                    },
                    "change": { "kind": "ACTIVATED", "transitionSeq": 1, "effectiveOn": "2026-11-01" }
                  }
                }
                """.formatted(AGREEMENT, ORGANISATION, BUYER, GROUP));
    }

    /** Version 2 from February: a committed 150 L a day and a volume bonus. */
    private static ObjectNode amended() {
        ObjectNode event = event(activated(), "AgreementAmended", "2027-01-20T10:00:00Z", 2, "ACTIVE");
        ArrayNode versions = (ArrayNode) agreement(event).get("versions");
        ObjectNode v1 = (ObjectNode) versions.get(0);
        ObjectNode v2 = v1.deepCopy();
        v1.put("effectiveTo", "2027-01-31");
        v2.put("number", 2).put("effectiveFrom", "2027-02-01").put("reason", "Compromiso de volumen")
                .put("recordedAt", "2027-01-20T10:00:00Z");
        ObjectNode clauses = (ObjectNode) v2.get("clauses");
        clauses.set("quantity", read("""
                { "committedQuantity": 150, "per": "DAY", "tolerancePercent": 10, "shortfallPenaltyPerUnit": 0.02 }
                """));
        ((ArrayNode) clauses.get("price").get("volumeTiers")).add(read("""
                { "minQuantity": 2000, "bonusPerUnit": 0.02 }
                """));
        // From February the buyer pays for organic milk only.
        clauses.set("certification", read("""
                { "required": "ORGANIC", "schemeName": null }
                """));
        versions.add(v2);
        payload(event).set("change", read("""
                { "kind": "AMENDED", "versionNumber": 2, "effectiveFrom": "2027-02-01" }
                """));
        return event;
    }

    private static ObjectNode suspended() {
        ObjectNode event = event(activated(), "AgreementSuspended", "2027-03-10T13:00:00Z", 2, "SUSPENDED");
        addTransition(event, 2, "ACTIVE", "SUSPENDED", "2027-03-10", null, "Camino cortado por huaico");
        agreement(event).set("periodsInForce", tree("""
                [ { "from": "2026-11-01", "to": "2027-03-09" } ]
                """));
        return event;
    }

    private static ObjectNode reactivated() {
        ObjectNode event = event(suspended(), "AgreementReactivated", "2027-03-20T13:00:00Z", 3, "ACTIVE");
        addTransition(event, 3, "SUSPENDED", "ACTIVE", "2027-03-20", null, null);
        agreement(event).set("periodsInForce", tree("""
                [ { "from": "2026-11-01", "to": "2027-03-09" }, { "from": "2027-03-20", "to": "2027-10-31" } ]
                """));
        return event;
    }

    private static ObjectNode terminated() {
        ObjectNode event = event(activated(), "AgreementTerminated", "2027-05-02T12:30:00Z", 2, "TERMINATED");
        addTransition(event, 2, "ACTIVE", "TERMINATED", "2027-05-01", "PRODUCER_LEFT", "Vende a una quesería");
        agreement(event).set("periodsInForce", tree("""
                [ { "from": "2026-11-01", "to": "2027-04-30" } ]
                """));
        return event;
    }

    private static ObjectNode expired() {
        ObjectNode event = event(activated(), "AgreementExpired", "2027-11-01T05:00:00.004Z", 2, "EXPIRED");
        addTransition(event, 2, "ACTIVE", "EXPIRED", "2027-11-01", null, "fin de la vigencia");
        transition(event, 1).put("recordedBy", "sistema");
        return event;
    }

    private static ObjectNode event(ObjectNode from, String type, String at, int version, String status) {
        from.put("type", type).put("occurredAt", at).put("eventId", "8c3d4e5f-6a7b-4c8d-9e0f-" + String.format(
                "%012d", type.hashCode() & 0x7fffffff));
        agreement(from).put("version", version).put("status", status).put("updatedAt", at);
        return from;
    }

    private static void addTransition(ObjectNode event, int seq, String from, String to, String on, String code,
            String reason) {
        String at = event.get("occurredAt").asText();
        ObjectNode t = JSON.createObjectNode().put("seq", seq).put("from", from).put("to", to)
                .put("effectiveOn", on).put("reasonCode", code).put("reason", reason).put("recordedBy", "mflores")
                .put("recordedAt", at);
        ((ArrayNode) agreement(event).get("transitions")).add(t);
        payload(event).set("change", JSON.createObjectNode()
                .put("kind",
                        seq == 1 ? "ACTIVATED" : from.equals("SUSPENDED") && to.equals("ACTIVE") ? "REACTIVATED" : to)
                .put("transitionSeq", seq).put("effectiveOn", on));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static ObjectNode payload(ObjectNode event) {
        return (ObjectNode) event.get("payload");
    }

    private static ObjectNode agreement(ObjectNode event) {
        return (ObjectNode) payload(event).get("agreement");
    }

    private static ObjectNode change(ObjectNode event) {
        return (ObjectNode) payload(event).get("change");
    }

    private static ObjectNode transition(ObjectNode event, int index) {
        return (ObjectNode) agreement(event).get("transitions").get(index);
    }

    private static ObjectNode price(ObjectNode event) {
        return (ObjectNode) agreement(event).get("versions").get(0).get("clauses").get("price");
    }

    private static ObjectNode parameter(ObjectNode event, int index) {
        return (ObjectNode) agreement(event).get("versions").get(0).get("clauses").get("quality").get("parameters")
                .get(index);
    }

    private static void assertInvalid(JsonNode event, String mentioned) {
        Executable validation = () -> CONTRACTS.assertValid(event);
        AssertionError error = assertThrows(AssertionError.class, validation, () -> "expected invalid: " + event);
        assertTrue(error.getMessage().contains(mentioned), () -> "message should mention " + mentioned + ":\n"
                + error.getMessage());
    }

    private static ObjectNode read(String json) {
        return (ObjectNode) tree(json);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
