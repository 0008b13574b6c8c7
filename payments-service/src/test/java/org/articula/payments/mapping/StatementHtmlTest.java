package org.articula.payments.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.payments.rest.dto.Statement;
import org.junit.jupiter.api.Test;

/** The page comes from a Qute template, rendered inside the application (same resource as the API tests). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class StatementHtmlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID AGREEMENT = UUID.randomUUID();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Statement.Line line(String kind, String date, String shift, String quantity, String unitPrice,
            String amount, String detail) {
        return new Statement.Line(kind, AGREEMENT, kind.equals("LOT") || kind.equals("REJECTED")
                || kind.equals("ADJUSTMENT") ? UUID.randomUUID() : null, date == null ? null : LocalDate.parse(date),
                shift, quantity == null ? null : d(quantity), unitPrice == null ? null : d(unitPrice), d(amount),
                json(detail));
    }

    /** 2 accepted lots, 1 rejected, a volume bonus; an advance fully deducted and feed partly. */
    private static Statement closedAndPaidLate(String producerName) {
        List<Statement.Line> lines = List.of(
                // as stored: afternoon sorts before morning
                line("LOT", "2026-10-01", "AFTERNOON", "120.500", "1.2000", "144.60",
                        "{'readings': {'total_solids': 11.8, 'fat': 3.4}, 'reasons': [], 'adjustments': []}"),
                line("LOT", "2026-10-01", "MORNING", "15.250", "1.2500", "19.06",
                        "{'readings': {'total_solids': 12.2, 'fat': 3.6}, 'reasons': [], 'adjustments': "
                                + "[{'parameter': 'total_solids', 'from': 12.0, 'to': null, 'amountPerUnit': 0.0500}]}"),
                line("REJECTED", "2026-10-02", "MORNING", "30.000", null, "0.00",
                        "{'readings': {'acidity': 0.21, 'antibiotics': false}, 'reasons': [{'parameter': 'acidity', "
                                + "'code': 'ABOVE_MAX', 'limit': 0.18, 'value': 0.21, 'result': null, "
                                + "'message': 'Acidez 0.21 % sobre el máximo 0.18'}], 'adjustments': []}"),
                line("VOLUME_BONUS", null, null, "135.750", "0.0200", "2.72",
                        "{'tierMinimum': 100.000, 'version': 1}"));
        List<Statement.Deduction> deductions = List.of(
                new Statement.Deduction(UUID.randomUUID(), "ADVANCE", "Adelanto para forraje",
                        LocalDate.parse("2026-09-10"), 1, d("150.00"), d("150.00"), d("0.00")),
                new Statement.Deduction(UUID.randomUUID(), "FEED", "Concentrado lechero, 2 sacos",
                        LocalDate.parse("2026-09-20"), 1, d("40.00"), d("16.38"), d("23.62")));
        return new Statement(UUID.randomUUID(), UUID.randomUUID(), producerName, LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-15"), "CLOSED", lines, deductions, d("166.38"), d("166.38"), d("0.00"),
                LocalDate.parse("2026-10-22"), LocalDate.parse("2026-10-25"), 3);
    }

    @Test
    void rendersEveryFigureAndLabelInSpanish() {
        String html = StatementHtml.render(closedAndPaidLate("Rosa Quispe"));

        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        for (String expected : List.of("Liquidación quincenal", "Rosa Quispe", "del 01/10/2026 al 15/10/2026",
                "CERRADA", "Fecha de pago", "22/10/2026", "25/10/2026", "pagado con 3 días de retraso",
                // Entregas
                "Entregas", "Mañana", "Tarde", "15.25", "120.5", "total_solids 12.2", "(+S/ 0.0500)",
                "Precio base S/ 1.2000", "S/ 1.2500", "S/ 19.06", "S/ 144.60",
                "Rechazado", "Acidez 0.21 % sobre el máximo 0.18",
                // bonus
                "Bono por volumen", "tramo desde 100", "S/ 0.0200", "S/ 2.72",
                // Descuentos
                "Descuentos", "Adelanto", "Alimento balanceado/concentrado", "Concentrado lechero, 2 sacos",
                "20/09/2026", "armada 1", "Queda por descontar", "S/ 40.00", "S/ 16.38", "S/ 23.62",
                // totals
                "Total bruto", "S/ 166.38", "S/ -166.38", "Neto a pagar", "S/ 0.00",
                "Cada importe por entrega se redondea una vez al céntimo; el total es la suma de los importes redondeados.")) {
            assertTrue(html.contains(expected), () -> "missing «" + expected + "» in\n" + html);
        }
        // rejected lot: amount 0, no unit price; morning lot listed before the afternoon one of the same day
        assertTrue(html.indexOf("S/ 19.06") < html.indexOf("S/ 144.60"), html);
        assertFalse(html.contains("120.500"), "quantities without padding zeros");
        // self-contained: no scripts, no external resources
        assertFalse(html.toLowerCase().contains("<script"), html);
        assertFalse(html.contains("src="), html);
        assertFalse(html.contains("href="), html);
        assertFalse(html.contains("@import"), html);
        assertTrue(html.contains("size: A4"), html);
    }

    @Test
    void escapesTheProducerName() {
        String html = StatementHtml.render(closedAndPaidLate("Rosa <script>alert('x')</script> & \"Hijos\""));

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("Rosa &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Hijos&quot;"), html);
    }

    @Test
    void rendersPenaltyAdjustmentAndAnOpenUnpaidStatement() {
        UUID producer = UUID.randomUUID();
        List<Statement.Line> lines = List.of(
                line("ADJUSTMENT", "2026-09-28", "MORNING", "40.000", "1.2000", "-48.00",
                        "{'previouslyPaid': 48.00, 'now': 0, 'status': 'VOIDED', 'verdict': 'ACCEPTED', "
                                + "'readings': {}}"),
                line("SHORTFALL_PENALTY", null, null, "100.000", "0.1000", "-10.00",
                        "{'committed': 500.000, 'threshold': 450.000, 'accepted': 350.000, 'version': 2}"),
                line("LOT", "2026-10-05", "MORNING", "350", "1.2000", "420.00",
                        "{'readings': {'fat': 3.5}, 'reasons': [], 'adjustments': []}"));
        Statement s = new Statement(UUID.randomUUID(), producer, null, LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-15"), "OPEN", lines, List.of(), d("362.00"), d("0.00"), d("362.00"),
                LocalDate.parse("2026-10-22"), null, 0);

        String html = StatementHtml.render(s);

        for (String expected : List.of(producer.toString(), "ABIERTA", "Ajuste de quincena anterior",
                "Entrega del 28/09/2026 (mañana), entrega anulada: pagado antes S/ 48.00, corresponde ahora S/ 0.00",
                "S/ -48.00", "Penalidad por volumen no entregado", "Comprometido 500", "mínimo exigido 450",
                "aceptado 350", "S/ -10.00", "S/ 362.00", "S/ 420.00", "Sin descuentos")) {
            assertTrue(html.contains(expected), () -> "missing «" + expected + "» in\n" + html);
        }
        assertFalse(html.contains("pagado a tiempo"), html);
        assertFalse(html.contains("retraso"), html);
    }

    @Test
    void paidOnTimeAndGrossFlooredAtZero() {
        List<Statement.Line> lines = List.of(line("SHORTFALL_PENALTY", null, null, "100", "0.1000", "-10.00",
                "{'committed': 100, 'threshold': 100, 'accepted': 0, 'version': 1}"));
        Statement s = new Statement(UUID.randomUUID(), UUID.randomUUID(), "Juan", LocalDate.parse("2026-10-16"),
                LocalDate.parse("2026-10-31"), "CLOSED", lines, null, d("0.00"), d("0.00"), d("0.00"),
                LocalDate.parse("2026-11-07"), LocalDate.parse("2026-11-07"), 0);

        String html = StatementHtml.render(s);

        assertTrue(html.contains("pagado a tiempo"), html);
        assertTrue(html.contains("La suma de las líneas es S/ -10.00"), html);
        assertTrue(html.contains("Sin entregas"), html);
    }

    @Test
    void nothingPrintedFallsPastTheRightMargin() throws IOException {
        try (PDDocument pdf = Loader
                .loadPDF(StatementPdf.print(StatementHtml.render(closedAndPaidLate("Rosa Quispe"))))) {
            // A4 with the template's 12 mm side margins (in points); half a point for rounding.
            float right = pdf.getPage(0).getMediaBox().getWidth() - 12 / 25.4f * 72 + 0.5f;
            List<String> outside = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> glyphs) throws IOException {
                    if (glyphs.stream().anyMatch(g -> g.getXDirAdj() + g.getWidthDirAdj() > right)) {
                        outside.add(text);
                    }
                    super.writeString(text, glyphs);
                }
            };
            stripper.getText(pdf);
            assertTrue(outside.isEmpty(), () -> "cut off at the right margin: " + outside);
        }
    }

    @Test
    void formatsMoneyWithoutDoubles() {
        assertEquals("S/ 1,234,567.89", StatementHtml.money(d("1234567.885")));
        assertEquals("S/ -1,000.00", StatementHtml.money(d("-1000")));
        assertEquals("S/ 0.01", StatementHtml.money(d("0.005")));
        assertEquals("S/ 999.99", StatementHtml.money(d("999.99")));
        assertEquals("S/ 1.2346", StatementHtml.unitPrice(d("1.23455")));
        assertEquals("120", StatementHtml.qty(d("120.000")));
        assertEquals("0.5", StatementHtml.qty(d("0.500")));
        assertEquals("12.346", StatementHtml.qty(d("12.3456")));
    }
}
