package org.articula.lots.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotFigures;
import org.articula.lots.domain.LotRevision;
import org.articula.lots.domain.LotStatus;
import org.articula.platform.events.EventJson;

/**
 * Stores newly recorded lots and their first revision with plain JDBC batches (rewritten by the driver
 * into multi-row inserts), in the caller's transaction. A batch of thousands of lots otherwise spends
 * most of its time in Hibernate's persistence context: an entity entry per lot and revision, and a
 * dirty check of every JSON column at each flush. The lots stay unmanaged; nothing changes them in the
 * same transaction.
 */
@ApplicationScoped
public class LotWriter {

    private static final String INSERT_LOT = """
            insert into lot (id, organisation_id, centre_id, producer_id, product, quantity, unit, delivered_at,
                delivery_date, shift, agreement_id, agreement_version, readings, verdict, reasons, status, revision,
                recorded_by, recorded_at, updated_at, version, parcel_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_REVISION = """
            insert into lot_revision (id, lot_id, revision, kind, quantity, readings, verdict, reasons, status, reason,
                changed_by, changed_at, parcel_id)
            values (?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?, ?, ?)""";

    @Inject
    DataSource dataSource;

    /**
     * Inserts the lots, then their revisions (which reference them), each in the order of the lot ids:
     * two batches holding some of the same lots then take their row locks in the same order, so the one
     * that comes second waits for the first and finds its lots stored (a duplicate key, answered by
     * running again) instead of each holding a lot the other waits for (a deadlock).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Lot> unordered, List<LotRevision> unorderedRevisions) {
        if (unordered.isEmpty()) {
            return;
        }
        List<Lot> lots = unordered.stream().sorted(Comparator.comparing((Lot l) -> l.id)).toList();
        List<LotRevision> revisions = unorderedRevisions.stream()
                .sorted(Comparator.comparing((LotRevision r) -> r.lotId)).toList();
        // Agroal hands out the connection already enlisted in the current transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lot = connection.prepareStatement(INSERT_LOT);
                PreparedStatement revision = connection.prepareStatement(INSERT_REVISION)) {
            for (Lot l : lots) {
                addLot(lot, l);
            }
            lot.executeBatch();
            for (LotRevision r : revisions) {
                addRevision(revision, r);
            }
            revision.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the lots", e);
        }
    }

    private static void addLot(PreparedStatement lot, Lot l) throws SQLException {
        lot.setObject(1, l.id);
        lot.setObject(2, l.organisationId);
        lot.setObject(3, l.centreId);
        lot.setObject(4, l.producerId);
        lot.setString(5, l.product);
        lot.setBigDecimal(6, l.figures.quantity);
        lot.setString(7, l.unit);
        lot.setObject(8, utc(l.deliveredAt));
        lot.setObject(9, l.deliveryDate);
        if (l.shift == null) {
            lot.setNull(10, Types.VARCHAR);
        } else {
            lot.setString(10, l.shift.name());
        }
        lot.setObject(11, l.agreementId);
        lot.setInt(12, l.agreementVersion);
        judgement(lot, 13, l.figures, l.status);
        lot.setInt(17, l.revision);
        lot.setObject(18, l.recordedBy);
        lot.setObject(19, utc(l.recordedAt));
        lot.setObject(20, utc(l.updatedAt));
        lot.setLong(21, l.version);
        lot.setObject(22, l.parcelId, Types.OTHER);
        lot.addBatch();
    }

    private static void addRevision(PreparedStatement revision, LotRevision r) throws SQLException {
        revision.setObject(1, r.id);
        revision.setObject(2, r.lotId);
        revision.setInt(3, r.revision);
        revision.setString(4, r.kind.name());
        revision.setBigDecimal(5, r.figures.quantity);
        judgement(revision, 6, r.figures, r.status);
        revision.setString(10, r.reason);
        revision.setString(11, r.changedBy);
        revision.setObject(12, utc(r.changedAt));
        revision.setObject(13, r.parcelId, Types.OTHER);
        revision.addBatch();
    }

    // Readings, verdict, reasons and status: four consecutive columns in both tables.
    private static void judgement(PreparedStatement insert, int at, LotFigures figures, LotStatus status)
            throws SQLException {
        insert.setString(at, json(figures.readings));
        insert.setString(at + 1, figures.verdict.name());
        insert.setString(at + 2, json(figures.reasons));
        insert.setString(at + 3, status.name());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
