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
import org.articula.lots.domain.LotStatus;
import org.articula.platform.events.EventJson;

/**
 * Stores newly recorded lots with plain JDBC batches (rewritten by the driver into multi-row inserts), in the
 * caller's transaction. A batch of thousands of lots otherwise spends most of its time in Hibernate's
 * persistence context: an entity entry per lot, and a dirty check of every JSON column at each flush. The lots
 * stay unmanaged; nothing changes them in the same transaction. Their first revision is the lot row itself
 * until it changes (V7__first_revision_in_the_lot_row.sql), so no revision row is written here.
 */
@ApplicationScoped
public class LotWriter {

    private static final String INSERT_LOT = """
            insert into lot (id, organisation_id, centre_id, producer_id, product, quantity, unit, delivered_at,
                delivery_date, shift, agreement_id, agreement_version, readings, verdict, reasons, status, revision,
                recorded_by, recorded_at, updated_at, version, parcel_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)""";

    @Inject
    DataSource dataSource;

    /**
     * Inserts the lots in the order of their ids: two batches holding some of the same lots then take their
     * row locks in the same order, so the one that comes second waits for the first and finds its lots stored
     * (a duplicate key, answered by running again) instead of each holding a lot the other waits for (a
     * deadlock).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Lot> unordered) {
        if (unordered.isEmpty()) {
            return;
        }
        List<Lot> lots = unordered.stream().sorted(Comparator.comparing((Lot l) -> l.id)).toList();
        // Agroal hands out the connection already enlisted in the current transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lot = connection.prepareStatement(INSERT_LOT)) {
            for (Lot l : lots) {
                addLot(lot, l);
            }
            lot.executeBatch();
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

    // Readings, verdict, reasons and status: four consecutive columns.
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
