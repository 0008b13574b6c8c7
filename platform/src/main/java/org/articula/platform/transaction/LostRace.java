package org.articula.platform.transaction;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.StaleStateException;

/**
 * Recognises a transaction that failed only because a concurrent one got there first: by the
 * PostgreSQL SQLSTATE found anywhere in the chain of causes (Hibernate, JTA and JDBC batches wrap it), or
 * by Hibernate's optimistic lock (a row's version changed under it). Every change names the version it
 * read, so running such a transaction again answers what a sequential repeat would: the same answer if
 * it repeats a change already made, a conflict if it really is another change.
 */
public final class LostRace {

    /** unique_violation: the same key inserted by two transactions. */
    public static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> RACES = Set.of(UNIQUE_VIOLATION, "40001", "40P01");
    private static final Set<String> DUPLICATES = Set.of(UNIQUE_VIOLATION);

    private LostRace() {
    }

    /** A duplicate key, a serialization failure, a deadlock or a row changed by another transaction. */
    public static boolean lost(Throwable e) {
        return sqlState(e, RACES) != null || causes(e).stream()
                .anyMatch(c -> c instanceof OptimisticLockException || c instanceof StaleStateException);
    }

    /** A duplicate key, however deeply wrapped. */
    public static boolean duplicate(Throwable e) {
        return sqlState(e, DUPLICATES) != null;
    }

    private static String sqlState(Throwable e, Set<String> wanted) {
        for (Throwable cause : causes(e)) {
            for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null; sql = sql
                    .getNextException()) {
                if (wanted.contains(sql.getSQLState())) {
                    return sql.getSQLState();
                }
            }
        }
        return null;
    }

    private static List<Throwable> causes(Throwable e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = e; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }
}
