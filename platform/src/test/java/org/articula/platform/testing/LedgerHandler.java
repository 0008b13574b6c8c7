package org.articula.platform.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.inbox.EventHandler;

/**
 * Test handler: books the event's amount in test_ledger, on its "account" if it names one (which must exist
 * in test_account, else the event fails until it does); a payload with "poison" always fails. A
 * {@value #BALANCE_STATED} event states an account's balance at a revision, kept at the highest revision:
 * idempotent, so it keeps no inbox row.
 */
@ApplicationScoped
public class LedgerHandler implements EventHandler {

    public static final String BALANCE_STATED = "BalanceStated";

    @Inject
    DataSource dataSource;

    @Override
    public void handle(EventEnvelope event) {
        if (event.payload().path("poison").asBoolean(false)) {
            throw new IllegalArgumentException("poison pill: amount cannot be booked");
        }
        if (BALANCE_STATED.equals(event.type())) {
            stateBalance(event);
            return;
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

    @Override
    public Set<String> idempotentTypes() {
        return Set.of(BALANCE_STATED);
    }

    private void stateBalance(EventEnvelope event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into test_balance (account, revision, balance) values (?, ?, ?)
                        on conflict (account) do update set revision = excluded.revision, balance = excluded.balance
                        where test_balance.revision < excluded.revision""")) {
            upsert.setString(1, event.aggregateId());
            upsert.setInt(2, event.payload().path("revision").asInt());
            upsert.setBigDecimal(3, new BigDecimal(event.payload().path("balance").asText()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
