package org.articula.payments.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.articula.payments.domain.ProducerSettlement;
import org.articula.payments.domain.Settlement;

@ApplicationScoped
public class SettlementRepository implements PanacheRepositoryBase<Settlement, UUID> {

    /** Raw statement rows, read with one query each. */
    public record LineRow(UUID producerId, String kind, UUID agreementId, UUID lotId, LocalDate deliveryDate,
            String shift, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal amount, String detail) {
    }

    public record DeductionRow(UUID producerId, UUID chargeId, String kind, String description, LocalDate chargeDate,
            int instalment, BigDecimal due, BigDecimal applied, BigDecimal carried) {
    }

    /** A settlement with its counts and totals, for lists. */
    public record SummaryRow(UUID id, UUID organisationId, LocalDate periodStart, LocalDate periodEnd, String status,
            int runs, java.time.Instant computedAt, java.time.Instant closedAt, int producers, int lots,
            BigDecimal quantity, BigDecimal gross, BigDecimal deductions, BigDecimal net) {
    }

    /** The organisation's settlements, newest fortnight first, or the one starting on {@code start}. */
    @SuppressWarnings("unchecked")
    public List<SummaryRow> summaries(UUID organisationId, LocalDate start) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select s.id, s.organisation_id, s.period_start, s.period_end, s.status, s.runs, s.computed_at,
                       s.closed_at, p.producers, l.lots, l.quantity, p.gross, p.deductions, p.net
                from settlement s
                cross join lateral (select count(*) as producers, coalesce(sum(gross), 0) as gross,
                                           coalesce(sum(deductions), 0) as deductions, coalesce(sum(net), 0) as net
                                    from settlement_producer where settlement_id = s.id) p
                cross join lateral (select coalesce(s.lots, count(*)) as lots,
                                           coalesce(s.lot_quantity, sum(quantity), 0) as quantity
                                    from settlement_line
                                    where settlement_id = s.id and kind in ('LOT', 'REJECTED')
                                      and s.lots is null) l
                where s.organisation_id = :org and (cast(:start as date) is null or s.period_start = cast(:start as date))
                order by s.period_start desc""")
                .setParameter("org", organisationId).setParameter("start", start).getResultList();
        return rows.stream()
                .map(r -> new SummaryRow((UUID) r[0], (UUID) r[1], toDate(r[2]), toDate(r[3]), (String) r[4],
                        ((Number) r[5]).intValue(), toInstant(r[6]), toInstant(r[7]), ((Number) r[8]).intValue(),
                        ((Number) r[9]).intValue(), (BigDecimal) r[10], money(r[11]), money(r[12]), money(r[13])))
                .toList();
    }

    private static java.time.Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static BigDecimal money(Object value) {
        return ((BigDecimal) value).setScale(2);
    }

    // The queries a settlement run and its answer make are native SQL: the first HQL query of a service's
    // life builds Hibernate's HQL parser, which made a service's first run hundreds of milliseconds slower.

    /** With PESSIMISTIC_WRITE, locked (for update) until the transaction ends. */
    @SuppressWarnings("unchecked")
    public Optional<Settlement> forFortnight(UUID organisationId, LocalDate start, LockModeType lock) {
        String sql = "select * from settlement where organisation_id = :org and period_start = :start";
        if (lock == LockModeType.PESSIMISTIC_WRITE) {
            sql += " for update";
        } else if (lock != LockModeType.NONE) {
            throw new IllegalArgumentException("lock mode " + lock);
        }
        return getEntityManager().createNativeQuery(sql, Settlement.class).setParameter("org", organisationId)
                .setParameter("start", start).getResultList().stream().findFirst();
    }

    /** The first day of the organisation's earliest fortnight before {@code start} still open (those close first). */
    public Optional<LocalDate> earlierOpen(UUID organisationId, LocalDate start) {
        List<?> days = getEntityManager().createNativeQuery("""
                select period_start from settlement where organisation_id = :org and period_start < :start
                  and status = 'OPEN'
                order by period_start limit 1""")
                .setParameter("org", organisationId).setParameter("start", start).getResultList();
        return days.stream().findFirst().map(SettlementRepository::toDate);
    }

    /** A producer's totals and payout in a settlement, read without loading entities. */
    public record ProducerRow(UUID producerId, BigDecimal gross, BigDecimal deductions, BigDecimal net,
            LocalDate dueDate, LocalDate paidOn) {
    }

    private static ProducerRow producerRow(Object[] r) {
        return new ProducerRow((UUID) r[0], (BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3], toDate(r[4]),
                toDate(r[5]));
    }

    /**
     * The settlement's count and totals (sums of the producers' rounded figures), and its producers' totals by
     * producer id still to be read: fetched {@link #CURSOR_FETCH} at a time, so a settlement of any size is never
     * in memory whole. One statement, so the totals and the rows are of the same moment. Close it.
     */
    public record ProducerCursor(int count, BigDecimal gross, BigDecimal deductions, BigDecimal net,
            Stream<ProducerRow> rows) implements AutoCloseable {

        @Override
        public void close() {
            rows.close();
        }
    }

    static final int CURSOR_FETCH = 2_000;

    /** See {@link ProducerCursor}; needs the transaction it is read in. */
    public ProducerCursor producerCursor(UUID settlementId) {
        Stream<Object[]> raw = cursor("""
                select producer_id, gross, deductions, net, due_date, paid_on,
                       count(*) over (), sum(gross) over (), sum(deductions) over (), sum(net) over ()
                from settlement_producer where settlement_id = :s order by producer_id""", settlementId);
        Iterator<Object[]> read = raw.iterator();
        if (!read.hasNext()) {
            raw.close();
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new ProducerCursor(0, zero, zero, zero, Stream.empty());
        }
        Object[] first = read.next();
        Stream<Object[]> all = Stream.concat(Stream.<Object[]>of(first),
                StreamSupport.stream(Spliterators.spliteratorUnknownSize(read, Spliterator.ORDERED), false));
        return new ProducerCursor(((Number) first[6]).intValue(), (BigDecimal) first[7], (BigDecimal) first[8],
                (BigDecimal) first[9], all.map(SettlementRepository::producerRow).onClose(raw::close));
    }

    /** A producer's totals with the name and DNI payments knows (null until contracts-service announced them). */
    public record NamedProducerRow(ProducerRow totals, String name, String nationalId) {
    }

    /**
     * The settlement's producers with their names, by producer id, fetched {@link #CURSOR_FETCH} at a time like
     * {@link #producerCursor}. Close the stream.
     */
    public Stream<NamedProducerRow> namedProducers(UUID settlementId) {
        return cursor("""
                select p.producer_id, p.gross, p.deductions, p.net, p.due_date, p.paid_on, r.name, r.national_id
                from settlement_producer p left join producer_ref r on r.id = p.producer_id
                where p.settlement_id = :s order by p.producer_id""", settlementId)
                .map(r -> new NamedProducerRow(producerRow(r), (String) r[6], (String) r[7]));
    }

    // Rows of a settlement's producers, CURSOR_FETCH at a time; a payout flushed in this transaction included.
    @SuppressWarnings("unchecked")
    private Stream<Object[]> cursor(String sql, UUID settlementId) {
        return getEntityManager().createNativeQuery(sql).unwrap(org.hibernate.query.NativeQuery.class)
                .addSynchronizedEntityClass(ProducerSettlement.class).setParameter("s", settlementId)
                .setFetchSize(CURSOR_FETCH).getResultStream();
    }

    public List<ProducerSettlement> producers(UUID settlementId) {
        return getEntityManager().createQuery("from ProducerSettlement where settlementId = :s order by producerId",
                ProducerSettlement.class).setParameter("s", settlementId).getResultList();
    }

    public Optional<ProducerSettlement> producerForUpdate(UUID settlementId, UUID producerId) {
        return Optional.ofNullable(getEntityManager().find(ProducerSettlement.class, key(settlementId, producerId),
                LockModeType.PESSIMISTIC_WRITE));
    }

    /** The producers of {@code producerIds} in the settlement, locked in key order (absent ones are left out). */
    public Map<UUID, ProducerSettlement> producersForUpdate(UUID settlementId, Collection<UUID> producerIds) {
        return getEntityManager().createQuery("""
                from ProducerSettlement where settlementId = :s and producerId in :p order by producerId""",
                ProducerSettlement.class).setParameter("s", settlementId).setParameter("p", producerIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .collect(Collectors.toMap(p -> p.producerId, p -> p));
    }

    public void createIfMissing(UUID id, UUID organisationId, LocalDate start, LocalDate end, java.time.Instant at) {
        getEntityManager().createNativeQuery("""
                insert into settlement (id, organisation_id, period_start, period_end, status, runs, computed_at)
                values (:id, :org, :start, :end, 'OPEN', 0, :at)
                on conflict (organisation_id, period_start) do nothing""")
                .setParameter("id", id).setParameter("org", organisationId).setParameter("start", start)
                .setParameter("end", end).setParameter("at", at).executeUpdate();
    }

    public Optional<ProducerSettlement> producer(UUID settlementId, UUID producerId) {
        return Optional.ofNullable(getEntityManager().find(ProducerSettlement.class, key(settlementId, producerId)));
    }

    /**
     * The statement lines of one producer of a settlement, or of every producer when {@code producerId} is
     * null (one query for a whole settlement's statements). A lot line written since V7 keeps its evidence
     * in columns (readings, reasons, adjustments), not in detail. An open settlement's lot lines are computed
     * from its lots (statement_line, decision 0036).
     */
    @SuppressWarnings("unchecked")
    public List<LineRow> lines(UUID settlementId, UUID producerId) {
        List<Object[]> rows = ofSettlement("""
                select l.producer_id, l.kind, l.agreement_id, l.lot_id, l.delivery_date, l.shift, l.quantity, a.unit,
                       l.unit_price, l.amount, coalesce(l.detail, jsonb_build_object('readings', l.readings,
                           'reasons', l.reasons, 'adjustments', l.adjustments))::text
                from statement_line l left join agreement_ref a on a.id = l.agreement_id
                where l.settlement_id = :s %s
                order by l.producer_id,
                         case l.kind when 'LOT' then 1 when 'REJECTED' then 1 when 'ADJUSTMENT' then 2 else 3 end,
                         l.delivery_date, case l.shift when 'MORNING' then 1 when 'AFTERNOON' then 2 else 3 end,
                         l.lot_id, l.kind""", "l.producer_id", settlementId, producerId).getResultList();
        return rows.stream().map(r -> new LineRow((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3], toDate(r[4]),
                (String) r[5], (BigDecimal) r[6], (String) r[7], (BigDecimal) r[8], (BigDecimal) r[9], (String) r[10]))
                .toList();
    }

    /** The deductions of one producer of a settlement, or of every producer when {@code producerId} is null. */
    @SuppressWarnings("unchecked")
    public List<DeductionRow> deductions(UUID settlementId, UUID producerId) {
        List<Object[]> rows = ofSettlement("""
                select d.producer_id, d.charge_id, c.kind, c.description, c.charge_date, d.instalment, d.due, d.applied,
                       d.carried
                from settlement_deduction d join charge c on c.id = d.charge_id
                join instalment i on i.charge_id = d.charge_id and i.number = d.instalment
                where d.settlement_id = :s %s
                order by d.producer_id, i.due_from, c.charge_date, c.created_at, c.id, d.instalment""",
                "d.producer_id", settlementId, producerId).getResultList();
        return rows.stream().map(r -> new DeductionRow((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                toDate(r[4]), ((Number) r[5]).intValue(), (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8]))
                .toList();
    }

    // A settlement's rows, narrowed to one producer when one is named.
    private jakarta.persistence.Query ofSettlement(String sql, String producerColumn, UUID settlementId,
            UUID producerId) {
        jakarta.persistence.Query query = getEntityManager().createNativeQuery(
                sql.formatted(producerId == null ? "" : "and " + producerColumn + " = :p"))
                .setParameter("s", settlementId);
        return producerId == null ? query : query.setParameter("p", producerId);
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static ProducerSettlement.Key key(UUID settlementId, UUID producerId) {
        ProducerSettlement.Key key = new ProducerSettlement.Key();
        key.settlementId = settlementId;
        key.producerId = producerId;
        return key;
    }

    /** A producer as contracts-service last described them: name and DNI (or RUC), and their organisation. */
    public record ProducerRef(UUID id, UUID organisationId, String name, String nationalId) {
    }

    @SuppressWarnings("unchecked")
    public Optional<ProducerRef> producerRef(UUID producerId) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "select id, organisation_id, name, national_id from producer_ref where id = :p")
                .setParameter("p", producerId).getResultList();
        return rows.stream().findFirst().map(SettlementRepository::producerRef);
    }

    /** The producers of a settlement (or the one named), by id. */
    @SuppressWarnings("unchecked")
    public Map<UUID, ProducerRef> producerRefs(UUID settlementId, UUID producerId) {
        List<Object[]> rows = ofSettlement("""
                select r.id, r.organisation_id, r.name, r.national_id
                from settlement_producer p join producer_ref r on r.id = p.producer_id
                where p.settlement_id = :s %s""", "p.producer_id", settlementId, producerId).getResultList();
        return rows.stream().map(SettlementRepository::producerRef)
                .collect(Collectors.toMap(ProducerRef::id, Function.identity()));
    }

    private static ProducerRef producerRef(Object[] r) {
        return new ProducerRef((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3]);
    }

    /** An organisation and its name as contracts-service last announced it (null until it has). */
    public record OrganisationRef(UUID id, String name) {
    }

    /**
     * The buyers of the agreements each producer's lines in a settlement price, with their names, by producer
     * (or for the one named).
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, List<OrganisationRef>> buyers(UUID settlementId, UUID producerId) {
        List<Object[]> rows = ofSettlement("""
                select b.producer_id, b.buyer_id, o.name
                from (select distinct l.producer_id, a.buyer_id
                      from statement_line l join agreement_ref a on a.id = l.agreement_id
                      where l.settlement_id = :s %s) b
                left join organisation_ref o on o.id = b.buyer_id
                order by b.producer_id, b.buyer_id""", "l.producer_id", settlementId, producerId).getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0],
                Collectors.mapping(r -> new OrganisationRef((UUID) r[1], (String) r[2]), Collectors.toList())));
    }

    /** An organisation's name as contracts-service last announced it, if it has. */
    public Optional<String> organisationName(UUID organisationId) {
        List<?> names = getEntityManager().createNativeQuery("select name from organisation_ref where id = :id")
                .setParameter("id", organisationId).getResultList();
        return names.stream().findFirst().map(String.class::cast);
    }

    /** A producer's fortnight in one of the organisation's settlements, for the producer's list. */
    public record ProducerStatementRow(UUID settlementId, LocalDate periodStart, LocalDate periodEnd, String status,
            BigDecimal gross, BigDecimal deductions, BigDecimal net, LocalDate dueDate, LocalDate paidOn) {
    }

    /** A producer's settlements in the organisation, newest fortnight first. */
    @SuppressWarnings("unchecked")
    public List<ProducerStatementRow> ofProducer(UUID organisationId, UUID producerId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select s.id, s.period_start, s.period_end, s.status, p.gross, p.deductions, p.net, p.due_date, p.paid_on
                from settlement_producer p join settlement s on s.id = p.settlement_id
                where s.organisation_id = :org and p.producer_id = :p
                order by s.period_start desc""")
                .setParameter("org", organisationId).setParameter("p", producerId).getResultList();
        return rows.stream().map(r -> new ProducerStatementRow((UUID) r[0], toDate(r[1]), toDate(r[2]), (String) r[3],
                (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6], toDate(r[7]), toDate(r[8]))).toList();
    }

    /** Lots of the fortnight whose agreement terms have not arrived yet: they wait, they are not lost. */
    public int waitingLots(UUID organisationId, LocalDate start, LocalDate end) {
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from lot_ref l
                where l.organisation_id = :org and l.delivery_date between :start and :end and l.status = 'RECORDED'
                  and not exists (select 1 from terms_version v where v.agreement_id = l.agreement_id
                                  and v.number = l.agreement_version)""")
                .setParameter("org", organisationId).setParameter("start", start).setParameter("end", end)
                .getSingleResult()).intValue();
    }

    public UUID lastRun(UUID settlementId) {
        List<?> ids = getEntityManager().createNativeQuery("""
                select id from settlement_run where settlement_id = :s order by started_at desc limit 1""")
                .setParameter("s", settlementId).getResultList();
        return ids.isEmpty() ? null : (UUID) ids.get(0);
    }
}
