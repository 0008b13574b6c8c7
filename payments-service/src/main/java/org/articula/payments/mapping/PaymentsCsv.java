package org.articula.payments.mapping;

import static org.articula.platform.csv.Cell.date;
import static org.articula.platform.csv.Cell.dateTime;
import static org.articula.platform.csv.Cell.decimal;
import static org.articula.platform.csv.Cell.empty;
import static org.articula.platform.csv.Cell.id;
import static org.articula.platform.csv.Cell.integer;
import static org.articula.platform.csv.Cell.money;
import static org.articula.platform.csv.Cell.quantity;
import static org.articula.platform.csv.Cell.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.articula.payments.domain.Charge;
import org.articula.payments.domain.ProducerSettlement;
import org.articula.payments.repository.SettlementRepository.NamedProducerRow;
import org.articula.payments.repository.SettlementRepository.ProducerRef;
import org.articula.payments.repository.SettlementRepository.ProducerRow;
import org.articula.payments.rest.dto.BuyerDues;
import org.articula.payments.rest.dto.ChargeView;
import org.articula.payments.rest.dto.ProducerStatementSummary;
import org.articula.payments.rest.dto.Reconciliation;
import org.articula.payments.rest.dto.SettlementSummary;
import org.articula.payments.rest.dto.Statement;
import org.articula.platform.csv.CsvTable;

/**
 * Settlements, statements, charges and reconciliations as the tables a treasurer opens in a spreadsheet:
 * the figures of the JSON answer, with the words the screens show (Abierta, Mañana, Alimento...).
 * Amounts in soles at 2 decimals, unit prices at 4, quantities at 3; deductions as negative amounts.
 */
public final class PaymentsCsv {

    static final Map<String, String> CHARGE_KINDS = Map.of("FEED", "Alimento", "VETERINARY", "Veterinario",
            "INSEMINATION", "Inseminación", "ADVANCE", "Adelanto", "TECHNICAL_ASSISTANCE", "Asistencia técnica");
    static final Map<String, String> LINE_KINDS = Map.of("LOT", "Lote", "REJECTED", "Lote rechazado",
            "VOLUME_BONUS", "Bono por volumen", "SHORTFALL_PENALTY", "Penalidad por volumen no entregado",
            "ADJUSTMENT", "Ajuste de quincena anterior", "INCENTIVE", "Incentivo por calidad");
    static final Map<String, String> FLAGS = Map.of("SHRINKAGE", "Merma", "PAID_BELOW_GROSS",
            "Pago menor a lo adeudado",
            "NOT_PAID_BY_BUYER", "El comprador no pagó", "PAYOUT_OVERDUE", "Pago a socios atrasado");

    private PaymentsCsv() {
    }

    /**
     * How a file about one producer is named: by their DNI when the producer is of {@code organisationId}
     * (never another organisation's DNI), else by the id the caller sent.
     */
    public static String who(java.util.Optional<ProducerRef> producer, UUID organisationId, UUID producerId) {
        return producer.filter(p -> organisationId.equals(p.organisationId()) && p.nationalId() != null)
                .map(ProducerRef::nationalId).orElse(String.valueOf(producerId));
    }

    /** An organisation's settlements, newest first: one row each. */
    public static CsvTable settlements(String fileName, List<SettlementSummary> settlements) {
        CsvTable table = CsvTable.named(fileName, "Quincena desde", "Quincena hasta", "Estado", "Socios", "Lotes",
                "Cantidad", "Bruto (S/)", "Descuentos (S/)", "Neto (S/)", "Cálculos", "Calculada", "Cerrada",
                "Id de la liquidación");
        for (SettlementSummary s : settlements) {
            table.row(date(s.periodStart()), date(s.periodEnd()), text(status(s.status())), integer(s.producers()),
                    integer(s.lots()), quantity(s.quantity()), money(s.gross()), money(s.deductions()), money(s.net()),
                    integer(s.runs()), dateTime(s.computedAt()), dateTime(s.closedAt()), id(s.id()));
        }
        return table;
    }

    /**
     * One settlement: a row per producer with gross, deductions, net, due date and payout, written while
     * {@code producers} hands them over (a settlement of 200,000 producers is never held whole).
     */
    public static CsvTable settlement(LocalDate periodStart, Consumer<Consumer<NamedProducerRow>> producers) {
        return CsvTable.streamed("liquidacion-" + periodStart, List.of("Socio", "DNI", "Bruto (S/)",
                "Descuentos (S/)", "Neto (S/)", "Vence", "Pagado el", "Días de retraso", "Id del socio"),
                rows -> producers.accept(named -> {
                    ProducerRow p = named.totals();
                    rows.row(text(named.name()), text(named.nationalId()), money(p.gross()), money(p.deductions()),
                            money(p.net()), date(p.dueDate()), date(p.paidOn()),
                            integer(ProducerSettlement.daysLate(p.dueDate(), p.paidOn())), id(p.producerId()));
                }));
    }

    /**
     * A producer's statement: a row per line (lot, rejected lot, bonus, penalty, adjustment) as the JSON lists
     * them, a row per instalment deducted (its amount negative), then the totals: gross, deductions and net
     * (dated with the due date).
     */
    public static CsvTable statement(Statement s) {
        String who = s.producerNationalId() != null ? s.producerNationalId() : String.valueOf(s.producerId());
        CsvTable table = CsvTable.named("liquidacion-" + who + "-" + s.periodStart(), "Concepto", "Fecha", "Turno",
                "Cantidad", "Unidad", "Precio unitario (S/)", "Importe (S/)", "Detalle", "Armada", "Cuota (S/)",
                "Queda por descontar (S/)");
        for (Statement.Line l : s.lines()) {
            table.row(text(LINE_KINDS.getOrDefault(l.kind(), l.kind())), date(l.deliveryDate()), text(shift(l.shift())),
                    quantity(l.quantity()), text(l.unit()), decimal(l.unitPrice(), 4), money(l.amount()),
                    text(lineDetail(l)), empty(), empty(), empty());
        }
        for (Statement.Deduction d : s.deductions()) {
            table.rowWith(Map.of("Concepto", text("Descuento"), "Fecha", date(d.chargeDate()),
                    "Importe (S/)", money(negate(d.applied())),
                    "Detalle", text(CHARGE_KINDS.getOrDefault(d.chargeKind(), d.chargeKind()) + ": " + d.description()),
                    "Armada", integer(d.instalment()), "Cuota (S/)", money(d.due()),
                    "Queda por descontar (S/)", money(d.remaining())));
        }
        table.rowWith(Map.of("Concepto", text("Total bruto"), "Importe (S/)", money(s.gross())));
        table.rowWith(Map.of("Concepto", text("Total descuentos"), "Importe (S/)", money(negate(s.totalDeductions()))));
        table.rowWith(
                Map.of("Concepto", text("Neto a pagar"), "Fecha", date(s.dueDate()), "Importe (S/)", money(s.net()),
                        "Detalle", text("Fecha: vencimiento; " + (s.paidOn() == null
                                ? "sin pago registrado"
                                : "pagado el " + s.paidOn()))));
        return table;
    }

    /** A producer's fortnights, newest first: one row each with its totals and payout. */
    public static CsvTable producerStatements(String fileName, List<ProducerStatementSummary> statements) {
        CsvTable table = CsvTable.named(fileName, "Quincena desde", "Quincena hasta", "Estado", "Bruto (S/)",
                "Descuentos (S/)", "Neto (S/)", "Vence", "Pagado el", "Días de retraso", "Id de la liquidación");
        for (ProducerStatementSummary s : statements) {
            table.row(date(s.periodStart()), date(s.periodEnd()), text(status(s.status())), money(s.gross()),
                    money(s.deductions()), money(s.net()), date(s.dueDate()), date(s.paidOn()), integer(s.daysLate()),
                    id(s.settlementId()));
        }
        return table;
    }

    /** A producer's charges: a row each, its instalments summarised, what was recovered and what is left. */
    public static CsvTable charges(String fileName, List<ChargeView> charges) {
        CsvTable table = CsvTable.named(fileName, "Fecha", "Tipo", "Detalle", "Monto (S/)", "Armadas", "Cuotas",
                "Recuperado (S/)", "Falta (S/)", "Estado", "Id del cargo");
        for (ChargeView c : charges) {
            String instalments = c.instalments().stream()
                    .map(i -> i.number() + ": " + money(i.amount()) + " desde " + i.dueFrom()
                            + (i.recovered().signum() > 0 ? " (recuperado " + money(i.recovered()) + ")" : ""))
                    .collect(Collectors.joining("; "));
            table.row(date(c.chargeDate()), text(CHARGE_KINDS.getOrDefault(c.kind().name(), c.kind().name())),
                    text(c.description()), money(c.amount()), integer(c.instalments().size()), text(instalments),
                    money(c.recovered()), money(c.remaining()),
                    text(c.status() == Charge.Status.CANCELLED ? "Anulado" : "Vigente"), id(c.id()));
        }
        return table;
    }

    /**
     * A fortnight's reconciliation: a row per buyer and product, a "Total" row, then a row per flag with the
     * buyer or producer it is about and its explanation.
     */
    public static CsvTable reconciliation(Reconciliation r) {
        CsvTable table = CsvTable.named("conciliacion-" + r.periodStart(), "Concepto", "Comprador", "Producto",
                "Unidad",
                "Cantidad acopiada", "Cantidad pagada", "Merma", "Merma (%)", "Recibido del comprador (S/)",
                "Adeudado a socios (S/)", "Margen (S/)", "Descuentos recuperados (S/)", "Neto adeudado (S/)",
                "Neto pagado (S/)", "Socio", "Observación");
        for (Reconciliation.BuyerLine b : r.buyers()) {
            table.row(text("Comprador"), id(b.buyerId()), text(b.product()), text(b.unit()),
                    quantity(b.quantityCollected()), quantity(b.quantityPaidFor()), quantity(b.shrinkage()),
                    decimal(b.shrinkagePercent(), 2), money(b.amountReceived()), money(b.grossOwed()),
                    money(b.margin()),
                    empty(), empty(), empty(), empty(), empty());
        }
        Reconciliation.Totals t = r.totals();
        table.rowWith(Map.of("Concepto", text("Total"), "Recibido del comprador (S/)", money(t.amountReceived()),
                "Adeudado a socios (S/)", money(t.grossOwed()), "Margen (S/)", money(t.margin()),
                "Descuentos recuperados (S/)", money(t.deductionsRecovered()), "Neto adeudado (S/)", money(t.netOwed()),
                "Neto pagado (S/)", money(t.netPaid()),
                "Observación", text(r.discrepancies().isEmpty() ? "Sin observaciones" : null)));
        for (Reconciliation.Discrepancy d : r.discrepancies()) {
            table.rowWith(Map.of("Concepto", text(FLAGS.getOrDefault(d.kind(), d.kind())), "Comprador", id(d.buyerId()),
                    "Socio", id(d.producerId()), "Observación", text(d.message())));
        }
        return table;
    }

    /**
     * What a buyer owes: a row per fortnight, supplying organisation and product, then the fortnight's total;
     * an amount not computed yet (the fortnight not settled) is an empty cell, not a zero.
     */
    public static CsvTable buyerDues(BuyerDues dues) {
        CsvTable table = CsvTable.named("deuda-comprador-" + dues.from() + "-al-" + dues.to(), "Quincena", "Hasta",
                "Organización", "Producto", "Unidad", "Lotes", "Cantidad entregada", "Cantidad aceptada",
                "Importe adeudado (S/)", "Estado", "Vence", "Remitido (S/)", "Último pago", "Saldo (S/)", "Vencido");
        for (BuyerDues.FortnightDues f : dues.fortnights()) {
            for (BuyerDues.DueLine l : f.lines()) {
                table.row(date(f.periodStart()), date(f.periodEnd()), text(l.organisationName()), text(l.product()),
                        text(l.unit()), integer(l.lotsDelivered()), quantity(l.quantityDelivered()),
                        quantity(l.quantityAccepted()), money(l.amountDue()),
                        text(l.settled() ? "Final" : l.settlementStatus() == null ? "Sin liquidar" : "Provisional"),
                        date(l.dueDate()), money(l.remitted()), date(l.lastRemittedOn()), money(l.balance()),
                        text(l.overdue() ? "Sí" : "No"));
            }
            BuyerDues.DueTotals t = f.totals();
            table.rowWith(Map.of("Quincena", date(f.periodStart()), "Hasta", date(f.periodEnd()),
                    "Organización", text("Total"), "Lotes", integer(t.lotsDelivered()),
                    "Importe adeudado (S/)", money(t.amountDue()), "Remitido (S/)", money(t.remitted()),
                    "Saldo (S/)", money(t.balance())));
        }
        return table;
    }

    /** Why a lot was rejected, or the readings that priced it. */
    private static String lineDetail(Statement.Line l) {
        JsonNode detail = l.detail();
        if (detail == null) {
            return null;
        }
        if ("REJECTED".equals(l.kind())) {
            List<String> reasons = new ArrayList<>();
            detail.path("reasons").forEach(r -> reasons.add(r.isTextual() ? r.asText() : r.path("message").asText()));
            return String.join("; ", reasons);
        }
        List<String> readings = new ArrayList<>();
        detail.path("readings").fields().forEachRemaining(e -> readings.add(e.getKey() + " " + (e.getValue().isBoolean()
                ? (e.getValue().booleanValue() ? "positivo" : "negativo")
                : e.getValue().asText())));
        return String.join("; ", readings);
    }

    private static String status(String status) {
        return "OPEN".equals(status) ? "Abierta" : "CLOSED".equals(status) ? "Cerrada" : status;
    }

    private static String shift(String shift) {
        return "MORNING".equals(shift) ? "Mañana" : "AFTERNOON".equals(shift) ? "Tarde" : shift;
    }

    private static BigDecimal negate(BigDecimal amount) {
        return amount == null ? null : amount.negate();
    }
}
