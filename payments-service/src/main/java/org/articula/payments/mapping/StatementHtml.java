package org.articula.payments.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.payments.rest.dto.Statement;

/**
 * A producer's statement ("liquidación") as a self-contained, printable page in Spanish, from the Qute
 * template {@code templates/StatementHtml/statements.html} (checked at build time) inside the shared
 * printable layout {@code templates/layout/printable.html}: inline CSS for A4, no external resources, no
 * JavaScript, well-formed XHTML so openhtmltopdf prints the same markup ({@link StatementPdf}). Qute
 * escapes every value. This class only turns a {@link Statement} into
 * the figures and words the template lays out: amounts are BigDecimal throughout (never double) and
 * shown Peruvian style, "S/ 1,234.56"; unit prices with 4 decimals, quantities as they were recorded
 * (at most 3 decimals, no padding zeros) with their unit.
 */
public final class StatementHtml {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String DASH = "—";

    @CheckedTemplate
    static class Templates {
        /** One statement per page, each after a page break. */
        static native TemplateInstance statements(String title, List<Page> pages);
    }

    /** A statement as the template shows it, section by section; every text already in Spanish and formatted. */
    public record Page(Heading heading, Deliveries deliveries, List<OtherRow> others, Deductions deductions,
            Totals totals, String reference) {
    }

    /** Who, for which fortnight, and whether it is paid; null fields are left out of the page. */
    public record Heading(String producer, String nationalId, String organisation, String buyers, String period,
            String status, String dueDate, String paid, boolean pendingPayment, boolean open) {
    }

    /** The lots, by date and shift, with the accepted quantity and their subtotal. */
    public record Deliveries(List<LotRow> rows, String acceptedQuantity, String subtotal) {
    }

    public record Deductions(List<DeductionRow> rows, String totalApplied) {
    }

    public record Totals(String gross, String deductions, String net, List<String> notes) {
    }

    /**
     * @param basePrice the base price when readings moved it (null otherwise)
     * @param pricing   each reading that moved the price, with its adjustment; empty when none did
     * @param readings  every reading taken on the lot, as evidence
     */
    public record LotRow(String date, String shift, String quantity, boolean rejected, List<String> reasons,
            String basePrice, List<String> pricing, String readings, String unitPrice, String amount) {
    }

    public record OtherRow(String concept, String detail, String quantity, String unitPrice, String amount) {
    }

    public record DeductionRow(String kind, String description, String chargeDate, String instalment, String due,
            String applied, String remaining) {
    }

    private StatementHtml() {
    }

    /** The whole page, from {@code <!DOCTYPE html>} to {@code </html>}. */
    public static String render(Statement s) {
        Objects.requireNonNull(s, "statement");
        return Templates.statements("Liquidación quincenal — " + who(s) + " " + date(s.periodStart()) + " al "
                + date(s.periodEnd()), List.of(page(s))).render();
    }

    /** Several statements of one settlement in one document, one after another, each from a new page. */
    public static String renderAll(List<Statement> statements, LocalDate periodStart, LocalDate periodEnd) {
        return Templates.statements("Liquidaciones quincenales del " + date(periodStart) + " al " + date(periodEnd),
                statements.stream().map(StatementHtml::page).toList()).render();
    }

    // ------------------------------------------------------------------ the page's figures

    static Page page(Statement s) {
        List<Statement.Line> lines = s.lines() == null ? List.of() : s.lines();
        List<Statement.Deduction> deductions = s.deductions() == null
                ? List.of()
                : s.deductions().stream().filter(Objects::nonNull).toList();
        List<Statement.Line> lots = new ArrayList<>();
        List<Statement.Line> others = new ArrayList<>();
        for (Statement.Line l : lines) {
            if (l == null) {
                continue;
            }
            if ("LOT".equals(l.kind()) || "REJECTED".equals(l.kind())) {
                lots.add(l);
            } else {
                others.add(l);
            }
        }
        BigDecimal applied = deductions.stream().map(Statement.Deduction::applied).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Page(heading(s), deliveries(lots), others.stream().map(StatementHtml::otherRow).toList(),
                new Deductions(deductions.stream().map(StatementHtml::deductionRow).toList(), money(applied)),
                new Totals(money(s.gross()), money(negate(s.totalDeductions())), money(s.net()),
                        notes(s, lines, deductions)),
                reference(s));
    }

    private static Heading heading(Statement s) {
        return new Heading(who(s), s.producerNationalId(), nameOr(s.organisationName(), s.organisationId()),
                buyers(s), "del " + date(s.periodStart()) + " al " + date(s.periodEnd()), status(s.settlementStatus()),
                date(s.dueDate()), paid(s), s.paidOn() == null && "CLOSED".equals(s.settlementStatus()),
                "OPEN".equals(s.settlementStatus()));
    }

    private static Deliveries deliveries(List<Statement.Line> lots) {
        // By date, morning before afternoon; the stored order sorts shifts alphabetically.
        lots.sort(Comparator.comparing(Statement.Line::deliveryDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(l -> shiftOrder(l.shift())));
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal accepted = BigDecimal.ZERO;
        List<LotRow> rows = new ArrayList<>();
        for (Statement.Line l : lots) {
            boolean rejected = "REJECTED".equals(l.kind());
            BigDecimal amount = rejected && l.amount() == null ? BigDecimal.ZERO : l.amount();
            if (amount != null) {
                subtotal = subtotal.add(amount);
            }
            if (!rejected && l.quantity() != null) {
                accepted = accepted.add(l.quantity());
            }
            rows.add(lotRow(l, rejected, amount));
        }
        String units = lots.stream().map(Statement.Line::unit).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("/"));
        return new Deliveries(rows, withUnit(qty(accepted), units.isEmpty() ? null : units), money(subtotal));
    }

    /** The name; the id only while contracts-service has not announced the organisation yet. */
    private static String nameOr(String name, UUID id) {
        return name != null && !name.isBlank() ? name : id == null ? null : id.toString();
    }

    private static String buyers(Statement s) {
        List<UUID> ids = s.buyerIds() == null ? List.of() : s.buyerIds();
        List<String> names = s.buyerNames() == null ? List.of() : s.buyerNames();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            shown.add(nameOr(i < names.size() ? names.get(i) : null, ids.get(i)));
        }
        return shown.isEmpty() ? null : String.join(", ", shown);
    }

    private static String who(Statement s) {
        return s.producerName() != null && !s.producerName().isBlank()
                ? s.producerName()
                : s.producerId() != null ? s.producerId().toString() : "Productor";
    }

    private static String paid(Statement s) {
        if (s.paidOn() == null) {
            return null;
        }
        String when = s.daysLate() > 0
                ? "pagado con " + s.daysLate() + (s.daysLate() == 1 ? " día" : " días") + " de retraso"
                : "pagado a tiempo";
        return date(s.paidOn()) + " (" + when + ")";
    }

    private static LotRow lotRow(Statement.Line l, boolean rejected, BigDecimal amount) {
        JsonNode d = l.detail() == null ? MissingNode.getInstance() : l.detail();
        String quantity = withUnit(qty(l.quantity()), l.unit());
        String readings = readings(d.path("readings"));
        if (rejected) {
            return new LotRow(date(l.deliveryDate()), shift(l.shift()), quantity, true, texts(d.path("reasons")), null,
                    List.of(), readings, DASH, money(amount));
        }
        // How the unit price was made: base price plus each adjustment with the reading that triggered it.
        BigDecimal sumAdjustments = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        JsonNode adjustments = d.path("adjustments");
        if (adjustments.isArray()) {
            for (JsonNode a : adjustments) {
                String parameter = a.path("parameter").asText("");
                BigDecimal perUnit = decimal(a.path("amountPerUnit"));
                if (perUnit != null) {
                    sumAdjustments = sumAdjustments.add(perUnit);
                }
                String reading = reading(d.path("readings").path(parameter));
                parts.add(parameter + (reading.isEmpty() ? "" : " " + reading)
                        + (perUnit == null ? "" : " (" + signedUnitPrice(perUnit) + ")"));
            }
        }
        String base = l.unitPrice() != null && !parts.isEmpty()
                ? unitPrice(l.unitPrice().subtract(sumAdjustments))
                : null;
        return new LotRow(date(l.deliveryDate()), shift(l.shift()), quantity, false, List.of(), base, parts, readings,
                unitPrice(l.unitPrice()), money(amount));
    }

    private static OtherRow otherRow(Statement.Line l) {
        JsonNode d = l.detail() == null ? MissingNode.getInstance() : l.detail();
        String concept;
        String detail;
        switch (String.valueOf(l.kind())) {
            case "VOLUME_BONUS" -> {
                concept = "Bono por volumen";
                BigDecimal tier = decimal(d.path("tierMinimum"));
                detail = "Cantidad aceptada en la quincena" + (tier == null
                        ? ""
                        : "; tramo desde "
                                + withUnit(qty(tier), l.unit()));
            }
            case "INCENTIVE" -> {
                concept = "Incentivo por calidad";
                detail = incentiveReason(d);
            }
            case "SHORTFALL_PENALTY" -> {
                concept = "Penalidad por volumen no entregado";
                detail = "Comprometido " + withUnit(qty(decimal(d.path("committed"))), l.unit())
                        + "; mínimo exigido " + withUnit(qty(decimal(d.path("threshold"))), l.unit())
                        + "; aceptado " + withUnit(qty(decimal(d.path("accepted"))), l.unit())
                        + "; faltante " + withUnit(qty(l.quantity()), l.unit());
            }
            case "ADJUSTMENT" -> {
                concept = "Ajuste de quincena anterior";
                StringBuilder t = new StringBuilder("Entrega del ").append(date(l.deliveryDate()));
                if (l.shift() != null) {
                    t.append(" (").append(shift(l.shift()).toLowerCase(Locale.ROOT)).append(')');
                }
                String why = adjustmentReason(d);
                if (!why.isEmpty()) {
                    t.append(", ").append(why);
                }
                t.append(": pagado antes ").append(money(decimal(d.path("previouslyPaid"))))
                        .append(", corresponde ahora ").append(money(decimal(d.path("now"))));
                detail = t.toString();
            }
            default -> {
                concept = String.valueOf(l.kind());
                detail = "";
            }
        }
        return new OtherRow(concept, detail, withUnit(qty(l.quantity()), l.unit()), unitPrice(l.unitPrice()),
                money(l.amount()));
    }

    // R13: the rule and the acceptance of each fortnight that earned it.
    private static String incentiveReason(JsonNode d) {
        List<String> rates = new ArrayList<>();
        for (JsonNode f : d.path("fortnights")) {
            rates.add(f.path("acceptancePercent").asText("") + " %");
        }
        return "Aceptación de al menos " + d.path("minAcceptancePercent").asText("") + " % en "
                + d.path("consecutiveFortnights").asText("") + " quincenas seguidas (" + String.join(", ", rates)
                + "); sobre la cantidad aceptada de esta quincena";
    }

    private static String adjustmentReason(JsonNode d) {
        if ("VOIDED".equals(d.path("status").asText(null))) {
            return "entrega anulada";
        }
        if ("REJECTED".equals(d.path("verdict").asText(null))) {
            return "entrega rechazada";
        }
        return "entrega corregida o registrada tarde";
    }

    private static DeductionRow deductionRow(Statement.Deduction d) {
        return new DeductionRow(chargeKind(d.chargeKind()), d.description() == null ? "" : d.description(),
                date(d.chargeDate()), "armada " + d.instalment(), money(d.due()), money(d.applied()),
                money(d.remaining()));
    }

    private static List<String> notes(Statement s, List<Statement.Line> lines, List<Statement.Deduction> deductions) {
        List<String> notes = new ArrayList<>();
        // Gross is floored at zero per agreement, so it may exceed the sum of the lines shown; say so.
        BigDecimal sumLines = lines.stream().filter(Objects::nonNull).map(Statement.Line::amount)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (s.gross() != null && sumLines.compareTo(s.gross()) != 0) {
            notes.add(
                    "La suma de las líneas es " + money(sumLines) + "; el total bruto no baja de S/ 0.00 por contrato, "
                            + "por eso es " + money(s.gross()) + ".");
        }
        BigDecimal sumApplied = deductions.stream().map(Statement.Deduction::applied).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remaining = deductions.stream().map(Statement.Deduction::remaining).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (s.totalDeductions() != null && sumApplied.compareTo(s.totalDeductions()) != 0) {
            notes.add("Suma de descuentos por armada: " + money(sumApplied) + ".");
        }
        if (remaining.signum() > 0) {
            notes.add("Queda por descontar en próximas quincenas: " + money(remaining) + ".");
        }
        return notes;
    }

    private static String reference(Statement s) {
        if (s.settlementId() == null) {
            return null;
        }
        return "Liquidación " + s.settlementId() + (s.producerId() == null ? "" : " · productor " + s.producerId());
    }

    private static String withUnit(String quantity, String unit) {
        return unit == null || unit.isBlank() || DASH.equals(quantity) ? quantity : quantity + " " + unit;
    }

    /** Every reading as "parameter value", in the order recorded; empty when the lot had none. */
    private static String readings(JsonNode readings) {
        if (readings == null || !readings.isObject() || readings.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        readings.fields().forEachRemaining(e -> out.add(e.getKey() + " " + reading(e.getValue())));
        return String.join(", ", out);
    }

    // ------------------------------------------------------------------ formatting

    /** "S/ 1,234.56", "S/ -12.30"; 2 decimals, HALF_UP; a dash when absent. */
    public static String money(BigDecimal v) {
        return v == null ? DASH : "S/ " + grouped(v.setScale(2, RoundingMode.HALF_UP));
    }

    /** "S/ 1.2345"; 4 decimals, HALF_UP; a dash when absent. */
    static String unitPrice(BigDecimal v) {
        return v == null ? DASH : "S/ " + grouped(v.setScale(4, RoundingMode.HALF_UP));
    }

    private static String signedUnitPrice(BigDecimal v) {
        BigDecimal r = v.setScale(4, RoundingMode.HALF_UP);
        return (r.signum() < 0 ? "-" : "+") + "S/ " + grouped(r.abs());
    }

    /** As recorded, at most 3 decimals, trailing zeros dropped: 120.500 → "120.5", 120 → "120". */
    public static String qty(BigDecimal v) {
        if (v == null) {
            return DASH;
        }
        BigDecimal r = v.scale() > 3 ? v.setScale(3, RoundingMode.HALF_UP) : v;
        r = r.stripTrailingZeros();
        if (r.scale() < 0) {
            r = r.setScale(0);
        }
        return r.toPlainString();
    }

    private static String grouped(BigDecimal v) {
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(whole.charAt(i));
        }
        return (v.signum() < 0 ? "-" : "") + b + fraction;
    }

    private static BigDecimal negate(BigDecimal v) {
        return v == null || v.signum() == 0 ? v : v.negate();
    }

    /** "02/10/2026"; a dash when absent. */
    public static String date(LocalDate d) {
        return d == null ? DASH : DATE.format(d);
    }

    private static String status(String status) {
        if (status == null) {
            return DASH;
        }
        return switch (status) {
            case "OPEN" -> "ABIERTA";
            case "CLOSED" -> "CERRADA";
            default -> status;
        };
    }

    private static String shift(String shift) {
        if (shift == null) {
            return DASH;
        }
        return switch (shift) {
            case "MORNING" -> "Mañana";
            case "AFTERNOON" -> "Tarde";
            default -> shift;
        };
    }

    private static int shiftOrder(String shift) {
        return "MORNING".equals(shift) ? 0 : "AFTERNOON".equals(shift) ? 1 : 2;
    }

    private static String chargeKind(String kind) {
        if (kind == null) {
            return DASH;
        }
        return switch (kind) {
            case "FEED" -> "Alimento balanceado/concentrado";
            case "VETERINARY" -> "Servicio veterinario";
            case "INSEMINATION" -> "Inseminación";
            case "ADVANCE" -> "Adelanto";
            case "TECHNICAL_ASSISTANCE" -> "Asistencia técnica";
            default -> kind;
        };
    }

    /** A reading as the producer would read it: numbers as written, tests as positivo/negativo. */
    private static String reading(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "positivo" : "negativo";
        }
        if (v.isNumber()) {
            return v.decimalValue().toPlainString();
        }
        return v.asText();
    }

    private static BigDecimal decimal(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Each reason's message; its parameter and code when it has none. */
    private static List<String> texts(JsonNode reasons) {
        List<String> out = new ArrayList<>();
        if (reasons == null || !reasons.isArray()) {
            return out;
        }
        for (JsonNode r : reasons) {
            String message = r.path("message").asText("");
            if (message.isBlank()) {
                message = (r.path("parameter").asText("") + " " + r.path("code").asText("")).trim();
            }
            if (!message.isBlank()) {
                out.add(message);
            }
        }
        return out;
    }
}
