package org.articula.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.articula.localstack.LocalStack;

/**
 * Settlement of one fortnight for N producers with 30 lots each. The read model is loaded with SQL
 * straight into payments-service's database (1.5 million lots through Kafka would measure the event
 * path, which {@link Latency} measures on its own): an association of networks of 8 with the sample's
 * group milk agreements (S/ 1.03/L, +S/ 0.05/L from 12 % solids), and per member two shifts a day of
 * 8-25 L with the sample's solids, temperature and antibiotics distributions and rejections. Then the
 * real run through the API, and the baseline: one SQL aggregate computing every producer's gross by
 * the same price rules over the same rows.
 */
final class SettlementScale {

    record Result(int producers, int lots, double loadSeconds, double runSeconds, double baselineSeconds,
            BigDecimal gross, BigDecimal baselineGross, int producersSettled, JsonNode runLog,
            List<String> progressSeen) {
    }

    private static final String PRODUCERS = """
            insert into producer_ref (id, organisation_id, group_id, national_id, name, revision)
            select md5(?::text || ':p:' || i)::uuid, ?::uuid, md5(?::text || ':g:' || ((i - 1) / 8))::uuid,
                   (10000000 + i)::text, 'Socia o socio ' || i, 1
            from generate_series(1, ?) i""";
    private static final String AGREEMENTS = """
            insert into agreement_ref (id, organisation_id, buyer_id, counterparty_type, producer_id, group_id, product,
                unit, start_date, end_date, status, revision, periods_in_force)
            select md5(?::text || ':a:' || g)::uuid, ?::uuid, ?::uuid, 'PRODUCER_GROUP', null,
                   md5(?::text || ':g:' || g)::uuid, 'milk', 'L', date '2026-01-01', date '2027-12-31', 'ACTIVE', 2,
                   '[{"from": "2026-01-01", "to": "2027-12-31"}]'::jsonb
            from generate_series(0, (? - 1) / 8) g""";
    private static final String TERMS = """
            insert into terms_version (agreement_id, number, effective_from, effective_to, currency, base_price,
                payment_term_days, committed_quantity, commitment_per, tolerance_percent, shortfall_penalty,
                max_instalments)
            select id, 1, start_date, end_date, 'PEN', 1.03, 7, 60, 'DAY', 10, null, 2
            from agreement_ref where organisation_id = ?""";
    private static final String ADJUSTMENTS = """
            insert into price_adjustment (agreement_id, version_number, seq, parameter, from_value, to_value,
                amount_per_unit)
            select id, 1, 1, 'total_solids', 12, null, 0.05 from agreement_ref where organisation_id = ?""";
    // The sample's distributions (SampleLots): per member a usual solids level and litres; per lot a
    // gaussian around them, 1 % warm milk, 1 in 400 positive for antibiotics.
    private static final String LOTS = """
            insert into lot_ref (id, organisation_id, producer_id, agreement_id, agreement_version, product, quantity,
                unit, delivered_at, delivery_date, shift, readings, verdict, reasons, status, revision)
            with member as materialized (
                select i, md5(?::text || ':p:' || i)::uuid as id, md5(?::text || ':a:' || ((i - 1) / 8))::uuid as agreement,
                       11.75 + random() * 0.6 as level, 8 + random() * 12 as litres
                from generate_series(1, ?) i),
            reading as (
                select m.id as producer, m.agreement, d::date as day, s.shift,
                       round(least(25, greatest(8, m.litres + random_normal(0, 1.5)))::numeric, 1) as quantity,
                       round(least(12.8, greatest(10.5, m.level + random_normal(0, 0.18)))::numeric, 2) as solids,
                       round((case when random() < 0.01 then 10.5 + random() else 4 + random() * 5 end)::numeric, 1)
                           as temperature,
                       random() < 0.0025 as antibiotics,
                       (d + s.at + random() * interval '90 minutes') at time zone 'America/Lima' as delivered_at
                from member m
                cross join generate_series(cast(? as date), cast(? as date), interval '1 day') d
                cross join (values ('MORNING', interval '6 hours'), ('AFTERNOON', interval '16 hours')) s(shift, at))
            select gen_random_uuid(), ?::uuid, r.producer, r.agreement, 1, 'milk', r.quantity, 'L', r.delivered_at,
                   r.day, r.shift,
                   jsonb_build_object('total_solids', r.solids, 'temperature', r.temperature, 'antibiotics',
                       r.antibiotics),
                   case when r.solids < 11.5 or r.temperature > 10 or r.antibiotics then 'REJECTED' else 'ACCEPTED' end,
                   jsonb_path_query_array(jsonb_build_array(
                       case when r.solids < 11.5 then jsonb_build_object('parameter', 'total_solids', 'code',
                           'BELOW_MIN', 'limit', 11.5, 'value', r.solids) end,
                       case when r.temperature > 10 then jsonb_build_object('parameter', 'temperature', 'code',
                           'ABOVE_MAX', 'limit', 10, 'value', r.temperature) end,
                       case when r.antibiotics then jsonb_build_object('parameter', 'antibiotics', 'code',
                           'FAILED_TEST', 'result', true) end), '$[*] ? (@ != null)'),
                   'RECORDED', 1
            from reading r""";
    /**
     * The baseline: every producer's gross in one statement, by the rules the lots of this data set
     * need (each accepted lot at the base price of its version plus every adjustment whose range holds
     * its reading, rounded per lot; a rejected lot pays 0; gross never below 0). No volume tiers,
     * shortfall penalties or charges exist in this data, so the real run's totals must equal it.
     */
    static final String AGGREGATE = """
            select count(*), coalesce(sum(gross), 0) from (
                select l.producer_id, greatest(sum(case when l.verdict = 'ACCEPTED'
                           then round(l.quantity * (v.base_price + coalesce(adj.amount, 0)), 2) else 0 end), 0) as gross
                from lot_ref l
                join terms_version v on v.agreement_id = l.agreement_id and v.number = l.agreement_version
                left join lateral (select sum(a.amount_per_unit) as amount from price_adjustment a
                                   where a.agreement_id = l.agreement_id and a.version_number = l.agreement_version
                                     and jsonb_typeof(l.readings -> a.parameter) = 'number'
                                     and (a.from_value is null or (l.readings ->> a.parameter)::numeric >= a.from_value)
                                     and (a.to_value is null or (l.readings ->> a.parameter)::numeric < a.to_value)) adj
                       on true
                where l.organisation_id = ? and l.delivery_date between ? and ? and l.status = 'RECORDED'
                group by l.producer_id) t""";

    private SettlementScale() {
    }

    static Result measure(Api api, LocalStack stack, int producers, LocalDate[] fortnight, Progress progress)
            throws Exception {
        UUID organisation = UUID.randomUUID();
        LocalStack.Database payments = stack.database("payments");
        long t0 = System.nanoTime();
        int lots = loadReadModel(payments, organisation, producers, fortnight, progress);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;

        progress.update(0.4, "settling " + producers + " producers through the API");
        Run run = settleThroughApi(api, stack, organisation, fortnight[0]);

        progress.update(0.9, "baseline: one SQL aggregate over the same rows");
        Baseline baseline = aggregate(payments, organisation, fortnight);
        return new Result(producers, lots, loadSeconds, run.seconds(), baseline.seconds(),
                run.settlement().path("gross").decimalValue(), baseline.gross(),
                run.settlement().path("producers").size(), run.log(), run.progressSeen());
    }

    /** Producers, group agreements, their terms and the fortnight's lots by SQL; returns the lots inserted. */
    private static int loadReadModel(LocalStack.Database payments, UUID organisation, int producers,
            LocalDate[] fortnight, Progress progress) throws Exception {
        UUID buyer = UUID.randomUUID();
        String org = organisation.toString();
        LocalDate lastLotDay = fortnight[0].plusDays(14); // 15 days x 2 shifts = 30 lots each
        try (Connection c = Population.connect(payments)) {
            c.setAutoCommit(false);
            update(c, PRODUCERS, org, org, org, producers);
            update(c, AGREEMENTS, org, org, buyer, org, producers);
            update(c, TERMS, organisation);
            update(c, ADJUSTMENTS, organisation);
            progress.update(0.05, "loading " + producers * 30 + " lots into payments' read model (SQL)");
            int lots = update(c, LOTS, org, org, producers, fortnight[0], lastLotDay, organisation);
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze producer_ref, agreement_ref, terms_version, price_adjustment, lot_ref");
            }
            return lots;
        }
    }

    /** The run as it finished, the settlement it produced, the progress a screen saw, and its wall time. */
    private record Run(JsonNode log, JsonNode settlement, List<String> progressSeen, double seconds) {
    }

    private static Run settleThroughApi(Api api, LocalStack stack, UUID organisation, LocalDate fortnightStart)
            throws Exception {
        api.actAs(stack.token("benchmark", organisation, "treasurer"));
        // Run in the background, as the treasurer's screen does, and follow the run's log: the steps a progress
        // bar shows must advance while a large run works, not jump from 0 to done.
        String paymentsUrl = stack.baseUrl("payments-service");
        UUID runId = UUID.randomUUID();
        List<String> seen = new ArrayList<>();
        long t1 = System.nanoTime();
        JsonNode runLog = api.postAsync(paymentsUrl + "/api/v1/settlements/runs", Population.obj("organisationId",
                organisation, "fortnightStart", fortnightStart.toString(), "runId", runId), 202);
        while ("RUNNING".equals(runLog.path("status").asText())) {
            String sample = runLog.path("stepsDone").asInt() + "/" + runLog.path("stepsTotal").asInt() + " "
                    + runLog.path("step").asText("");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).endsWith(sample)) {
                seen.add(String.format("%.1f s: %s", (System.nanoTime() - t1) / 1e9, sample));
            }
            Thread.sleep(100);
            runLog = api.get(paymentsUrl + "/api/v1/settlements/runs/" + runId);
        }
        double runSeconds = (System.nanoTime() - t1) / 1e9;
        if (!"DONE".equals(runLog.path("status").asText())) {
            throw new IllegalStateException("the settlement run failed: " + runLog);
        }
        JsonNode settlement = api.get(paymentsUrl + "/api/v1/settlements/" + runLog.path("settlementId").asText());
        return new Run(runLog, settlement, seen, runSeconds);
    }

    private record Baseline(BigDecimal gross, double seconds) {
    }

    /** Every producer's gross by {@link #AGGREGATE}, timing only the query. */
    private static Baseline aggregate(LocalStack.Database payments, UUID organisation, LocalDate[] fortnight)
            throws Exception {
        try (Connection c = Population.connect(payments); PreparedStatement q = c.prepareStatement(AGGREGATE)) {
            q.setObject(1, organisation);
            q.setObject(2, fortnight[0]);
            q.setObject(3, fortnight[1]);
            long t2 = System.nanoTime();
            BigDecimal baselineGross;
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                baselineGross = rs.getBigDecimal(2);
            }
            return new Baseline(baselineGross, (System.nanoTime() - t2) / 1e9);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
