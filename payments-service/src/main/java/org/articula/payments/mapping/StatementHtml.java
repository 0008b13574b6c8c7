package org.articula.payments.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.articula.payments.rest.dto.Statement;

/**
 * A producer's statement ("liquidación") as a self-contained, printable HTML page in Spanish: inline
 * CSS for A4, no external resources, no JavaScript. Every text value is escaped. Amounts are
 * BigDecimal throughout (never double) and shown Peruvian style, "S/ 1,234.56"; unit prices with 4
 * decimals, quantities as they were recorded (at most 3 decimals, no padding zeros).
 */
public final class StatementHtml {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String DASH = "—";

    private StatementHtml() {
    }

    /** The whole page, from {@code <!DOCTYPE html>} to {@code </html>}. */
    public static String render(Statement s) {
        Objects.requireNonNull(s, "statement");
        List<Statement.Line> lines = s.lines() == null ? List.of() : s.lines();
        List<Statement.Deduction> deductions = s.deductions() == null ? List.of() : s.deductions();

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
        // By date, morning before afternoon; the stored order sorts shifts alphabetically.
        lots.sort(Comparator.comparing(Statement.Line::deliveryDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(l -> shiftOrder(l.shift())));

        String who = s.producerName() != null && !s.producerName().isBlank() ? s.producerName()
                : s.producerId() != null ? s.producerId().toString() : "Productor";

        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"es\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Liquidación quincenal — ").append(esc(who)).append(' ')
                .append(esc(date(s.periodStart()))).append(" al ").append(esc(date(s.periodEnd())))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        header(h, s, who);
        lotsTable(h, lots);
        othersTable(h, others);
        deductionsTable(h, deductions);
        totals(h, s, lines, deductions);

        h.append("<footer>\n<p>Cada importe por entrega se redondea una vez al céntimo; "
                + "el total es la suma de los importes redondeados.</p>\n");
        if (s.settlementId() != null) {
            h.append("<p class=\"ref\">Liquidación ").append(esc(s.settlementId().toString()));
            if (s.producerId() != null) {
                h.append(" · productor ").append(esc(s.producerId().toString()));
            }
            h.append("</p>\n");
        }
        h.append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------ sections

    private static void header(StringBuilder h, Statement s, String who) {
        h.append("<header>\n<h1>Liquidación quincenal</h1>\n<table class=\"meta\">\n");
        meta(h, "Productor", esc(who));
        meta(h, "Periodo", "del " + esc(date(s.periodStart())) + " al " + esc(date(s.periodEnd())));
        meta(h, "Estado", esc(status(s.settlementStatus())));
        meta(h, "Fecha de pago", esc(date(s.dueDate())));
        if (s.paidOn() != null) {
            String when = s.daysLate() > 0
                    ? "pagado con " + s.daysLate() + (s.daysLate() == 1 ? " día" : " días") + " de retraso"
                    : "pagado a tiempo";
            meta(h, "Pagado el", esc(date(s.paidOn())) + " (" + esc(when) + ")");
        } else if ("CLOSED".equals(s.settlementStatus())) {
            meta(h, "Pago", "pendiente");
        }
        h.append("</table>\n");
        if ("OPEN".equals(s.settlementStatus())) {
            h.append("<p class=\"note\">Liquidación abierta: los importes pueden cambiar hasta su cierre.</p>\n");
        }
        h.append("</header>\n");
    }

    private static void meta(StringBuilder h, String label, String escapedValue) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(escapedValue).append("</td></tr>\n");
    }

    private static void lotsTable(StringBuilder h, List<Statement.Line> lots) {
        h.append("<section>\n<h2>Entregas</h2>\n");
        if (lots.isEmpty()) {
            h.append("<p>Sin entregas en la quincena.</p>\n</section>\n");
            return;
        }
        h.append("<table class=\"grid\">\n<thead><tr><th>Fecha</th><th>Turno</th><th class=\"num\">Cantidad</th>")
                .append("<th>Lecturas que fijaron el precio</th><th class=\"num\">Precio unitario</th>")
                .append("<th class=\"num\">Importe</th></tr></thead>\n<tbody>\n");
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal accepted = BigDecimal.ZERO;
        for (Statement.Line l : lots) {
            boolean rejected = "REJECTED".equals(l.kind());
            JsonNode d = l.detail();
            h.append("<tr").append(rejected ? " class=\"rejected\"" : "").append("><td>")
                    .append(esc(date(l.deliveryDate()))).append("</td><td>").append(esc(shift(l.shift())))
                    .append("</td><td class=\"num\">").append(esc(qty(l.quantity()))).append("</td><td>");
            if (rejected) {
                h.append("<strong>Rechazado</strong>");
                List<String> reasons = texts(d == null ? null : d.path("reasons"));
                if (!reasons.isEmpty()) {
                    h.append("<ul>");
                    for (String r : reasons) {
                        h.append("<li>").append(esc(r)).append("</li>");
                    }
                    h.append("</ul>");
                }
                h.append("</td><td class=\"num\">").append(DASH);
            } else {
                pricing(h, l);
                h.append("</td><td class=\"num\">").append(esc(unitPrice(l.unitPrice())));
                if (l.quantity() != null) {
                    accepted = accepted.add(l.quantity());
                }
            }
            BigDecimal amount = rejected && l.amount() == null ? BigDecimal.ZERO : l.amount();
            if (amount != null) {
                subtotal = subtotal.add(amount);
            }
            h.append("</td><td class=\"num\">").append(esc(money(amount))).append("</td></tr>\n");
        }
        h.append("</tbody>\n<tfoot><tr><th colspan=\"2\">Subtotal entregas</th><td class=\"num\">")
                .append(esc(qty(accepted))).append(" aceptados</td><td></td><td></td><td class=\"num\">")
                .append(esc(money(subtotal))).append("</td></tr></tfoot>\n</table>\n</section>\n");
    }

    /** How an accepted lot's unit price was made: base price plus each adjustment with its reading. */
    private static void pricing(StringBuilder h, Statement.Line l) {
        JsonNode d = l.detail();
        JsonNode readings = d == null ? null : d.path("readings");
        JsonNode adjustments = d == null ? null : d.path("adjustments");
        BigDecimal sumAdjustments = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        if (adjustments != null && adjustments.isArray()) {
            for (JsonNode a : adjustments) {
                String parameter = a.path("parameter").asText("");
                BigDecimal perUnit = decimal(a.path("amountPerUnit"));
                if (perUnit != null) {
                    sumAdjustments = sumAdjustments.add(perUnit);
                }
                String reading = readings == null ? "" : reading(readings.path(parameter));
                parts.add(parameter + (reading.isEmpty() ? "" : " " + reading)
                        + (perUnit == null ? "" : " (" + signedUnitPrice(perUnit) + ")"));
            }
        }
        if (l.unitPrice() != null && !parts.isEmpty()) {
            h.append("<span class=\"base\">Precio base ").append(esc(unitPrice(l.unitPrice().subtract(sumAdjustments))))
                    .append("</span>");
        }
        if (parts.isEmpty()) {
            h.append("Precio base");
        } else {
            h.append("<ul>");
            for (String p : parts) {
                h.append("<li>").append(esc(p)).append("</li>");
            }
            h.append("</ul>");
        }
    }

    private static void othersTable(StringBuilder h, List<Statement.Line> others) {
        if (others.isEmpty()) {
            return;
        }
        h.append("<section>\n<h2>Bonos, penalidades y ajustes</h2>\n<table class=\"grid\">\n<thead><tr>")
                .append("<th>Concepto</th><th>Detalle</th><th class=\"num\">Cantidad</th>")
                .append("<th class=\"num\">Precio unitario</th><th class=\"num\">Importe</th></tr></thead>\n<tbody>\n");
        for (Statement.Line l : others) {
            JsonNode d = l.detail() == null ? MissingNode.getInstance() : l.detail();
            String concept;
            String detail;
            switch (String.valueOf(l.kind())) {
                case "VOLUME_BONUS" -> {
                    concept = "Bono por volumen";
                    BigDecimal tier = decimal(d.path("tierMinimum"));
                    detail = "Cantidad aceptada en la quincena" + (tier == null ? "" : "; tramo desde " + qty(tier));
                }
                case "SHORTFALL_PENALTY" -> {
                    concept = "Penalidad por volumen no entregado";
                    detail = "Comprometido " + qty(decimal(d.path("committed")))
                            + "; mínimo exigido " + qty(decimal(d.path("threshold")))
                            + "; aceptado " + qty(decimal(d.path("accepted")))
                            + "; faltante " + qty(l.quantity());
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
            h.append("<tr><td>").append(esc(concept)).append("</td><td>").append(esc(detail))
                    .append("</td><td class=\"num\">").append(esc(qty(l.quantity())))
                    .append("</td><td class=\"num\">").append(esc(unitPrice(l.unitPrice())))
                    .append("</td><td class=\"num\">").append(esc(money(l.amount()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
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

    private static void deductionsTable(StringBuilder h, List<Statement.Deduction> deductions) {
        h.append("<section>\n<h2>Descuentos</h2>\n");
        if (deductions.isEmpty()) {
            h.append("<p>Sin descuentos en la quincena.</p>\n</section>\n");
            return;
        }
        h.append("<table class=\"grid\">\n<thead><tr><th>Cargo</th><th>Descripción</th><th>Fecha del cargo</th>")
                .append("<th>Armada</th><th class=\"num\">Por descontar</th><th class=\"num\">Descontado</th>")
                .append("<th class=\"num\">Queda por descontar</th></tr></thead>\n<tbody>\n");
        BigDecimal applied = BigDecimal.ZERO;
        for (Statement.Deduction d : deductions) {
            if (d == null) {
                continue;
            }
            if (d.applied() != null) {
                applied = applied.add(d.applied());
            }
            h.append("<tr><td>").append(esc(chargeKind(d.chargeKind()))).append("</td><td>")
                    .append(esc(d.description() == null ? "" : d.description())).append("</td><td>")
                    .append(esc(date(d.chargeDate()))).append("</td><td>armada ").append(d.instalment())
                    .append("</td><td class=\"num\">").append(esc(money(d.due())))
                    .append("</td><td class=\"num\">").append(esc(money(d.applied())))
                    .append("</td><td class=\"num\">").append(esc(money(d.remaining()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n<tfoot><tr><th colspan=\"5\">Total descontado</th><td class=\"num\">")
                .append(esc(money(applied))).append("</td><td></td></tr></tfoot>\n</table>\n</section>\n");
    }

    private static void totals(StringBuilder h, Statement s, List<Statement.Line> lines,
            List<Statement.Deduction> deductions) {
        h.append("<section class=\"totals\">\n<table>\n");
        h.append("<tr><th>Total bruto</th><td class=\"num\">").append(esc(money(s.gross()))).append("</td></tr>\n");
        h.append("<tr><th>Descuentos</th><td class=\"num\">").append(esc(money(negate(s.totalDeductions()))))
                .append("</td></tr>\n");
        h.append("<tr class=\"net\"><th>Neto a pagar</th><td class=\"num\">").append(esc(money(s.net())))
                .append("</td></tr>\n</table>\n");

        // Gross is floored at zero per agreement, so it may exceed the sum of the lines shown; say so.
        BigDecimal sumLines = lines.stream().filter(Objects::nonNull).map(Statement.Line::amount)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (s.gross() != null && sumLines.compareTo(s.gross()) != 0) {
            h.append("<p class=\"note\">La suma de las líneas es ").append(esc(money(sumLines)))
                    .append("; el total bruto no baja de S/ 0.00 por contrato, por eso es ")
                    .append(esc(money(s.gross()))).append(".</p>\n");
        }
        BigDecimal sumApplied = deductions.stream().filter(Objects::nonNull).map(Statement.Deduction::applied)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remaining = deductions.stream().filter(Objects::nonNull).map(Statement.Deduction::remaining)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (s.totalDeductions() != null && sumApplied.compareTo(s.totalDeductions()) != 0) {
            h.append("<p class=\"note\">Suma de descuentos por armada: ").append(esc(money(sumApplied)))
                    .append(".</p>\n");
        }
        if (remaining.signum() > 0) {
            h.append("<p class=\"note\">Queda por descontar en próximas quincenas: ").append(esc(money(remaining)))
                    .append(".</p>\n");
        }
        h.append("</section>\n");
    }

    // ------------------------------------------------------------------ formatting

    /** Escapes &amp; &lt; &gt; &quot; and &#39; for element content and attribute values alike. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    /** "S/ 1,234.56", "S/ -12.30"; 2 decimals, HALF_UP; a dash when absent. */
    static String money(BigDecimal v) {
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
    static String qty(BigDecimal v) {
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

    private static String date(LocalDate d) {
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

    private static final String CSS = """
            @page { size: A4; margin: 15mm 12mm; }
            * { box-sizing: border-box; }
            body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10pt; color: #000;
                   margin: 0; line-height: 1.35; }
            h1 { font-size: 16pt; margin: 0 0 4mm; }
            h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #000; }
            table { border-collapse: collapse; width: 100%; }
            table.meta { width: auto; }
            table.meta th { text-align: left; padding: 0.5mm 4mm 0.5mm 0; font-weight: bold; }
            table.meta td { padding: 0.5mm 0; }
            table.grid th, table.grid td { border: 1px solid #888; padding: 1mm 1.5mm; vertical-align: top; }
            table.grid thead th { background: #eee; text-align: left; }
            thead { display: table-header-group; }
            tfoot { display: table-row-group; }
            tr { page-break-inside: avoid; break-inside: avoid; }
            .num { text-align: right !important; white-space: nowrap; font-variant-numeric: tabular-nums; }
            tr.rejected td { background: #f6f6f6; }
            ul { margin: 0.5mm 0 0; padding-left: 4mm; }
            .base { display: block; }
            section.totals { margin-top: 6mm; page-break-inside: avoid; break-inside: avoid; }
            section.totals table { width: auto; margin-left: auto; }
            section.totals th { text-align: left; padding: 1mm 8mm 1mm 0; }
            section.totals td { padding: 1mm 0; }
            section.totals tr.net th, section.totals tr.net td { font-size: 13pt; font-weight: bold;
                   border-top: 2px solid #000; }
            .note { font-size: 9pt; margin: 2mm 0; }
            footer { margin-top: 8mm; font-size: 8.5pt; border-top: 1px solid #888; padding-top: 2mm; }
            footer .ref { color: #555; }
            @media print { body { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
            """;
}
