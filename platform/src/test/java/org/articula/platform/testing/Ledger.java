package org.articula.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** What {@link LedgerHandler} left behind for an event: its ledger rows and its inbox row's status. */
public final class Ledger {

    private Ledger() {
    }

    public static int rows(DataSource dataSource, UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from test_ledger where event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** PROCESSED, DEAD_LETTERED, or null when the inbox has no row for it. */
    public static String inboxStatus(DataSource dataSource, UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select status from inbox_event where consumer = 'platform-test' and event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
