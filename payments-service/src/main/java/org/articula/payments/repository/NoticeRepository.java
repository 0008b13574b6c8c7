package org.articula.payments.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.articula.payments.delivery.OutgoingMessage;
import org.articula.payments.domain.Notice;
import org.articula.payments.domain.NoticeRecipient;
import org.articula.platform.events.EventJson;
import org.articula.platform.replay.ReadModelRebuild;
import org.articula.platform.time.BusinessClock;

/** The notice table: written with what each notice announces, then claimed and marked by the dispatcher. */
@ApplicationScoped
public class NoticeRepository {

    /** A pending notice claimed for one attempt, with how many attempts it had before. */
    public record Claimed(OutgoingMessage message, int attempts) {
    }

    @Inject
    EntityManager em;

    /** The producers among these who are sent notices, by id. */
    @SuppressWarnings("unchecked")
    public Map<UUID, NoticeRecipient> recipients(Collection<UUID> producerIds) {
        Map<UUID, NoticeRecipient> recipients = new HashMap<>();
        if (producerIds.isEmpty()) {
            return recipients;
        }
        List<Object[]> rows = em.createNativeQuery("""
                select id, organisation_id, notices_opt_in, phone, notice_channel from producer_ref
                where notices_opt_in and id in (:ids)""").setParameter("ids", producerIds).getResultList();
        for (Object[] r : rows) {
            NoticeRecipient.of((UUID) r[0], (UUID) r[1], (Boolean) r[2], (String) r[3], (String) r[4])
                    .ifPresent(to -> recipients.put(to.producerId(), to));
        }
        return recipients;
    }

    /**
     * True inside a read-model rebuild's replay (its transactions put the shadow schema first): a replay
     * re-derives the read model from old events and must announce nothing.
     */
    public boolean replaying() {
        return Boolean.TRUE.equals(em.createNativeQuery("select current_schema() = :shadow")
                .setParameter("shadow", ReadModelRebuild.SHADOW).getSingleResult());
    }

    /** Writes the notice unless it was written before (same kind, source and producer): true when written now. */
    public boolean save(Notice notice, Instant at) {
        return em.createNativeQuery("""
                insert into notice (id, organisation_id, producer_id, kind, source_id, channel, phone, body, created_at,
                    next_attempt_at)
                values (:id, :org, :producer, :kind, :source, :channel, :phone, :body, :at, :at)
                on conflict do nothing""")
                .setParameter("id", notice.id()).setParameter("org", notice.to().organisationId())
                .setParameter("producer", notice.to().producerId()).setParameter("kind", notice.kind().name())
                .setParameter("source", notice.sourceId()).setParameter("channel", notice.to().channel())
                .setParameter("phone", notice.to().phone()).setParameter("body", notice.body())
                .setParameter("at", at).executeUpdate() == 1;
    }

    /**
     * Locks the first pending notice due by {@code dueBy}, in the order notices were written, skipping rows
     * another instance holds and any whose producer has an earlier notice still pending (a producer's notices
     * arrive in order).
     */
    @SuppressWarnings("unchecked")
    public Optional<Claimed> claimNext(Instant dueBy) {
        List<Object[]> rows = em.createNativeQuery("""
                select n.id, n.channel, n.phone, n.body, n.attempts from notice n
                where n.status = 'PENDING' and n.next_attempt_at <= :due
                  and not exists (select 1 from notice e
                                  where e.producer_id = n.producer_id and e.status = 'PENDING' and e.seq < n.seq)
                order by n.seq
                limit 1
                for update skip locked""").setParameter("due", dueBy).getResultList();
        return rows.stream().findFirst().map(r -> new Claimed(new OutgoingMessage((UUID) r[0], (String) r[1],
                (String) r[2], (String) r[3]), ((Number) r[4]).intValue()));
    }

    public void markSent(UUID id, String providerId, Instant at) {
        em.createNativeQuery("""
                update notice set status = 'SENT', attempts = attempts + 1, sent_at = :at, provider_id = :provider,
                    last_error = null
                where id = :id and status = 'PENDING'""")
                .setParameter("id", id).setParameter("at", at).setParameter("provider", providerId).executeUpdate();
    }

    /** An attempt that failed: tried again from {@code nextAttempt}, or never when {@code permanent}. */
    public void markFailed(UUID id, String error, boolean permanent, Instant nextAttempt) {
        em.createNativeQuery("""
                update notice set status = case when :permanent then 'FAILED' else 'PENDING' end,
                    attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                where id = :id and status = 'PENDING'""")
                .setParameter("id", id).setParameter("permanent", permanent).setParameter("error", error)
                .setParameter("next", nextAttempt).executeUpdate();
    }

    /** What a notice about the lot says of it, from the read model; empty when payments-service does not know it. */
    @SuppressWarnings("unchecked")
    public Optional<Notice.LotFacts> lot(UUID lotId) {
        List<Object[]> rows = em.createNativeQuery("""
                select delivered_at, quantity, unit, verdict, cast(reasons as text) from lot_ref where id = :id""")
                .setParameter("id", lotId).getResultList();
        return rows.stream().findFirst().map(r -> new Notice.LotFacts(lima(r[0]), (BigDecimal) r[1], (String) r[2],
                "ACCEPTED".equals(r[3]), messages((String) r[4])));
    }

    private static List<String> messages(String reasons) {
        try {
            return EventJson.mapper().readTree(reasons == null ? "[]" : reasons).findValuesAsText("message");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lot_ref.reasons is not JSON", e);
        }
    }

    private static LocalDateTime lima(Object value) {
        Instant instant = value instanceof OffsetDateTime o
                ? o.toInstant()
                : value instanceof Timestamp t ? t.toInstant() : (Instant) value;
        return LocalDateTime.ofInstant(instant, BusinessClock.LIMA);
    }
}
