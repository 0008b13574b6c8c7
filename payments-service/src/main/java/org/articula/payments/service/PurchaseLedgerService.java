package org.articula.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.PurchaseSettlementNumber;
import org.articula.payments.domain.Settlement;
import org.articula.payments.domain.SmallProducer;
import org.articula.payments.mapping.PurchaseLedgerMapper;
import org.articula.payments.repository.PurchaseLedgerQueries;
import org.articula.payments.repository.SettlementRepository;
import org.articula.payments.rest.dto.PurchaseLedger;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.time.BusinessClock;

/**
 * Purchase settlements ("liquidaciones de compra") and the purchase ledger (Ley 32434; docs/decisions/
 * 0031-purchase-ledger.md): numbers issued once, when a settlement closes, to its small producers with a positive
 * gross; the ledger read from them per period.
 */
@ApplicationScoped
public class PurchaseLedgerService {

    @Inject
    PurchaseLedgerQueries queries;
    @Inject
    SettlementRepository settlements;
    @Inject
    CurrentUser user;

    /**
     * Issues the purchase settlements of a settlement closed in this transaction, numbered after the organisation's
     * last one in the order of the producers' names, dated the closing day in Lima. Part of the closing: if it fails, the
     * settlement stays open and no number is taken.
     */
    void issue(Settlement settlement) {
        settlements.flush(); // closed first: PostgreSQL issues them for closed settlements only (V16)
        List<PurchaseLedgerQueries.Candidate> small = queries.withPositiveGross(settlement.id).stream()
                .filter(c -> SmallProducer.qualifies(c.nationalId())).toList();
        if (small.isEmpty()) {
            return;
        }
        String series = PurchaseSettlementNumber.SERIES;
        List<PurchaseSettlementNumber> numbers = PurchaseSettlementNumber.following(series,
                queries.reserve(settlement.organisationId, series, small.size()), small.size());
        queries.issue(settlement.organisationId, settlement.id, series,
                LocalDate.ofInstant(settlement.closedAt, BusinessClock.LIMA),
                small.stream().map(PurchaseLedgerQueries.Candidate::producerId).toList(),
                numbers.stream().map(PurchaseSettlementNumber::number).toList());
    }

    /** The organisation's ledger (the caller's when none is given) for the closed fortnights within [from, to]. */
    public PurchaseLedger ledger(UUID organisationId, LocalDate from, LocalDate to) {
        UUID organisation = user.organisationOrOwn(organisationId);
        if (from == null) {
            throw ProblemException.invalidField("from", "es obligatorio");
        }
        if (to == null) {
            throw ProblemException.invalidField("to", "es obligatorio");
        }
        RequestedPeriod.check(from, to);
        return PurchaseLedgerMapper.ledger(organisation, settlements.organisationName(organisation).orElse(null), from,
                to, queries.ledger(organisation, from, to));
    }
}
