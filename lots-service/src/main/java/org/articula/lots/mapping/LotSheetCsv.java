package org.articula.lots.mapping;

import static org.articula.platform.csv.Cell.date;
import static org.articula.platform.csv.Cell.empty;
import static org.articula.platform.csv.Cell.id;
import static org.articula.platform.csv.Cell.integer;
import static org.articula.platform.csv.Cell.quantity;
import static org.articula.platform.csv.Cell.text;
import static org.articula.platform.csv.Cell.time;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.lots.domain.LotStatus;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.domain.Reading;
import org.articula.lots.domain.RejectionReason;
import org.articula.lots.domain.Shift;
import org.articula.lots.domain.Verdict;
import org.articula.lots.rest.dto.LotReceipt;
import org.articula.lots.rest.dto.LotSheet;
import org.articula.platform.csv.CsvTable;

/**
 * A {@link LotSheet} as the table a spreadsheet opens: a row per lot as the sheet lists it (voided ones
 * included, marked), with the producer's name and DNI, then a "Total" row per product, unit and verdict
 * with its lots and quantity (voided lots not counted), as the JSON totals.
 */
public final class LotSheetCsv {

    private static final Map<String, String> PRODUCTS = Map.of("milk", "Leche", "trout", "Trucha", "cacao", "Cacao",
            "coffee", "Café");

    private LotSheetCsv() {
    }

    /** @param producers the producers of the sheet's lots, by id (names the lots' rows) */
    public static CsvTable table(String fileName, LotSheet sheet, Map<UUID, ProducerRef> producers) {
        CsvTable table = CsvTable.named(fileName, "Tipo", "Fecha", "Hora", "Turno", "Productor", "DNI", "Producto",
                "Cantidad", "Unidad", "Veredicto", "Estado", "Lotes", "Motivos de rechazo", "Lecturas", "Id del lote");
        for (LotReceipt lot : sheet.lots()) {
            ProducerRef producer = producers.get(lot.producerId());
            table.row(text("Lote"), date(lot.deliveryDate()), time(lot.deliveredAt()), text(shift(lot.shift())),
                    producer == null ? id(lot.producerId()) : text(producer.name),
                    text(producer == null ? null : producer.nationalId), text(product(lot.product())),
                    quantity(lot.quantity()), text(lot.unit()), text(verdict(lot.verdict())),
                    text(lot.status() == LotStatus.VOIDED ? "Anulado" : "Registrado"), empty(),
                    text(reasons(lot.reasons())), text(readings(lot.readings())), id(lot.id()));
        }
        for (LotSheet.Total total : sheet.totals()) {
            table.rowWith(Map.of("Tipo", text("Total"), "Producto", text(product(total.product())),
                    "Cantidad", quantity(total.quantity()), "Unidad", text(total.unit()),
                    "Veredicto", text(verdict(Verdict.valueOf(total.verdict()))), "Lotes", integer(total.lots())));
        }
        return table;
    }

    private static String product(String code) {
        return PRODUCTS.getOrDefault(code, code);
    }

    private static String shift(Shift shift) {
        return shift == null ? null : shift == Shift.MORNING ? "Mañana" : "Tarde";
    }

    private static String verdict(Verdict verdict) {
        return verdict == null ? null : verdict == Verdict.ACCEPTED ? "Aceptado" : "Rechazado";
    }

    private static String reasons(List<RejectionReason> reasons) {
        return reasons == null
                ? null
                : reasons.stream().map(RejectionReason::message).collect(Collectors.joining("; "));
    }

    /** "total_solids 11.8; antibiotics negativo": each reading as taken. */
    private static String readings(List<Reading> readings) {
        return readings == null
                ? null
                : readings.stream()
                        .map(r -> r.parameter() + " " + (r.value() != null
                                ? r.value().toPlainString()
                                : r.result() == null ? "" : r.result() ? "positivo" : "negativo"))
                        .collect(Collectors.joining("; "));
    }
}
