package org.articula.payments.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text message to a producer in Spanish, short enough for one SMS (160 characters) whenever the facts allow,
 * carrying nothing personal but what the producer needs: no name, no DNI, no other producer. Its id follows
 * from what it announces ({@code sourceId}, producer, kind), so the same cause never makes a second notice.
 */
public record Notice(UUID id, NoticeKind kind, UUID sourceId, NoticeRecipient to, String body) {

    /** One SMS segment of plain characters. */
    public static final int SHORT = 160;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    // lots-service writes "sólidos totales 10.9 % bajo el mínimo 11.5"; a notice says "... bajo 11.5 %".
    private static final Pattern LIMIT_REASON = Pattern.compile(
            "(.+?) (-?\\d+(?:\\.\\d+)?) ?(\\S*) (bajo|sobre) el (?:mínimo|máximo) (-?\\d+(?:\\.\\d+)?)");

    /** A lot as its notice tells it: delivered when (Lima), how much, the verdict and the reasons of a rejection. */
    public record LotFacts(LocalDateTime deliveredAt, BigDecimal quantity, String unit, boolean accepted,
            List<String> reasons) {
    }

    public Notice {
        id = idFor(sourceId, to.producerId(), kind);
    }

    /** "Lote 02/10 06:30: 40 L RECHAZADO: sólidos totales 10.9 % bajo 11.5 %"; a correction says so. */
    public static Notice lotVerdict(UUID sourceId, NoticeRecipient to, LotFacts lot, boolean corrected) {
        String head = "Lote " + when(lot) + (corrected ? " corregido" : "") + ": " + amount(lot) + " ";
        String body = lot.accepted() ? head + "ACEPTADO" : withReasons(head + "RECHAZADO", lot.reasons());
        return new Notice(null, NoticeKind.LOT_VERDICT, sourceId, to, body);
    }

    /** "Quincena 01/10-15/10 cerrada: neto S/ 1,234.50, pago el 22/10/2026." */
    public static Notice settlementClosed(UUID settlementId, NoticeRecipient to, LocalDate start, LocalDate end,
            BigDecimal net, LocalDate payDay) {
        return new Notice(null, NoticeKind.SETTLEMENT_CLOSED, settlementId, to, "Quincena " + fortnight(start, end)
                + " cerrada: neto " + soles(net) + ", pago el " + DATE.format(payDay) + ".");
    }

    /** "Pago registrado: S/ 480.00 el 23/10/2026, quincena 01/10-15/10." */
    public static Notice payoutRecorded(UUID settlementId, NoticeRecipient to, LocalDate start, LocalDate end,
            BigDecimal amount, LocalDate paidOn) {
        return new Notice(null, NoticeKind.PAYOUT_RECORDED, settlementId, to, "Pago registrado: " + soles(amount)
                + " el " + DATE.format(paidOn) + ", quincena " + fortnight(start, end) + ".");
    }

    /**
     * The outcome of the producer's dispute of a rejected lot: OVERTURNED (the re-test passed: accepted and
     * paid) or UPHELD (the rejection stands). {@code lot} is null when payments-service does not know the lot.
     */
    public static Notice disputeDecided(UUID disputeId, NoticeRecipient to, LotFacts lot, String outcome) {
        String which = lot == null ? "Reclamo de su lote" : "Reclamo del lote " + when(lot) + " (" + amount(lot) + ")";
        String body = "OVERTURNED".equals(outcome)
                ? which + ": la contramuestra pasó; lote ACEPTADO, se paga en su liquidación."
                : which + ": la contramuestra confirmó el RECHAZO.";
        return new Notice(null, NoticeKind.DISPUTE_DECIDED, disputeId, to, body);
    }

    /** The id of the one notice of this kind, source and producer. */
    public static UUID idFor(UUID sourceId, UUID producerId, NoticeKind kind) {
        return UUID.nameUUIDFromBytes(("notice:" + kind + ":" + sourceId + ":" + producerId)
                .getBytes(StandardCharsets.UTF_8));
    }

    // As many reasons as fit in one SMS, then how many more; the first always, however long.
    private static String withReasons(String head, List<String> reasons) {
        StringBuilder text = new StringBuilder(head);
        List<String> shortened = new ArrayList<>(reasons.stream().map(Notice::shortReason).toList());
        for (int i = 0; i < shortened.size(); i++) {
            String next = (i == 0 ? ": " : "; ") + shortened.get(i);
            String more = i + 1 < shortened.size() ? " y " + (shortened.size() - i - 1) + " más" : "";
            if (i > 0 && text.length() + next.length() + more.length() > SHORT) {
                return text.append(" y ").append(shortened.size() - i).append(" más").toString();
            }
            text.append(next);
        }
        return text.toString();
    }

    static String shortReason(String message) {
        Matcher m = LIMIT_REASON.matcher(message.strip());
        if (!m.matches()) {
            return message.strip();
        }
        String unit = m.group(3).isEmpty() ? "" : " " + m.group(3);
        return m.group(1) + " " + m.group(2) + unit + " " + m.group(4) + " " + m.group(5) + unit;
    }

    private static String when(LotFacts lot) {
        return DAY.format(lot.deliveredAt()) + " " + TIME.format(lot.deliveredAt());
    }

    private static String amount(LotFacts lot) {
        return lot.quantity().stripTrailingZeros().toPlainString() + " " + lot.unit();
    }

    private static String fortnight(LocalDate start, LocalDate end) {
        return DAY.format(start) + "-" + DAY.format(end);
    }

    // Soles as written in Peru: S/ 1,234.50.
    private static String soles(BigDecimal amount) {
        return "S/ " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(amount);
    }
}
