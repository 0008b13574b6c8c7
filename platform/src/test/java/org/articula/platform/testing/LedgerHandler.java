package org.articula.platform.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.inbox.EventHandler;

/**
 * Test handler: books the event's amount in test_ledger, on its "account" if it names one (which must exist
 * in test_account, else the event fails until it does); a payload with "poison" always fails.
 */
@ApplicationScoped
public class LedgerHandler implements EventHandler {

    @Inject
    DataSource dataSource;

    @Override
    public void handle(EventEnvelope event) {
        if (event.payload().path("poison").asBoolean(false)) {
            throw new IllegalArgumentException("poison pill: amount cannot be booked");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into test_ledger (event_id, amount, account) values (?, ?, ?)")) {
            insert.setObject(1, event.eventId());
            insert.setBigDecimal(2, new BigDecimal(event.payload().path("amount").asText("0")));
            insert.setString(3, event.payload().path("account").textValue());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
