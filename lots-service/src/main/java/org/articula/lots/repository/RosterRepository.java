package org.articula.lots.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.ProducerRef;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

/**
 * What a collection centre's device needs to record lots offline: the agreements lots can be recorded
 * under at the centre and the producers they cover, changed since a cursor. The cursor is a PostgreSQL
 * transaction id ({@code changed_xid}, stamped by V3__roster_changes.sql), compared as xid8.
 */
@ApplicationScoped
public class RosterRepository {

    /** Since the beginning: every row's changed_xid is at or above it. */
    public static final long EVERYTHING = 0;

    // The candidates of LotService.agreementFor: the centre's organisation buys under them or is their tenant.
    private static final String AGREEMENTS = """
            select * from agreement_terms
            where (buyer_id = ?1 or organisation_id = ?1) and changed_xid >= cast(cast(?2 as text) as xid8)
            order by start_date, id""";

    // Producers changed since, or covered (by id or by group) by an agreement changed since.
    private static final String PRODUCERS = """
            with covering as (
                select producer_id, group_id, changed_xid >= cast(cast(?2 as text) as xid8) as changed
                from agreement_terms where buyer_id = ?1 or organisation_id = ?1),
            sent as (
                select p.id from covering c join producer_ref p on p.id = c.producer_id
                where c.changed or p.changed_xid >= cast(cast(?2 as text) as xid8)
                union
                select p.id from covering c join producer_ref p on p.group_id = c.group_id
                where c.changed or p.changed_xid >= cast(cast(?2 as text) as xid8))
            select p.* from producer_ref p join sent using (id)
            order by p.name, p.id""";

    /** The oldest transaction still running when this one's snapshot was taken, and the next one to start. */
    public record Snapshot(long xmin, long xmax) {
    }

    @Inject
    EntityManager em;

    /**
     * Makes the current transaction read-only and REPEATABLE READ, so that every query in it sees the
     * snapshot {@link #snapshot()} describes. Must come before any other statement of the transaction.
     */
    public void readFromOneSnapshot() {
        em.unwrap(Session.class).doWork(connection -> {
            try (var set = connection.createStatement()) {
                set.execute("set transaction isolation level repeatable read, read only");
            }
        });
    }

    public Snapshot snapshot() {
        Object[] row = (Object[]) em.createNativeQuery("select cast(pg_snapshot_xmin(s) as text),"
                + " cast(pg_snapshot_xmax(s) as text) from pg_current_snapshot() s").getSingleResult();
        return new Snapshot(Long.parseLong((String) row[0]), Long.parseLong((String) row[1]));
    }

    @SuppressWarnings("unchecked")
    public List<AgreementTerms> agreementsChanged(UUID organisationId, long since) {
        return em.createNativeQuery(AGREEMENTS, AgreementTerms.class).setParameter(1, organisationId)
                .setParameter(2, Long.toString(since)).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<ProducerRef> producersToSend(UUID organisationId, long since) {
        return em.createNativeQuery(PRODUCERS, ProducerRef.class).setParameter(1, organisationId)
                .setParameter(2, Long.toString(since)).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }
}
