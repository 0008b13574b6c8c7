package org.articula.platform.csv;

import static org.articula.platform.csv.Cell.date;
import static org.articula.platform.csv.Cell.dateTime;
import static org.articula.platform.csv.Cell.decimal;
import static org.articula.platform.csv.Cell.empty;
import static org.articula.platform.csv.Cell.integer;
import static org.articula.platform.csv.Cell.money;
import static org.articula.platform.csv.Cell.quantity;
import static org.articula.platform.csv.Cell.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void aFileASpreadsheetInPeruOpensAsItIs() throws IOException {
        CsvTable table = CsvTable
                .named("liquidación del 1º", "Socio", "Bruto (S/)", "Cantidad", "Fecha", "Hora", "Lotes",
                        "Precio")
                .row(text("Rosa Ñahui, \"la de arriba\""), money(new BigDecimal("1286.6")),
                        quantity(new BigDecimal("600")),
                        date(LocalDate.of(2026, 10, 2)), dateTime(Instant.parse("2026-10-02T04:30:00Z")), integer(3),
                        decimal(new BigDecimal("1.08005"), 4))
                .row(text("Julio\nCóndor"), money(new BigDecimal("-0.005")), quantity(new BigDecimal("0.0004")),
                        empty(),
                        dateTime(null), integer(0), decimal(null, 4));

        byte[] bytes = bytes(table);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        assertEquals("\uFEFF"
                + "Socio,Bruto (S/),Cantidad,Fecha,Hora,Lotes,Precio\r\n"
                + "\"Rosa Ñahui, \"\"la de arriba\"\"\",1286.60,600.000,2026-10-02,2026-10-01 23:30:00,3,1.0801\r\n"
                + "\"Julio\nCóndor\",-0.01,0.000,,,0,\r\n", new String(bytes, StandardCharsets.UTF_8));
        assertEquals("liquidacion_del_1o.csv", table.fileName());
        assertEquals(2, table.size());
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaStaysText() throws IOException {
        for (String formula : List.of("=HYPERLINK(\"http://x\",\"clic\")", "+51 987 654 321", "-2+3", "@SUM(A1)",
                "\t=1+1", "\r=1+1")) {
            assertEquals("'" + formula, text(formula).toString(), formula);
        }
        assertEquals("Concentrado = 2 sacos", text("Concentrado = 2 sacos").toString());
        assertEquals("", text(null).toString());
        assertEquals("06:30", Cell.time(Instant.parse("2026-10-02T11:30:59Z")).toString());
        // numbers are numbers: a negative amount is not text
        assertEquals("-52.10", money(new BigDecimal("-52.1")).toString());
        String written = new String(bytes(CsvTable.named("x", "Detalle").row(text("=1+1"))), StandardCharsets.UTF_8);
        assertEquals("\uFEFFDetalle\r\n'=1+1\r\n", written);
    }

    @Test
    void aRowHasACellPerColumnOrNamesItsCells() throws IOException {
        CsvTable table = CsvTable.named("x", "Concepto", "Fecha", "Importe (S/)");
        assertThrows(IllegalArgumentException.class, () -> table.row(text("solo uno")));
        assertThrows(IllegalArgumentException.class,
                () -> table.rowWith(java.util.Map.of("Monto", money(BigDecimal.ONE))));
        table.rowWith(
                java.util.Map.of("Importe (S/)", money(new BigDecimal("1234.5")), "Concepto", text("Neto a pagar")));
        assertEquals("\uFEFFConcepto,Fecha,Importe (S/)\r\nNeto a pagar,,1234.50\r\n",
                new String(bytes(table), StandardCharsets.UTF_8));
    }

    @Test
    void aStreamedTableIsWrittenAsItsSourceHandsOverEachRowAndHoldsNone() throws IOException {
        List<Integer> asked = new java.util.ArrayList<>();
        CsvTable streamed = CsvTable.streamed("liquidación", List.of("Socio", "Neto (S/)"), rows -> {
            asked.add(asked.size());
            rows.row(text("Rosa Ñahui, \"la de arriba\""), money(new BigDecimal("1234.5")));
            rows.row(text("=1+1"), money(null));
        });
        assertEquals(List.of(), asked, "nothing is read before the file is written");

        assertEquals("\uFEFFSocio,Neto (S/)\r\n\"Rosa Ñahui, \"\"la de arriba\"\"\",1234.50\r\n'=1+1,\r\n",
                new String(bytes(streamed), StandardCharsets.UTF_8));
        assertEquals(List.of(0), asked);
        assertEquals(0, streamed.size());
        assertEquals("liquidacion.csv", streamed.fileName());
        assertThrows(IllegalStateException.class, () -> streamed.row(text("x"), text("y")));
        assertThrows(IllegalArgumentException.class,
                () -> bytes(CsvTable.streamed("x", List.of("A", "B"), rows -> rows.row(text("solo uno")))));
    }

    @Test
    void aFileNameKeepsOnlyWhatEveryFileSystemKeeps() {
        assertEquals("planilla-de-acopio-2026-10-02", CsvTable.safeFileName("planilla-de-acopio-2026-10-02"));
        assertEquals("cargos-Nunez_.._etc_passwd", CsvTable.safeFileName("cargos-Núñez/../etc/passwd"));
        assertEquals("a_b", CsvTable.safeFileName("a\"; b"));
    }

    private static byte[] bytes(CsvTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.writeTo(out);
        return out.toByteArray();
    }
}
