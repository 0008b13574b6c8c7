package org.articula.payments.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.payments.domain.AssistanceMonth;
import org.articula.payments.domain.ComplianceFigures;
import org.articula.payments.domain.ComplianceRule;
import org.articula.payments.domain.ComplianceScope;
import org.articula.payments.domain.ComplianceTrend;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.domain.Punctuality;
import org.articula.payments.repository.ComplianceQueries.AgreementRow;
import org.articula.payments.repository.ComplianceQueries.AssistanceRow;
import org.articula.payments.repository.ComplianceQueries.FiguresRow;
import org.articula.payments.repository.ComplianceQueries.NoticeRow;
import org.articula.payments.repository.ComplianceQueries.QualityRow;
import org.articula.payments.repository.ComplianceQueries.RuleRow;
import org.articula.payments.rest.dto.Compliance;
import org.articula.platform.events.EventJson;

/** The compliance monitor's rows, judged by the domain's rules, as the API's answer. */
public final class ComplianceMapper {

    private ComplianceMapper() {
    }

    /** What one request asked for: its scope and range, and the rows read for it. */
    public record Request(ComplianceScope scope, UUID id, Fortnight first, Fortnight last, LocalDate today) {
    }

    /** The rows read for a request: figures from five fortnights before its first (for streaks and trend). */
    public record Rows(List<AgreementRow> agreements, List<FiguresRow> figures, List<QualityRow> quality,
            List<RuleRow> rules, List<NoticeRow> notices, List<AssistanceRow> assistance) {
    }

    public static Compliance compliance(Request request, Rows rows) {
        Map<UUID, List<ComplianceFigures>> figures = figuresByAgreement(rows.figures());
        Fortnight historyStart = ComplianceFigures.before(request.first(), ComplianceTrend.FORTNIGHTS - 1);
        List<Compliance.AgreementCompliance> agreements = new ArrayList<>();
        Map<UUID, Map<String, ComplianceFigures>> perBuyer = new LinkedHashMap<>();
        Map<UUID, List<AssistanceMonth>> assistance = assistanceByAgreement(rows.assistance());
        Map<UUID, List<AssistanceMonth>> buyersAssistance = new LinkedHashMap<>();
        for (AgreementRow a : rows.agreements()) {
            List<AssistanceMonth> months = assistance.getOrDefault(a.id(), List.of());
            buyersAssistance.computeIfAbsent(a.buyerId(), b -> new ArrayList<>()).addAll(months);
            List<ComplianceFigures> history = ComplianceFigures.history(figures.getOrDefault(a.id(), List.of()),
                    historyStart, request.last());
            List<ComplianceFigures> shown = history.subList(history.size() - fortnightsBetween(request),
                    history.size());
            agreements.add(agreement(a, request, history, shown, rows, assistance(months)));
            // One remittance pays an organisation's product per fortnight: counted once per buyer.
            for (ComplianceFigures f : shown) {
                perBuyer.computeIfAbsent(a.buyerId(), b -> new LinkedHashMap<>()).merge(
                        a.organisationId() + "/" + a.product() + "/" + a.unit() + "/" + f.fortnight().start(), f,
                        ComplianceMapper::earlierDue);
            }
        }
        List<Compliance.BuyerPunctuality> buyers = perBuyer.entrySet().stream()
                .map(e -> new Compliance.BuyerPunctuality(e.getKey(),
                        punctuality(Punctuality.of(List.copyOf(e.getValue().values()), request.today())),
                        assistance(AssistanceMonth.perBuyer(buyersAssistance.get(e.getKey())))))
                .toList();
        List<Compliance.Notice> notices = rows.notices().stream().map(n -> new Compliance.Notice(n.id(),
                n.agreementId(), n.periodStart(), n.rule(), n.action(), json(n.figures()), n.raisedAt()))
                .toList();
        return new Compliance(request.scope().name(), request.id(), request.first().start(), request.last().end(),
                agreements,
                buyers, notices);
    }

    /** Each agreement's figures, as the domain reads them. */
    public static Map<UUID, List<ComplianceFigures>> figuresByAgreement(List<FiguresRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(FiguresRow::agreementId, LinkedHashMap::new,
                Collectors.mapping(r -> new ComplianceFigures(Fortnight.of(r.periodStart()), r.committed(),
                        r.threshold(), r.delivered(), r.accepted(), r.dueDate(), r.paidOn()), Collectors.toList())));
    }

    private static Map<UUID, List<AssistanceMonth>> assistanceByAgreement(List<AssistanceRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(AssistanceRow::agreementId, LinkedHashMap::new,
                Collectors.mapping(r -> AssistanceMonth.of(YearMonth.from(r.monthStart()), r.kind(), r.promised(),
                        r.delivered()), Collectors.toList())));
    }

    private static List<Compliance.AssistanceFigure> assistance(List<AssistanceMonth> months) {
        return months.stream().map(m -> new Compliance.AssistanceFigure(m.month().toString(), m.kind(), m.promised(),
                m.delivered(), m.shortfall())).toList();
    }

    /** The rules of an agreement's clause version. */
    public static List<ComplianceRule> rulesOf(List<RuleRow> rules, UUID agreementId, Integer version) {
        return rules.stream().filter(r -> r.agreementId().equals(agreementId) && version != null
                && r.version() == version).map(r -> new ComplianceRule(r.kind(), r.consecutiveFortnights(),
                        r.minAcceptancePercent(), r.bonusPerUnit(), r.action()))
                .toList();
    }

    private static Compliance.AgreementCompliance agreement(AgreementRow a, Request request,
            List<ComplianceFigures> history, List<ComplianceFigures> shown, Rows rows,
            List<Compliance.AssistanceFigure> assistance) {
        Map<LocalDate, Integer> versions = rows.figures().stream().filter(r -> r.agreementId().equals(a.id())
                && r.version() != null).collect(Collectors.toMap(FiguresRow::periodStart, FiguresRow::version));
        List<Compliance.FortnightCompliance> fortnights = new ArrayList<>();
        int offset = history.size() - shown.size();
        for (int i = 0; i < shown.size(); i++) {
            ComplianceFigures f = shown.get(i);
            Integer version = versions.get(f.fortnight().start());
            List<ComplianceFigures> upToHere = history.subList(0, offset + i + 1);
            List<Compliance.Rule> met = rulesOf(rows.rules(), a.id(), version).stream()
                    .filter(rule -> rule.evaluate(upToHere).isPresent()).map(ComplianceMapper::rule).toList();
            fortnights.add(fortnight(f, version, quality(rows.quality(), a.id(), f), request.today(), met));
        }
        List<ComplianceFigures> lastSix = history.subList(history.size() - ComplianceTrend.FORTNIGHTS, history.size());
        Compliance.Trend trend = new Compliance.Trend(lastSix.stream().map(f -> new Compliance.TrendPoint(
                f.fortnight().start(), f.committed(), f.delivered(), f.accepted(), f.acceptancePercent())).toList(),
                ComplianceTrend.direction(lastSix.stream().map(ComplianceFigures::acceptancePercent).toList()));
        return new Compliance.AgreementCompliance(a.id(), a.organisationId(), a.organisationName(), a.buyerId(),
                a.buyerName(), a.counterpartyType(), a.counterpartyId(), a.counterpartyName(), a.product(), a.unit(),
                fortnights, trend,
                punctuality(Punctuality.of(shown, request.today())), assistance);
    }

    private static Compliance.FortnightCompliance fortnight(ComplianceFigures f, Integer version,
            List<Compliance.QualityFigure> quality, LocalDate today, List<Compliance.Rule> met) {
        return new Compliance.FortnightCompliance(f.fortnight().start(), f.fortnight().end(), version, f.committed(),
                f.thresholdShown(), f.delivered(), f.accepted(),
                f.acceptancePercent(), f.underCommitment(), quality,
                new Compliance.BuyerPayment(f.dueDate(), f.paidOn(), f.payment(today).name(), f.daysLate()), met);
    }

    private static List<Compliance.QualityFigure> quality(List<QualityRow> rows, UUID agreementId,
            ComplianceFigures f) {
        return rows.stream().filter(q -> q.agreementId().equals(agreementId)
                && q.periodStart().equals(f.fortnight().start()))
                .map(q -> new Compliance.QualityFigure(q.parameter(), q.readings(), q.mean(), q.worst())).toList();
    }

    private static Compliance.Rule rule(ComplianceRule r) {
        return new Compliance.Rule(r.kind(), r.consecutiveFortnights(), r.minAcceptancePercent(), r.bonusPerUnit(),
                r.action());
    }

    private static Compliance.Punctuality punctuality(Punctuality p) {
        return new Compliance.Punctuality(p.due(), p.onTime(), p.late(), p.unpaid(), p.totalDaysLate(),
                p.maxDaysLate());
    }

    // Two agreements of one remittance: the earlier due date is the one the buyer had to meet.
    private static ComplianceFigures earlierDue(ComplianceFigures a, ComplianceFigures b) {
        if (a.accepted().signum() == 0 || a.dueDate() == null) {
            return b;
        }
        return b.accepted().signum() > 0 && b.dueDate() != null && b.dueDate().isBefore(a.dueDate()) ? b : a;
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice's figures are not JSON", e);
        }
    }

    private static int fortnightsBetween(Request request) {
        int n = 1;
        for (Fortnight f = request.first(); f.start().isBefore(request.last().start()); f = f.next()) {
            n++;
        }
        return n;
    }
}
