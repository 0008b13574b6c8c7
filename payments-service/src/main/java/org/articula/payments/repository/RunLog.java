package org.articula.payments.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.articula.payments.domain.Run;

/**
 * The progress of settlement runs, written in transactions of their own so that others see it while
 * the run's own transaction is still open.
 */
@ApplicationScoped
public class RunLog {

    @Inject
    EntityManager em;

    /** @return false when a run with this id exists already (nothing is written then) */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean start(UUID id, UUID organisationId, LocalDate periodStart, int stepsTotal, String by, Instant at) {
        return em.createNativeQuery("""
                insert into settlement_run (id, organisation_id, period_start, status, steps_done, steps_total,
                    requested_by, started_at) values (:id, :org, :start, 'RUNNING', 0, :total, :by, :at)
                on conflict (id) do nothing""")
                .setParameter("id", id).setParameter("org", organisationId).setParameter("start", periodStart)
                .setParameter("total", stepsTotal).setParameter("by", by).setParameter("at", at).executeUpdate() == 1;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void step(UUID id, String step, long millis) {
        em.createNativeQuery("""
                update settlement_run set step = :step, steps_done = steps_done + 1,
                    durations_ms = durations_ms || jsonb_build_object(cast(:step as text), cast(:ms as bigint))
                where id = :id""")
                .setParameter("id", id).setParameter("step", step).setParameter("ms", millis).executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void succeed(UUID id, UUID settlementId, int lotLines, int producers, Instant at) {
        em.createNativeQuery("""
                update settlement_run set status = 'DONE', settlement_id = :s, lot_lines = :lines,
                    producers = :producers, finished_at = :at where id = :id""")
                .setParameter("id", id).setParameter("s", settlementId).setParameter("lines", lotLines)
                .setParameter("producers", producers).setParameter("at", at).executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void fail(UUID id, String reason, String error, Instant at) {
        em.createNativeQuery("""
                update settlement_run set status = 'FAILED', reason = :reason, error = :error, finished_at = :at
                where id = :id""")
                .setParameter("id", id).setParameter("reason", reason).setParameter("error", error)
                .setParameter("at", at).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Optional<Run> find(UUID id) {
        List<Object[]> rows = em.createNativeQuery("""
                select id, organisation_id, period_start, settlement_id, status, step, steps_done, steps_total,
                       lot_lines, producers, durations_ms::text, reason, error, requested_by, started_at, finished_at
                from settlement_run where id = :id""").setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(r -> new Run((UUID) r[0], (UUID) r[1], toDate(r[2]), (UUID) r[3],
                (String) r[4], (String) r[5], ((Number) r[6]).intValue(), ((Number) r[7]).intValue(),
                r[8] == null ? null : ((Number) r[8]).intValue(), r[9] == null ? null : ((Number) r[9]).intValue(),
                (String) r[10], (String) r[11], (String) r[12], (String) r[13], toInstant(r[14]), toInstant(r[15])));
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
