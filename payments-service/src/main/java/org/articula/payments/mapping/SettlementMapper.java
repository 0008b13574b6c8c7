package org.articula.payments.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.payments.domain.ProducerSettlement;
import org.articula.payments.domain.Settlement;
import org.articula.payments.repository.SettlementRepository.DeductionRow;
import org.articula.payments.repository.SettlementRepository.LineRow;
import org.articula.payments.repository.SettlementRepository.OrganisationRef;
import org.articula.payments.repository.SettlementRepository.ProducerCursor;
import org.articula.payments.repository.SettlementRepository.ProducerRef;
import org.articula.payments.repository.SettlementRepository.ProducerRow;
import org.articula.payments.repository.SettlementRepository.ProducerStatementRow;
import org.articula.payments.repository.SettlementRepository.SummaryRow;
import org.articula.payments.rest.dto.PayoutBatchResult;
import org.articula.payments.rest.dto.ProducerStatementSummary;
import org.articula.payments.rest.dto.SettlementSummary;
import org.articula.payments.rest.dto.SettlementView;
import org.articula.payments.rest.dto.Statement;
import org.articula.platform.events.EventJson;
import org.articula.platform.problem.Problem;

/** Settlements and statements, as stored and as read, to the API's views; the only place that knows both shapes. */
public final class SettlementMapper {

    private SettlementMapper() {
    }

    public static SettlementSummary summary(SummaryRow r) {
        return new SettlementSummary(r.id(), r.organisationId(), r.periodStart(), r.periodEnd(), r.status(), r.runs(),
                r.computedAt(), r.closedAt(), r.producers(), r.lots(), r.quantity(), r.gross(), r.deductions(),
                r.net());
    }

    /**
     * The settlement with each producer's totals, still being read from {@code producers}: its list can be
     * written once, in order, while the cursor is open (a settlement of any size is written without being held
     * whole). The organisation's totals are sums of the producers' rounded ones, from the same statement.
     *
     * @param waitingLots lots of the fortnight whose agreement terms have not arrived yet
     */
    public static SettlementView view(Settlement s, ProducerCursor producers, int waitingLots, UUID lastRunId) {
        return new SettlementView(s.id, s.organisationId, s.periodStart, s.periodEnd, s.status, s.runs, s.computedAt,
                s.closedAt, s.closedBy, s.version, waitingLots, lastRunId, producers.gross(), producers.deductions(),
                producers.net(), new OnePassList<>(producers.count(),
                        producers.rows().map(SettlementMapper::producerTotals).iterator()));
    }

    private static SettlementView.ProducerTotals producerTotals(ProducerRow p) {
        return new SettlementView.ProducerTotals(p.producerId(), p.gross(), p.deductions(), p.net(), p.dueDate(),
                p.paidOn(), ProducerSettlement.daysLate(p.dueDate(), p.paidOn()));
    }

    /** A payout of a batch that was recorded now, or had been already (the same payout again). */
    public static PayoutBatchResult.PayoutResult payoutDone(int index, ProducerSettlement p, boolean recorded) {
        return new PayoutBatchResult.PayoutResult(index, p.producerId, recorded
                ? PayoutBatchResult.PayoutOutcome.RECORDED
                : PayoutBatchResult.PayoutOutcome.UNCHANGED, producerTotals(p), null);
    }

    public static PayoutBatchResult.PayoutResult payoutRefused(int index, UUID producerId, Problem problem) {
        return new PayoutBatchResult.PayoutResult(index, producerId, PayoutBatchResult.PayoutOutcome.REFUSED, null,
                problem);
    }

    public static PayoutBatchResult payoutBatch(UUID settlementId, List<PayoutBatchResult.PayoutResult> results) {
        Map<PayoutBatchResult.PayoutOutcome, Long> counts = results.stream()
                .collect(Collectors.groupingBy(PayoutBatchResult.PayoutResult::outcome, Collectors.counting()));
        return new PayoutBatchResult(settlementId, results.size(),
                counts.getOrDefault(PayoutBatchResult.PayoutOutcome.RECORDED, 0L).intValue(),
                counts.getOrDefault(PayoutBatchResult.PayoutOutcome.UNCHANGED, 0L).intValue(),
                counts.getOrDefault(PayoutBatchResult.PayoutOutcome.REFUSED, 0L).intValue(), results);
    }

    private static SettlementView.ProducerTotals producerTotals(ProducerSettlement p) {
        return new SettlementView.ProducerTotals(p.producerId, p.gross, p.deductions, p.net, p.dueDate, p.paidOn,
                p.daysLate());
    }

    public static ProducerStatementSummary statementSummary(UUID producerId, ProducerStatementRow r) {
        return new ProducerStatementSummary(r.settlementId(), producerId, r.periodStart(), r.periodEnd(), r.status(),
                r.gross(), r.deductions(), r.net(), r.dueDate(), r.paidOn(),
                ProducerSettlement.daysLate(r.dueDate(), r.paidOn()));
    }

    public static Statement.Line line(LineRow l) {
        return new Statement.Line(l.kind(), l.agreementId(), l.lotId(), l.deliveryDate(), l.shift(), l.quantity(),
                l.unit(), l.unitPrice(), l.amount(), json(l.detail()));
    }

    public static Statement.Deduction deduction(DeductionRow d) {
        return new Statement.Deduction(d.chargeId(), d.kind(), d.description(), d.chargeDate(), d.instalment(), d.due(),
                d.applied(), d.carried());
    }

    /**
     * One producer's statement of a settlement.
     *
     * @param ref    what payments knows of the producer (name, DNI/RUC); null if nothing
     * @param buyers the buyers of the agreements its lines price
     */
    public static Statement statement(Settlement s, String organisationName, ProducerSettlement p, ProducerRef ref,
            List<OrganisationRef> buyers, List<Statement.Line> lines, List<Statement.Deduction> deductions) {
        return new Statement(s.id, p.producerId, ref == null ? null : ref.name(), ref == null ? null : ref.nationalId(),
                s.organisationId, organisationName, buyers.stream().map(OrganisationRef::id).toList(),
                buyers.stream().map(OrganisationRef::name).toList(), s.periodStart, s.periodEnd, s.status.name(),
                lines, deductions, p.gross, p.deductions, p.net, p.dueDate, p.paidOn, p.daysLate());
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
