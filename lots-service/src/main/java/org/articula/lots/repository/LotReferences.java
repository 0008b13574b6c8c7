package org.articula.lots.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.articula.lots.domain.CollectionCentre;
import org.articula.lots.domain.Operator;
import org.articula.lots.domain.ProducerRef;

/**
 * The centres, operators and producers a batch of lots names, and which of its lot ids exist, in one
 * round trip of plain JDBC. For a single lot the four Hibernate look-ups this replaces were a quarter
 * of its CPU. Only the fields
 * recording a lot reads are filled (centre: organisation; operator: centre and name; producer:
 * organisation, group and name); the objects are never managed nor saved.
 */
@ApplicationScoped
public class LotReferences {

    private static final String SELECT = """
            select 'C', id, organisation_id, null::uuid, name from collection_centre where id = any(?)
            union all
            select 'O', id, centre_id, null::uuid, name from operator where id = any(?)
            union all
            select 'P', id, organisation_id, group_id, name from producer_ref where id = any(?)
            union all
            select 'L', id, null, null, null from lot where id = any(?)""";

    /** ... and which of the lots' ids are already taken (most are not: a retry or a replayed batch). */
    public record Found(Map<UUID, CollectionCentre> centres, Map<UUID, Operator> operators,
            Map<UUID, ProducerRef> producers, Set<UUID> existingLots) {
    }

    @Inject
    DataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public Found find(Collection<UUID> centreIds, Collection<UUID> operatorIds, Collection<UUID> producerIds,
            Collection<UUID> lotIds) {
        Found found = new Found(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashSet<>());
        // Agroal hands out the connection already enlisted in the current transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setArray(1, connection.createArrayOf("uuid", centreIds.toArray()));
            select.setArray(2, connection.createArrayOf("uuid", operatorIds.toArray()));
            select.setArray(3, connection.createArrayOf("uuid", producerIds.toArray()));
            select.setArray(4, connection.createArrayOf("uuid", lotIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    add(found, rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the centres, operators and producers of the lots", e);
        }
        return found;
    }

    // One row: 'C' a centre, 'O' an operator, 'L' a lot id taken, else a producer.
    private static void add(Found found, ResultSet rs) throws SQLException {
        UUID id = rs.getObject(2, UUID.class);
        UUID first = rs.getObject(3, UUID.class);
        switch (rs.getString(1)) {
            case "C" -> {
                CollectionCentre centre = new CollectionCentre();
                centre.id = id;
                centre.organisationId = first;
                centre.name = rs.getString(5);
                found.centres().put(id, centre);
            }
            case "O" -> {
                Operator operator = new Operator();
                operator.id = id;
                operator.centreId = first;
                operator.name = rs.getString(5);
                found.operators().put(id, operator);
            }
            case "L" -> found.existingLots().add(id);
            default -> {
                ProducerRef producer = new ProducerRef();
                producer.id = id;
                producer.organisationId = first;
                producer.groupId = rs.getObject(4, UUID.class);
                producer.name = rs.getString(5);
                found.producers().put(id, producer);
            }
        }
    }
}
