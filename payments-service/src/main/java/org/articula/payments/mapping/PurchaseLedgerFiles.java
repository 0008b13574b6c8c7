package org.articula.payments.mapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.articula.payments.rest.dto.PurchaseLedger;
import org.articula.platform.csv.Cell;
import org.articula.platform.csv.CsvTable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The purchase ledger as the files a buyer's accountant opens: CSV (decision 0015) and XLSX, with the same
 * Spanish columns and rows: a row per purchase ("Compra"), then a row per producer with its total ("Total del
 * productor") and the grand total ("Total"). In the XLSX, amounts and quantities are numeric cells shown with 2
 * and 3 decimals and dates are date cells, so a spreadsheet sums and sorts them as they are.
 */
public final class PurchaseLedgerFiles {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String[] HEADER = { "Concepto", "Tipo de documento", "Número de documento", "Productor", "Producto",
            "Cantidad", "Unidad", "Importe (S/)", "Liquidación de compra", "Fecha de emisión", "Quincena desde",
            "Quincena hasta" };
    private static final int QUANTITY = 5;
    private static final String MONEY_FORMAT = "0.00";
    private static final String QUANTITY_FORMAT = "0.000";
    private static final String DATE_FORMAT = "yyyy-mm-dd";

    private PurchaseLedgerFiles() {
    }

    /** registro-compras-&lt;from&gt;-&lt;to&gt;, without extension. */
    public static String fileName(PurchaseLedger ledger) {
        return "registro-compras-" + ledger.from() + "-" + ledger.to();
    }

    public static CsvTable csv(PurchaseLedger ledger) {
        CsvTable table = CsvTable.named(fileName(ledger), HEADER);
        for (Object[] row : rows(ledger)) {
            table.row(IntStream.range(0, HEADER.length).mapToObj(i -> cell(i, row[i])).toArray(Cell[]::new));
        }
        return table;
    }

    public static byte[] xlsx(PurchaseLedger ledger) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Articula", "1.0");
            Worksheet sheet = workbook.newWorksheet("Registro de compras");
            for (int c = 0; c < HEADER.length; c++) {
                sheet.value(0, c, HEADER[c]);
                sheet.style(0, c).bold().set();
            }
            List<Object[]> rows = rows(ledger);
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < HEADER.length; c++) {
                    write(sheet, r + 1, c, rows.get(r)[c]);
                }
            }
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // Each value a String, a LocalDate or a BigDecimal (a quantity in the Cantidad column, else soles); null is empty.
    private static List<Object[]> rows(PurchaseLedger ledger) {
        List<Object[]> rows = new ArrayList<>();
        for (PurchaseLedger.Purchase p : ledger.purchases()) {
            rows.add(new Object[] { "Compra", name(p.documentType()), p.nationalId(), p.producerName(), p.product(),
                    p.quantity(), p.unit(), p.amount(), p.purchaseSettlementNumber(), p.purchaseSettlementDate(),
                    p.fortnightStart(), p.fortnightEnd() });
        }
        for (PurchaseLedger.ProducerTotal t : ledger.producers()) {
            rows.add(new Object[] { "Total del productor", name(t.documentType()), t.nationalId(), t.producerName(),
                    null, null, null, t.amount(), null, null, null, null });
        }
        rows.add(new Object[] { "Total", null, null, null, null, null, null, ledger.total(), null, null, null, null });
        return rows;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Cell cell(int column, Object value) {
        if (value instanceof BigDecimal number) {
            return column == QUANTITY ? Cell.quantity(number) : Cell.money(number);
        }
        if (value instanceof LocalDate day) {
            return Cell.date(day);
        }
        return Cell.text((String) value);
    }

    private static void write(Worksheet sheet, int row, int column, Object value) {
        if (value instanceof BigDecimal number) {
            boolean quantity = column == QUANTITY;
            sheet.value(row, column, number.setScale(quantity ? 3 : 2, RoundingMode.HALF_UP));
            sheet.style(row, column).format(quantity ? QUANTITY_FORMAT : MONEY_FORMAT).set();
        } else if (value instanceof LocalDate day) {
            sheet.value(row, column, day);
            sheet.style(row, column).format(DATE_FORMAT).set();
        } else if (value != null) {
            sheet.value(row, column, (String) value);
        }
    }
}
