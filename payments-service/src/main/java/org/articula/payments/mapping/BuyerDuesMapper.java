package org.articula.payments.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.payments.domain.BuyerDue;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.repository.BuyerDuesQueries;
import org.articula.payments.rest.dto.BuyerDues;

/** A buyer's dues, as read per fortnight, organisation and product, to the API's view with totals per fortnight. */
public final class BuyerDuesMapper {

    private BuyerDuesMapper() {
    }

    /**
     * @param rows  newest fortnight first, as {@link BuyerDuesQueries#dues} reads them
     * @param today for what is overdue
     */
    public static BuyerDues dues(UUID buyerId, String buyerName, Fortnight first, Fortnight last,
            List<BuyerDuesQueries.Row> rows, LocalDate today) {
        Map<LocalDate, List<BuyerDues.DueLine>> lines = new LinkedHashMap<>();
        Map<LocalDate, List<BuyerDue>> dues = new LinkedHashMap<>();
        for (BuyerDuesQueries.Row r : rows) {
            BuyerDue due = new BuyerDue(r.amountOwed(), r.remitted(), r.dueDate());
            lines.computeIfAbsent(r.periodStart(), k -> new ArrayList<>()).add(line(r, due, today));
            dues.computeIfAbsent(r.periodStart(), k -> new ArrayList<>()).add(due);
        }
        List<BuyerDues.FortnightDues> fortnights = new ArrayList<>();
        lines.forEach((periodStart, ofFortnight) -> fortnights.add(new BuyerDues.FortnightDues(periodStart,
                Fortnight.of(periodStart).end(), ofFortnight,
                totals(ofFortnight, BuyerDue.total(dues.get(periodStart))))));
        return new BuyerDues(buyerId, buyerName, first.start(), last.end(), fortnights);
    }

    private static BuyerDues.DueLine line(BuyerDuesQueries.Row r, BuyerDue due, LocalDate today) {
        return new BuyerDues.DueLine(r.organisationId(), r.organisationName(), r.product(), r.unit(), r.lots(),
                r.delivered(), r.accepted(), r.currency(), r.amountOwed(), "CLOSED".equals(r.settlementStatus()),
                r.settlementStatus(), r.dueDate(), r.remitted(), r.lastRemittedOn(), due.balance(),
                due.overdueOn(today));
    }

    private static BuyerDues.DueTotals totals(List<BuyerDues.DueLine> lines, BuyerDue total) {
        return new BuyerDues.DueTotals(lines.stream().mapToLong(BuyerDues.DueLine::lotsDelivered).sum(),
                total.amountDue(), total.remitted(), total.balance(),
                lines.stream().allMatch(BuyerDues.DueLine::settled));
    }
}
