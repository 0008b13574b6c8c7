package org.articula.platform.transaction;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Recognises a transaction that failed only because a concurrent one got there first, by the
 * PostgreSQL SQLSTATE found anywhere in the chain of causes (Hibernate, JTA and JDBC batches wrap it).
 */
public final class LostRace {

    /** unique_violation: the same key inserted by two transactions. */
    public static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> RACES = Set.of(UNIQUE_VIOLATION, "40001", "40P01");

    private LostRace() {
    }

    /** A duplicate key, a serialization failure or a deadlock. */
    public static boolean lost(Throwable e) {
        return sqlState(e, RACES) != null;
    }

    /** A duplicate key, however deeply wrapped. */
    public static boolean duplicate(Throwable e) {
        return sqlState(e, Set.of(UNIQUE_VIOLATION)) != null;
    }

    private static String sqlState(Throwable e, Set<String> wanted) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = e; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (wanted.contains(sql.getSQLState())) {
                    return sql.getSQLState();
                }
            }
        }
        return null;
    }
}
