package org.articula.payments.domain;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The buyer's assistance of one kind in one calendar month against the promise of the agreement's clause version
 * in force on the month's last day in force (docs/decisions/0027-compliance-monitor.md): every delivery counts,
 * free or charged, once whatever the number of producers it served.
 *
 * @param promised  the visits a month the clause promises for the kind
 * @param delivered the deliveries of the kind recorded in the month
 * @param shortfall what the buyer did not deliver of the promise: 0 when it delivered as much or more
 */
public record AssistanceMonth(YearMonth month, String kind, int promised, int delivered, int shortfall) {

    public AssistanceMonth {
        if (promised < 0 || delivered < 0 || shortfall < 0 || shortfall > promised) {
            throw new IllegalArgumentException("not a month of assistance: " + promised + "/" + delivered + "/"
                    + shortfall);
        }
    }

    /** One agreement's month: extra deliveries are no credit for another month. */
    public static AssistanceMonth of(YearMonth month, String kind, int promised, int delivered) {
        return new AssistanceMonth(month, kind, promised, delivered, Math.max(0, promised - delivered));
    }

    /**
     * A buyer's months: its agreements' promises, deliveries and shortfalls added up per month and kind, so extra
     * visits to one agreement's producers make up for none missing under another; ordered by month then kind.
     */
    public static List<AssistanceMonth> perBuyer(Collection<AssistanceMonth> agreements) {
        Map<String, AssistanceMonth> sums = new LinkedHashMap<>();
        for (AssistanceMonth m : agreements) {
            sums.merge(m.month() + "/" + m.kind(), m, (a, b) -> new AssistanceMonth(a.month(), a.kind(),
                    a.promised() + b.promised(), a.delivered() + b.delivered(), a.shortfall() + b.shortfall()));
        }
        return sums.values().stream().sorted(Comparator.comparing(AssistanceMonth::month)
                .thenComparing(AssistanceMonth::kind)).toList();
    }
}
