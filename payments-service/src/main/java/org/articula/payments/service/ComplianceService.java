package org.articula.payments.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.payments.domain.ComplianceFigures;
import org.articula.payments.domain.ComplianceRule;
import org.articula.payments.domain.ComplianceScope;
import org.articula.payments.domain.ComplianceTrend;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.mapping.ComplianceEvents;
import org.articula.payments.mapping.ComplianceMapper;
import org.articula.payments.repository.ComplianceQueries;
import org.articula.payments.repository.ComplianceQueries.AgreementRow;
import org.articula.payments.repository.ComplianceQueries.FiguresRow;
import org.articula.payments.repository.ComplianceQueries.RuleRow;
import org.articula.payments.repository.ComplianceQueries.Scope;
import org.articula.payments.rest.dto.Compliance;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.security.Roles;

/**
 * The compliance monitor (docs/decisions/0027-compliance-monitor.md): each agreement's figures per fortnight
 * for the people entitled to see them, and the notices of the rules that move no money, raised when a
 * settlement closes. The organisation's staff see its agreements, a buyer's users the agreements it buys
 * under, a producer their own (and their network's); anything else is "not found", as an unknown id.
 */
@ApplicationScoped
public class ComplianceService {

    /** The longest range asked at once: a year of fortnights. */
    public static final int MAX_DAYS = RequestedPeriod.MAX_DAYS;
    /** Without a range: the three months to today. */
    public static final int DEFAULT_MONTHS = 3;

    @Inject
    ComplianceQueries queries;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;

    /** The figures of the agreements {@code scope} and {@code id} name. */
    public Compliance view(ComplianceScope scope, UUID id, LocalDate from, LocalDate to) {
        Scope visible = visible(scope, id);
        LocalDate today = LocalDate.now(clock);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusMonths(DEFAULT_MONTHS) : from;
        RequestedPeriod.check(first, last);
        List<AgreementRow> agreements = queries.agreements(visible);
        if (agreements.isEmpty()) {
            throw ProblemException.notFound(scope.what(), id);
        }
        Fortnight start = Fortnight.containing(first);
        Fortnight end = Fortnight.containing(last);
        // Five fortnights before the first: the longest streak and the trend end in the range.
        Fortnight history = ComplianceFigures.before(start, ComplianceTrend.FORTNIGHTS - 1);
        ComplianceMapper.Rows rows = new ComplianceMapper.Rows(agreements,
                queries.figures(visible, history.start(), end.start(), end.end()),
                queries.quality(visible, start.start(), end.end()), queries.rules(visible),
                queries.notices(visible, start.start(), end.start()),
                // Promises are per month: every calendar month the range touches, whole.
                queries.assistance(visible, start.start().withDayOfMonth(1), end.start().withDayOfMonth(1),
                        YearMonth.from(end.start()).atEndOfMonth()));
        return ComplianceMapper.compliance(new ComplianceMapper.Request(scope, id, start, end, today), rows);
    }

    /**
     * Judges the rules that move no money (UNDER_COMMITMENT) of each of the organisation's agreements at the end
     * of a fortnight being closed, by the terms of the fortnight, and records each rule met as a notice, once
     * per agreement, fortnight and rule, published as ComplianceNoticeRaised in the same transaction.
     */
    public int raiseNotices(UUID organisationId, Fortnight fortnight) {
        Scope all = Scope.organisation(organisationId);
        Fortnight first = ComplianceFigures.before(fortnight, ComplianceTrend.FORTNIGHTS - 1);
        List<FiguresRow> rows = queries.figures(all, first.start(), fortnight.start(), fortnight.end());
        Map<UUID, List<ComplianceFigures>> figures = ComplianceMapper.figuresByAgreement(rows);
        List<RuleRow> rules = queries.rules(all);
        int raised = 0;
        for (AgreementRow agreement : queries.agreements(all)) {
            Integer version = rows.stream().filter(r -> r.agreementId().equals(agreement.id())
                    && r.periodStart().equals(fortnight.start())).map(FiguresRow::version).findFirst().orElse(null);
            List<ComplianceFigures> history = ComplianceFigures.history(
                    figures.getOrDefault(agreement.id(), List.of()), first, fortnight);
            for (ComplianceRule rule : ComplianceMapper.rulesOf(rules, agreement.id(), version)) {
                if (!rule.movesMoney()) {
                    raised += rule.evaluate(history).map(met -> raise(agreement, fortnight, met) ? 1 : 0).orElse(0);
                }
            }
        }
        return raised;
    }

    private boolean raise(AgreementRow agreement, Fortnight fortnight, ComplianceRule.Outcome met) {
        UUID id = UUID.randomUUID();
        JsonNode figures = ComplianceEvents.figures(met);
        var now = clock.instant();
        boolean fresh = queries.raise(id, agreement.organisationId(), agreement.id(), fortnight.start(),
                met.rule().key(), met.rule().action(), figures.toString(), now);
        if (fresh) {
            outbox.publishAll(List.of(ComplianceEvents.raised(id, agreement, fortnight, met, figures, now)),
                    event -> agreement.id().toString());
        }
        return fresh;
    }

    // Who may see what: the organisation's staff its agreements, a buyer's users what it buys, a producer its own.
    private Scope visible(ComplianceScope scope, UUID id) {
        UUID caller = user.organisationId();
        if (user.isOnlyProducer()) {
            UUID me = user.producerId().orElseThrow(() -> ProblemException.notFound(scope.what(), id));
            if (scope == ComplianceScope.PRODUCER && !me.equals(id)) {
                throw ProblemException.notFound(scope.what(), id);
            }
            return new Scope(scope, id, caller, true, false, me);
        }
        boolean staff = user.hasRole(Roles.TREASURER) || user.hasRole(Roles.AUDITOR) || user.hasRole(Roles.BUYER_ADMIN);
        return new Scope(scope, id, caller, staff, user.hasRole(Roles.BUYER_ADMIN), null);
    }
}
