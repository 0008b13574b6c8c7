package org.articula.payments.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.CsvDownloads;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.Lot;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Deliveries;
import org.articula.payments.support.Feed;
import org.articula.platform.security.Roles;
import org.articula.platform.time.BusinessClock;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * The purchase ledger of a Laredo association (Ley 32434): two small producers (a DNI, and a RUC 10), one of them
 * with milk and trout and several lots, and a cooperative known by its RUC 20; October's first fortnight closed,
 * the second open and then closed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PurchaseLedgerTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT_16 = LocalDate.of(2026, 10, 16);
    static final String LEDGER = "/api/v1/purchase-ledger";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String RUC_10 = "10456781231";
    static final String RUC_20 = "20481234567";
    /** The ledger's columns, as the CSV and the XLSX head them. */
    static final List<String> HEADER = List.of("Concepto", "Tipo de documento", "Número de documento", "Productor",
            "Producto", "Cantidad", "Unidad", "Importe (S/)", "Liquidación de compra", "Fecha de emisión",
            "Quincena desde", "Quincena hasta");

    @Inject
    EntityManager em;

    UUID association;
    UUID rosa;
    UUID juan;
    UUID cooperative;
    Lot rosasFirstMilk;

    @Test
    void theLedgerOfAClosedFortnightSumsToTheGrossOfItsSmallProducersInJsonCsvAndXlsx() throws IOException {
        deliveries();
        String first = run(OCT_1);
        String second = run(OCT_16);
        given().queryParam("from", OCT_1.toString()).queryParam("to", "2026-10-31").get(LEDGER).then()
                .statusCode(200).body("purchases", hasSize(0)).body("total", is(0.00f));

        Map<UUID, BigDecimal> gross = close(first);
        // Rosa: milk 42.02 + 39.68 (+ 0 rejected) + bonus 2.62, trout 92.05; Juan: 57.58 + 34.55; the cooperative
        // 103.75, left out.
        assertEquals(new BigDecimal("176.37"), gross.get(rosa));
        assertEquals(new BigDecimal("92.13"), gross.get(juan));
        assertEquals(new BigDecimal("103.75"), gross.get(cooperative));

        JsonPath ledger = ledger();
        assertEquals(List.of("E001-00000001", "E001-00000002", "E001-00000002"),
                ledger.getList("purchases.purchaseSettlementNumber"), "Juan, then Rosa's milk and trout");
        assertEquals(List.of(juan.toString(), rosa.toString(), rosa.toString()),
                ledger.getList("purchases.producerId"));
        assertEquals(List.of("RUC", "DNI", "DNI"), ledger.getList("purchases.documentType"));
        assertEquals(List.of(RUC_10, UpstreamEvents.nationalId(rosa), UpstreamEvents.nationalId(rosa)),
                ledger.getList("purchases.nationalId"));
        assertEquals(List.of("milk", "milk", "trout"), ledger.getList("purchases.product"));
        assertEquals(List.of("L", "L", "kg"), ledger.getList("purchases.unit"));
        assertEquals(List.of("88.800", "78.750", "12.345"), decimals(ledger, "purchases.quantity"));
        assertEquals(List.of("92.13", "84.32", "92.05"), decimals(ledger, "purchases.amount"));
        LocalDate today = LocalDate.now(BusinessClock.LIMA);
        assertEquals(List.of(today.toString(), today.toString(), today.toString()),
                ledger.getList("purchases.purchaseSettlementDate"));
        assertEquals(List.of(OCT_1.toString(), OCT_1.toString(), OCT_1.toString()),
                ledger.getList("purchases.fortnightStart"), "the open fortnight is not in the ledger");
        assertEquals(Map.of(juan, gross.get(juan), rosa, gross.get(rosa)), sumsByProducer(ledger));
        assertEquals(List.of("Juan Pérez Cruz", "Rosa Quispe Huamán"), ledger.getList("producers.producerName"));
        assertEquals(List.of("92.13", "176.37"), decimals(ledger, "producers.amount"));
        assertEquals(List.of(1, 1), ledger.getList("producers.purchaseSettlements"));
        assertEquals(gross.get(juan).add(gross.get(rosa)), new BigDecimal(ledger.getString("total")));

        CsvDownloads.Table csv = CsvDownloads.get(given().queryParam("from", OCT_1.toString())
                .queryParam("to", "2026-10-31"), LEDGER, "registro-compras-2026-10-01-2026-10-31.csv");
        assertEquals(Map.of(RUC_10, gross.get(juan), UpstreamEvents.nationalId(rosa), gross.get(rosa)),
                csvSums(csv));
        assertEquals(List.of("268.50"), csv.where("Concepto", "Total").stream().map(r -> r.get("Importe (S/)"))
                .toList());
        assertEquals(List.of("E001-00000001", "E001-00000002", "E001-00000002"),
                csv.where("Concepto", "Compra").stream().map(r -> r.get("Liquidación de compra")).toList());

        List<Row> sheet = xlsx("2026-10-31");
        assertEquals(HEADER, texts(sheet.get(0)));
        assertEquals(HEADER, csv.header());
        assertEquals(Map.of(RUC_10, gross.get(juan), UpstreamEvents.nationalId(rosa), gross.get(rosa)),
                xlsxSums(sheet));
        Row juansMilk = sheet.get(1);
        assertEquals(CellType.NUMBER, juansMilk.getCell(7).getType(), "the amount is a number");
        assertEquals("0.00", juansMilk.getCell(7).getDataFormatString());
        assertEquals(CellType.NUMBER, juansMilk.getCell(5).getType(), "the quantity is a number");
        assertEquals("0.000", juansMilk.getCell(5).getDataFormatString());
        assertEquals(today, juansMilk.getCellAsDate(9).orElseThrow().toLocalDate(), "the date is a date");
        assertEquals("yyyy-mm-dd", juansMilk.getCell(9).getDataFormatString());
        assertEquals(OCT_1, juansMilk.getCellAsDate(10).orElseThrow().toLocalDate());

        // Closing again issues nothing; reading again reads the same numbers.
        close(first);
        assertEquals(ledger.prettify(), ledger().prettify());

        // The second fortnight: Rosa's 10 L (10.38) and the adjustment of her first lot, corrected from 40.5 L to
        // 41.5 L after its fortnight closed (43.06 - 42.02 = 1.04), get the next number.
        UpstreamEvents.publish(rosasFirstMilk.revised().quantity("41.5").corrected("pesado otra vez"));
        Feed.await("the corrected lot", () -> ((Number) em.createNativeQuery(
                "select revision from lot_ref where id = :id").setParameter("id", rosasFirstMilk.id())
                .getSingleResult()).intValue() == 2);
        run(OCT_16);
        Map<UUID, BigDecimal> later = close(second);
        assertEquals(new BigDecimal("11.42"), later.get(rosa));
        JsonPath october = ledger();
        assertEquals(List.of("E001-00000001", "E001-00000002", "E001-00000002", "E001-00000003"),
                october.getList("purchases.purchaseSettlementNumber"));
        assertEquals(later.get(rosa), new BigDecimal(october.getString("purchases[3].amount")));
        assertEquals(List.of(1, 2), october.getList("producers.purchaseSettlements"));
        assertEquals(gross.get(juan).add(gross.get(rosa)).add(later.get(rosa)),
                new BigDecimal(october.getString("total")));
        assertEquals(ledger.getList("purchases"), ledger(OCT_1, LocalDate.of(2026, 10, 15)).getList("purchases"),
                "a period holds only the fortnights that lie within it");
    }

    @Test
    void anotherOrganisationsLedgerIsNotFoundAndAPeriodIsRequired() {
        UUID other = UUID.randomUUID();
        TestTokens.actAs("Tesorera", other, Roles.TREASURER);
        given().queryParam("organisationId", UUID.randomUUID().toString()).queryParam("from", OCT_1.toString())
                .queryParam("to", "2026-10-31").get(LEDGER).then().statusCode(404);
        given().queryParam("to", "2026-10-31").get(LEDGER).then().statusCode(400)
                .body("violations[0].field", is("from"));
        given().queryParam("from", "2026-11-01").queryParam("to", "2026-10-31").get(LEDGER).then().statusCode(400)
                .body("violations[0].field", is("from"));
        given().queryParam("from", "2025-10-01").queryParam("to", "2026-10-31").get(LEDGER).then().statusCode(400)
                .body("violations[0].field", is("to"));
        given().header(TestTokens.as(other, Roles.PRODUCER)).queryParam("from", OCT_1.toString())
                .queryParam("to", "2026-10-31").get(LEDGER).then().statusCode(403);
    }

    /**
     * Rosa (DNI; milk at S/ 1.0375 with a bonus of 0.0333 a litre from 50 L, and trout at S/ 7.4567 a kilo), Juan
     * (RUC 10, milk) and the cooperative (RUC 20, milk) deliver in October's first fortnight; Rosa also in the
     * second.
     */
    private void deliveries() {
        association = UUID.randomUUID();
        UUID plant = UUID.randomUUID();
        TestTokens.actAs("Tesorera", association, Roles.TREASURER);
        UpstreamEvents.publish(UpstreamEvents.organisation().id(association).name("Asociación Lechera Santa Rosa")
                .registered());
        Deliveries milk = new Deliveries(association, plant, "milk", "L");
        Deliveries trout = new Deliveries(association, plant, "trout", "kg");
        rosa = milk.producer("Rosa Quispe Huamán", UpstreamEvents.terms().basePrice("1.0375").tier("50", "0.0333"));
        juan = milk.producer("Juan Pérez Cruz", RUC_10, UpstreamEvents.terms().basePrice("1.0375"));
        cooperative = milk.producer("Cooperativa Agraria Santa Rosa", RUC_20,
                UpstreamEvents.terms().basePrice("1.0375"));
        trout.agreementFor(rosa, UpstreamEvents.terms().basePrice("7.4567"));
        rosasFirstMilk = milk.lot(rosa, OCT_1.plusDays(1), "40.5", "ACCEPTED");
        milk.lot(rosa, OCT_1.plusDays(2), "38.25", "ACCEPTED");
        milk.lot(rosa, OCT_1.plusDays(3), "20", "REJECTED");
        trout.lot(rosa, OCT_1.plusDays(4), "12.345", "ACCEPTED");
        milk.lot(juan, OCT_1.plusDays(1), "55.5", "ACCEPTED");
        milk.lot(juan, OCT_1.plusDays(5), "33.3", "ACCEPTED");
        milk.lot(cooperative, OCT_1.plusDays(1), "100", "ACCEPTED");
        milk.lot(rosa, OCT_16.plusDays(1), "10", "ACCEPTED");
        Feed.awaitLots(em, association, 8);
    }

    private String run(LocalDate fortnight) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", association, "fortnightStart", fortnight.toString()))
                .post("/api/v1/settlements/runs").then().statusCode(200).extract().path("id");
    }

    /** Closes the settlement: each producer's gross in it. */
    private Map<UUID, BigDecimal> close(String settlement) {
        JsonPath closed = given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/settlements/" + settlement + "/closing").then().statusCode(200).extract().jsonPath();
        Map<UUID, BigDecimal> gross = new HashMap<>();
        List<Map<String, Object>> producers = closed.getList("producers");
        for (int i = 0; i < producers.size(); i++) {
            gross.put(UUID.fromString(closed.getString("producers[" + i + "].producerId")),
                    new BigDecimal(closed.getString("producers[" + i + "].gross")));
        }
        return gross;
    }

    private JsonPath ledger() {
        return ledger(OCT_1, LocalDate.of(2026, 10, 31));
    }

    private JsonPath ledger(LocalDate from, LocalDate to) {
        return given().queryParam("from", from.toString()).queryParam("to", to.toString()).get(LEDGER).then()
                .statusCode(200).contentType(ContentType.JSON).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)); // 88.800 stays 88.800
    }

    private static List<String> decimals(JsonPath json, String path) {
        return json.getList(path).stream().map(v -> new BigDecimal(v.toString()).toPlainString()).toList();
    }

    private static Map<UUID, BigDecimal> sumsByProducer(JsonPath ledger) {
        Map<UUID, BigDecimal> sums = new HashMap<>();
        for (int i = 0; i < ledger.getList("purchases").size(); i++) {
            sums.merge(UUID.fromString(ledger.getString("purchases[" + i + "].producerId")),
                    new BigDecimal(ledger.getString("purchases[" + i + "].amount")), BigDecimal::add);
        }
        return sums;
    }

    private static Map<String, BigDecimal> csvSums(CsvDownloads.Table csv) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Map<String, String> row : csv.where("Concepto", "Compra")) {
            sums.merge(row.get("Número de documento"), CsvDownloads.Table.number(row, "Importe (S/)"),
                    BigDecimal::add);
        }
        return sums;
    }

    private List<Row> xlsx(String to) throws IOException {
        ExtractableResponse<Response> answer = given().accept(XLSX).queryParam("from", OCT_1.toString())
                .queryParam("to", to).get(LEDGER).then().statusCode(200).contentType(XLSX).extract();
        assertEquals("attachment; filename=\"registro-compras-2026-10-01-" + to + ".xlsx\"",
                answer.header("Content-Disposition"));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(answer.asByteArray()),
                new ReadingOptions(true, false))) {
            return workbook.getFirstSheet().read();
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getText()));
        return texts;
    }

    // The purchase rows' amounts (numeric cells, summed as read) by DNI or RUC.
    private static Map<String, BigDecimal> xlsxSums(List<Row> sheet) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Row row : sheet.subList(1, sheet.size())) {
            if ("Compra".equals(row.getCellText(0))) {
                Cell amount = row.getCell(7);
                assertTrue(amount.getType() == CellType.NUMBER, () -> "not a number: " + amount);
                sums.merge(row.getCellText(2), amount.asNumber(), BigDecimal::add);
            }
        }
        return sums;
    }
}
