package org.articula.payments.rest;

import static io.restassured.RestAssured.given;
import static org.articula.localstack.testing.CsvDownloads.Table.number;
import static org.articula.localstack.testing.SecurityAssertions.forbidden;
import static org.articula.localstack.testing.SecurityAssertions.notFound;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.CsvDownloads;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Deliveries;
import org.articula.payments.support.Feed;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statements as a producer receives them: the PDF of one (its extracted text holds the DNI, the net
 * in S/ and the due date, in an embedded font), one PDF with a section per producer of a settlement,
 * and a producer's own list of statements and charges, never another's.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class StatementDocumentsTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT_16 = LocalDate.of(2026, 10, 16);
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final String ASSOCIATION = "Asociación de Productores Lecheros de Laredo";
    static final String BUYER = "Planta Lechera del Norte S.A.C.";

    @Inject
    EntityManager em;

    UUID organisation;
    UUID buyer;
    UUID rosa;
    UUID julio;
    String settlement;
    Deliveries deliveries;

    /**
     * Rosa: 600 L at 12.1 % solids (1.03 + 0.05 = 1.08: 648.00), 620 L at 11.8 % (1.03: 638.60) and a
     * rejected lot; feed of S/ 52.10 in one instalment: gross 1,286.60, net 1,234.50, due 22/10/2026.
     * Julio: 100 L at 1.03: 103.00. The fortnight closed, Rosa paid.
     */
    @BeforeEach
    void rosaAndJulioSettledAndClosed() {
        organisation = UUID.randomUUID();
        buyer = UUID.randomUUID();
        TestTokens.actAs("Tesorera", organisation, TestTokens.STAFF);
        rosa = UUID.randomUUID();
        julio = UUID.randomUUID();
        // The names come with contracts-service's organisation events (statements showed ids before them).
        UpstreamEvents.publish(UpstreamEvents.organisation().id(organisation).name(ASSOCIATION).registered(),
                UpstreamEvents.organisation().id(buyer).name(BUYER).kind("PROCESSOR").registered());
        Feed.awaitOrganisations(em, organisation, buyer);
        deliveries = new Deliveries(organisation, buyer, "milk", "L");
        for (Object[] p : List.of(new Object[] { rosa, "Rosa Ñahui Quíspe" },
                new Object[] { julio, "Julio Cóndor Peña" })) {
            deliveries.producer((UUID) p[0], (String) p[1],
                    UpstreamEvents.terms().basePrice("1.03").adjustment("total_solids", "12", null, "0.05"));
        }
        UUID rosaAgreement = deliveries.agreementOf(rosa);
        UUID julioAgreement = deliveries.agreementOf(julio);
        lot(rosa, rosaAgreement, OCT_1.plusDays(1), "MORNING", "600", Map.of("total_solids", "12.1"), "ACCEPTED");
        lot(rosa, rosaAgreement, OCT_1.plusDays(1), "AFTERNOON", "620", Map.of("total_solids", "11.8"), "ACCEPTED");
        lot(rosa, rosaAgreement, OCT_1.plusDays(2), "MORNING", "30", Map.of("total_solids", "10.9"), "REJECTED");
        lot(julio, julioAgreement, OCT_1.plusDays(1), "MORNING", "100", Map.of(), "ACCEPTED");
        Feed.awaitTermsOf(em, rosa);
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(), "organisationId", organisation,
                "producerId", rosa, "kind", "FEED", "description", "Concentrado lechero, 2 sacos", "amount",
                new BigDecimal("52.10"), "chargeDate", "2026-10-02", "instalments", 1, "by", "Tesorera"))
                .post("/api/v1/charges").then().statusCode(201);
        settlement = run(OCT_1);
        given().contentType(ContentType.JSON).body(Map.of("by", "Tesorera"))
                .post("/api/v1/settlements/" + settlement + "/closing").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("producerId", rosa, "paidOn", "2026-10-22", "by", "Tesorera"))
                .post("/api/v1/settlements/" + settlement + "/payouts").then().statusCode(200);
    }

    @Test
    void aStatementNamesTheAssociationAndTheBuyer() {
        given().get("/api/v1/settlements/" + settlement + "/statements/" + rosa).then().statusCode(200)
                .body("organisationId", is(organisation.toString())).body("organisationName", is(ASSOCIATION))
                .body("buyerIds", contains(buyer.toString())).body("buyerNames", contains(BUYER));
    }

    @Test
    void aStatementAsPdfHoldsTheDniTheNetInSolesAndTheDueDateInAnEmbeddedFont() throws IOException {
        ExtractableResponse<Response> response = given().accept("application/pdf")
                .get("/api/v1/settlements/" + settlement + "/statements/" + rosa).then().statusCode(200)
                .contentType("application/pdf").extract();
        String dni = nationalId(rosa);
        assertEquals("attachment; filename=\"liquidacion-" + dni + "-2026-10-01.pdf\"",
                response.header("Content-Disposition"));

        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            String text = words(new PDFTextStripper().getText(pdf));
            for (String expected : List.of("Liquidación quincenal", "Rosa Ñahui Quíspe", "DNI " + dni,
                    "Organización " + ASSOCIATION, "Comprador " + BUYER,
                    "del 01/10/2026 al 15/10/2026", "Fecha de pago 22/10/2026", "Neto a pagar S/ 1,234.50",
                    "Total bruto S/ 1,286.60", "S/ -52.10", "600 L", "620 L", "Mañana", "Tarde",
                    "total_solids 12.1 (+S/ 0.0500)", "Precio base: ninguna lectura cambió el precio",
                    "Lecturas: total_solids 11.8", "Rechazado", "total_solids 10.9 % bajo el mínimo 11.5",
                    "Concentrado lechero, 2 sacos", "Queda por descontar", "pagado a tiempo")) {
                assertTrue(text.contains(expected), () -> "missing «" + expected + "» in\n" + text);
            }
            List<String> fonts = fonts(pdf);
            assertTrue(!fonts.isEmpty() && fonts.stream().allMatch(f -> f.contains("DejaVuSans")), fonts::toString);
        }
    }

    @Test
    void everyProducerOfASettlementInOnePdfEachFromANewPage() throws IOException {
        ExtractableResponse<Response> response = given().accept("application/pdf")
                .get("/api/v1/settlements/" + settlement + "/statements").then().statusCode(200)
                .contentType("application/pdf").extract();
        assertEquals("attachment; filename=\"liquidaciones-2026-10-01.pdf\"", response.header("Content-Disposition"));

        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            String all = words(new PDFTextStripper().getText(pdf));
            assertEquals(2, count(all, "Liquidación quincenal"), all);
            // by name: Julio's section, then Rosa's, each on its own page(s)
            List<String> owners = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = words(stripper.getText(pdf));
                boolean hasJulio = text.contains("DNI " + nationalId(julio));
                boolean hasRosa = text.contains("DNI " + nationalId(rosa));
                assertTrue(!(hasJulio && hasRosa), () -> "two producers on one page:\n" + text);
                owners.add(hasJulio ? "julio" : hasRosa ? "rosa" : "continued");
            }
            assertEquals(List.of("julio", "rosa"), owners.stream().filter(o -> !o.equals("continued")).toList());
            assertTrue(all.contains("Neto a pagar S/ 103.00") && all.contains("Neto a pagar S/ 1,234.50"), all);
            assertEquals(2, count(all, "Organización " + ASSOCIATION), all);
            assertEquals(2, count(all, "Comprador " + BUYER), all);
        }
        // the same document as a page for the browser
        given().accept("text/html").get("/api/v1/settlements/" + settlement + "/statements").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Julio Cóndor Peña"));
    }

    @Test
    void aProducerListsExactlyTheirOwnStatementsAndChargesAndNothingOfAnotherProducers() {
        lot(rosa, agreementOfRosa(), OCT_16.plusDays(1), "MORNING", "10", Map.of(), "ACCEPTED");
        String second = run(OCT_16);
        Header rosaHerself = producer("Rosa", rosa);

        given().header(rosaHerself).get("/api/v1/statements").then().statusCode(200)
                .body("settlementId", contains(second, settlement))
                .body("producerId", contains(rosa.toString(), rosa.toString()))
                .body("periodStart", contains("2026-10-16", "2026-10-01"))
                .body("status", contains("OPEN", "CLOSED"))
                .body("[1].gross", is(1286.60f)).body("[1].deductions", is(52.10f)).body("[1].net", is(1234.50f))
                .body("[1].dueDate", is("2026-10-22")).body("[1].paidOn", is("2026-10-22"))
                .body("[0].paidOn", is((Object) null));
        given().header(rosaHerself).queryParam("producerId", rosa).get("/api/v1/statements").then().statusCode(200)
                .body("settlementId", contains(second, settlement));
        notFound(given().header(rosaHerself).queryParam("producerId", julio).get("/api/v1/statements").then());
        notFound(given().header(rosaHerself).accept("application/pdf")
                .get("/api/v1/settlements/" + settlement + "/statements/" + julio).then());
        given().header(rosaHerself).accept("application/pdf")
                .get("/api/v1/settlements/" + settlement + "/statements/" + rosa).then().statusCode(200);
        forbidden(given().header(rosaHerself).accept("application/pdf")
                .get("/api/v1/settlements/" + settlement + "/statements").then());

        // her charges with what is left to recover (all of it recovered by the closed fortnight)
        given().header(rosaHerself).get("/api/v1/charges").then().statusCode(200)
                .body("producerId", contains(rosa.toString())).body("[0].recovered", is(52.10f))
                .body("[0].remaining", is(0f));
        notFound(given().header(rosaHerself).queryParam("producerId", julio).get("/api/v1/charges").then());

        // the treasurer and the auditor list any member's; someone of no member is not found
        given().queryParam("producerId", julio).get("/api/v1/statements").then().statusCode(200)
                .body("settlementId", contains(settlement)).body("[0].net", is(103.00f));
        given().header(TestTokens.as(organisation, Roles.AUDITOR)).queryParam("producerId", rosa)
                .get("/api/v1/statements").then().statusCode(200).body("$", hasSize(2));
        notFound(given().queryParam("producerId", UUID.randomUUID()).get("/api/v1/statements").then());
        notFound(given().header(TestTokens.as(UUID.randomUUID(), Roles.TREASURER)).queryParam("producerId", rosa)
                .get("/api/v1/statements").then());
        given().get("/api/v1/statements").then().statusCode(400);
    }

    @Test
    void settlementsAStatementChargesAndAProducersStatementsDownloadAsTablesWithTheFiguresOfTheJson() {
        String dni = nationalId(rosa);
        // the organisation's settlements
        JsonPath list = given().get("/api/v1/settlements").then().statusCode(200).extract().jsonPath();
        CsvDownloads.Table settlements = CsvDownloads.get(given(), "/api/v1/settlements", "liquidaciones.csv");
        assertEquals(List.of(settlement), settlements.column("Id de la liquidación"));
        Map<String, String> fortnight = settlements.row(0);
        assertEquals(List.of("2026-10-01", "2026-10-15", "Cerrada", "2", "4"), List.of(fortnight.get("Quincena desde"),
                fortnight.get("Quincena hasta"), fortnight.get("Estado"), fortnight.get("Socios"),
                fortnight.get("Lotes")));
        assertEquals(List.of(money(list, "[0].gross"), money(list, "[0].deductions"), money(list, "[0].net")),
                List.of(number(fortnight, "Bruto (S/)"), number(fortnight, "Descuentos (S/)"),
                        number(fortnight, "Neto (S/)")));
        assertEquals(new BigDecimal("1337.50"), number(fortnight, "Neto (S/)"));
        CsvDownloads.get(given().queryParam("fortnightStart", "2026-10-01"), "/api/v1/settlements",
                "liquidaciones-2026-10-01.csv");

        // one settlement: a row per producer, named
        JsonPath view = given().get("/api/v1/settlements/" + settlement).then().statusCode(200).extract().jsonPath();
        CsvDownloads.Table producers = CsvDownloads.get(given(), "/api/v1/settlements/" + settlement,
                "liquidacion-2026-10-01.csv");
        assertEquals(view.getList("producers.producerId"), producers.column("Id del socio"));
        for (Map<String, String> row : producers.rows()) {
            String p = "producers.find { it.producerId == '" + row.get("Id del socio") + "' }.";
            assertEquals(List.of(money(view, p + "gross"), money(view, p + "deductions"), money(view, p + "net")),
                    List.of(number(row, "Bruto (S/)"), number(row, "Descuentos (S/)"), number(row, "Neto (S/)")));
            assertEquals(view.getString(p + "dueDate"), row.get("Vence"));
            assertEquals(String.valueOf(view.getString(p + "paidOn")).replace("null", ""), row.get("Pagado el"));
        }
        Map<String, String> rosaRow = producers.where("Id del socio", rosa.toString()).get(0);
        assertEquals(List.of("Rosa Ñahui Quíspe", dni, "1286.60", "52.10", "1234.50", "2026-10-22", "2026-10-22", "0"),
                List.of(rosaRow.get("Socio"), rosaRow.get("DNI"), rosaRow.get("Bruto (S/)"),
                        rosaRow.get("Descuentos (S/)"),
                        rosaRow.get("Neto (S/)"), rosaRow.get("Vence"), rosaRow.get("Pagado el"),
                        rosaRow.get("Días de retraso")));
        assertEquals("", producers.where("Id del socio", julio.toString()).get(0).get("Pagado el"));

        // Rosa's statement: a row per line as the JSON lists them, the instalment deducted, the totals
        String url = "/api/v1/settlements/" + settlement + "/statements/" + rosa;
        JsonPath statement = given().get(url).then().statusCode(200).contentType("application/json").extract()
                .jsonPath();
        CsvDownloads.Table lines = CsvDownloads.get(given(), url, "liquidacion-" + dni + "-2026-10-01.csv");
        List<Map<String, String>> lots = lines.rows().subList(0, statement.getList("lines").size());
        for (int i = 0; i < lots.size(); i++) {
            assertEquals(money(statement, "lines[" + i + "].amount"), number(lots.get(i), "Importe (S/)"));
            assertEquals(statement.getString("lines[" + i + "].deliveryDate"), lots.get(i).get("Fecha"));
        }
        Map<String, String> priced = lines.where("Importe (S/)", "648.00").get(0);
        assertEquals(List.of("Lote", "Mañana", "600.000", "L", "1.0800", "total_solids 12.1"),
                List.of(priced.get("Concepto"),
                        priced.get("Turno"), priced.get("Cantidad"), priced.get("Unidad"),
                        priced.get("Precio unitario (S/)"),
                        priced.get("Detalle")));
        Map<String, String> rejected = lines.where("Concepto", "Lote rechazado").get(0);
        assertEquals("total_solids 10.9 % bajo el mínimo 11.5", rejected.get("Detalle"));
        Map<String, String> deduction = lines.where("Concepto", "Descuento").get(0);
        assertEquals(List.of("2026-10-02", "-52.10", "Alimento: Concentrado lechero, 2 sacos", "1", "52.10", "0.00"),
                List.of(deduction.get("Fecha"), deduction.get("Importe (S/)"), deduction.get("Detalle"),
                        deduction.get("Armada"), deduction.get("Cuota (S/)"),
                        deduction.get("Queda por descontar (S/)")));
        assertEquals(List.of("1286.60", "-52.10", "1234.50"), List.of(lines.where("Concepto", "Total bruto").get(0)
                .get("Importe (S/)"), lines.where("Concepto", "Total descuentos").get(0).get("Importe (S/)"),
                lines.where("Concepto", "Neto a pagar").get(0).get("Importe (S/)")));
        assertEquals(money(statement, "net"), number(lines.where("Concepto", "Neto a pagar").get(0), "Importe (S/)"));
        assertEquals("2026-10-22", lines.where("Concepto", "Neto a pagar").get(0).get("Fecha"));
        // what a spreadsheet sums: the lines and the deductions make the net
        assertEquals(new BigDecimal("1234.50"), lines.rows().stream().filter(r -> !r.get("Concepto").startsWith("Total")
                && !r.get("Concepto").equals("Neto a pagar")).map(r -> number(r, "Importe (S/)"))
                .reduce(BigDecimal.ZERO, BigDecimal::add));

        // charges: a text a spreadsheet would run stays text
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(), "organisationId", organisation,
                "producerId", julio, "kind", "VETERINARY", "description", "=SUM(A1:A9)", "amount",
                new BigDecimal("100.01"),
                "chargeDate", "2026-10-20", "instalments", 2)).post("/api/v1/charges").then().statusCode(201);
        JsonPath julios = given().queryParam("producerId", julio).get("/api/v1/charges").then().statusCode(200)
                .extract().jsonPath();
        CsvDownloads.Table charges = CsvDownloads.get(given().queryParam("producerId", julio), "/api/v1/charges",
                "cargos-" + nationalId(julio) + ".csv");
        Map<String, String> vet = charges.row(0);
        assertEquals(List.of("2026-10-20", "Veterinario", "'=SUM(A1:A9)", "100.01", "2",
                "1: 50.00 desde 2026-10-16; 2: 50.01 desde 2026-11-01", "0.00", "100.01", "Vigente"),
                List.of(vet.get("Fecha"), vet.get("Tipo"), vet.get("Detalle"), vet.get("Monto (S/)"),
                        vet.get("Armadas"),
                        vet.get("Cuotas"), vet.get("Recuperado (S/)"), vet.get("Falta (S/)"), vet.get("Estado")));
        assertEquals(money(julios, "[0].remaining"), number(vet, "Falta (S/)"));

        // a producer downloads their own statement, statements and charges, nothing of another's
        Header rosaHerself = producer("Rosa", rosa);
        CsvDownloads.Table mine = CsvDownloads.get(given().header(rosaHerself), "/api/v1/statements",
                "liquidaciones-socio-" + dni + ".csv");
        assertEquals(List.of("2026-10-01", "1234.50", "2026-10-22"), List.of(mine.row(0).get("Quincena desde"),
                mine.row(0).get("Neto (S/)"), mine.row(0).get("Pagado el")));
        CsvDownloads.get(given().header(rosaHerself), "/api/v1/charges", "cargos-" + dni + ".csv");
        CsvDownloads.get(given().header(rosaHerself), url, "liquidacion-" + dni + "-2026-10-01.csv");
        notFound(given().header(rosaHerself).accept("text/csv")
                .get("/api/v1/settlements/" + settlement + "/statements/" + julio).then());
        notFound(given().header(rosaHerself).accept("text/csv").queryParam("producerId", julio).get("/api/v1/charges")
                .then());
        forbidden(given().header(rosaHerself).accept("text/csv").get("/api/v1/settlements/" + settlement).then());
        notFound(given().accept("text/csv").get("/api/v1/settlements/" + UUID.randomUUID()).then());
    }

    @Test
    void aReconciliationDownloadsAsATableWithItsBuyersTotalsAndFlagsInWords() {
        String buyer = given().get("/api/v1/settlements/" + settlement + "/statements/" + rosa).then().statusCode(200)
                .extract().jsonPath().getString("buyerIds[0]");
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(), "organisationId", organisation,
                "buyerId", buyer, "fortnightStart", "2026-10-01", "product", "milk", "quantityPaid",
                new BigDecimal("1200"),
                "unit", "L", "amount", new BigDecimal("1300.00"), "receivedOn", "2026-10-20"))
                .post("/api/v1/remittances").then().statusCode(201);
        var query = Map.of("organisationId", organisation, "fortnightStart", "2026-10-01");
        JsonPath json = given().queryParams(query).get("/api/v1/reconciliations").then().statusCode(200).extract()
                .jsonPath();
        CsvDownloads.Table table = CsvDownloads.get(given().queryParams(query), "/api/v1/reconciliations",
                "conciliacion-2026-10-01.csv");

        Map<String, String> line = table.where("Concepto", "Comprador").get(0);
        assertEquals(buyer, line.get("Comprador"));
        for (String[] figure : new String[][] { { "quantityCollected", "Cantidad acopiada" },
                { "quantityPaidFor", "Cantidad pagada" }, { "shrinkage", "Merma" }, { "shrinkagePercent", "Merma (%)" },
                { "amountReceived", "Recibido del comprador (S/)" }, { "grossOwed", "Adeudado a socios (S/)" },
                { "margin", "Margen (S/)" } }) {
            assertEquals(0,
                    json.getObject("buyers[0]." + figure[0], BigDecimal.class).compareTo(number(line, figure[1])),
                    figure[1]);
        }
        Map<String, String> totals = table.where("Concepto", "Total").get(0);
        for (String[] figure : new String[][] { { "amountReceived", "Recibido del comprador (S/)" },
                { "grossOwed", "Adeudado a socios (S/)" }, { "deductionsRecovered", "Descuentos recuperados (S/)" },
                { "netOwed", "Neto adeudado (S/)" }, { "netPaid", "Neto pagado (S/)" }, { "margin", "Margen (S/)" } }) {
            assertEquals(money(json, "totals." + figure[0]), number(totals, figure[1]), figure[1]);
        }
        assertEquals(new BigDecimal("1234.50"), number(totals, "Neto pagado (S/)"));
        // Julio's S/ 103.00 fell due on 22/10 and is unpaid
        List<Map<String, String>> overdue = table.where("Concepto", "Pago a socios atrasado");
        assertEquals(1, overdue.size());
        assertEquals(julio.toString(), overdue.get(0).get("Socio"));
        assertEquals(json.getString("discrepancies.find { it.kind == 'PAYOUT_OVERDUE' }.message"),
                overdue.get(0).get("Observación"));
        assertEquals(json.getList("discrepancies").size(), table.rows().size() - 2);

        given().accept("text/csv").queryParam("organisationId", organisation).get("/api/v1/reconciliations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("fortnightStart"));
        given().accept("text/csv").queryParams("organisationId", organisation, "fortnightStart", "1/10/2026")
                .get("/api/v1/reconciliations").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("fortnightStart"));
    }

    private static BigDecimal money(JsonPath json, String path) {
        return json.getObject(path, BigDecimal.class).setScale(2);
    }

    // --- helpers ---

    private UUID agreementOfRosa() {
        return deliveries.agreementOf(rosa);
    }

    private Header producer(String name, UUID producer) {
        return TestTokens
                .as(TestTokens.sign(Tokens.Claims.of(name, organisation, Roles.PRODUCER).withProducer(producer)));
    }

    private void lot(UUID producer, UUID agreement, LocalDate day, String shift, String quantity,
            Map<String, String> readings, String verdict) {
        deliveries.send(deliveries.lotOf(producer, day).agreement(agreement).shift(shift).quantity(quantity)
                .readings(readings).judged(verdict, "total_solids 10.9 % bajo el mínimo 11.5"));
    }

    private String run(LocalDate fortnight) {
        deliveries.awaitAll(em);
        return given().contentType(ContentType.JSON).body(Map.of("organisationId", organisation,
                "fortnightStart", fortnight.toString(), "by", "Tesorera"))
                .post("/api/v1/settlements/runs").then().statusCode(200).extract().jsonPath().getString("id");
    }

    private String nationalId(UUID producer) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select national_id from producer_ref where id = :p").setParameter("p", producer)
                .getSingleResult());
    }

    private static List<String> fonts(PDDocument pdf) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                var font = page.getResources().getFont(name);
                assertTrue(font.isEmbedded(), () -> font.getName() + " is not embedded");
                names.add(font.getName());
            }
        }
        return names;
    }

    /** The text with every run of spaces and line breaks as one space: a table cell may wrap anywhere. */
    private static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
