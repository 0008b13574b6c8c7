package org.articula.payments.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a buyer owes an organisation for one product's deliveries of one fortnight: the members' gross under
 * the buyer's agreements (unknown until the organisation has computed the fortnight's settlement), when it
 * falls due, and what the buyer has remitted for it.
 *
 * @param amountDue null while the fortnight has not been settled
 * @param dueDate   the fortnight's last day plus the payment term of the agreements' terms then in force (the
 *                  earliest, when they differ); null for a remittance without deliveries
 */
public record BuyerDue(BigDecimal amountDue, BigDecimal remitted, LocalDate dueDate) {

    /** What is still to pay (negative when the buyer paid more); unknown while the amount due is. */
    public BigDecimal balance() {
        return amountDue == null ? null : amountDue.subtract(remitted);
    }

    /** Something is still to pay after its due date. */
    public boolean overdueOn(LocalDate today) {
        BigDecimal balance = balance();
        return balance != null && balance.signum() > 0 && dueDate != null && today.isAfter(dueDate);
    }

    /** The sum of these dues: its amount (and so its balance) is unknown if any one's is. */
    public static BuyerDue total(List<BuyerDue> dues) {
        boolean known = dues.stream().map(BuyerDue::amountDue).allMatch(Objects::nonNull);
        BigDecimal due = known
                ? dues.stream().map(BuyerDue::amountDue).reduce(BigDecimal.ZERO.setScale(2),
                        BigDecimal::add)
                : null;
        BigDecimal remitted = dues.stream().map(BuyerDue::remitted).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        LocalDate first = dues.stream().map(BuyerDue::dueDate).filter(Objects::nonNull).min(LocalDate::compareTo)
                .orElse(null);
        return new BuyerDue(due, remitted, first);
    }
}
