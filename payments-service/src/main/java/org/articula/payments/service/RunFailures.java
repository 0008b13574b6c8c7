package org.articula.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.UUID;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.mapping.StatementHtml;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;
import org.articula.platform.transaction.LostRace;
import org.jboss.logging.Logger;

/**
 * Why a settlement run failed, in words a treasurer can act on: a refusal says what it says; amounts too
 * large to record name the producer and the delivery that most likely has a mistyped quantity; a clash with
 * another run or a closing, and a lost database, say to run again; anything else gets a support code under
 * which its cause is logged. A run is one transaction, so every reason can say that nothing was saved.
 */
@ApplicationScoped
public class RunFailures {

    private static final Logger LOG = Logger.getLogger(RunFailures.class);
    private static final String NOTHING_SAVED = " No se guardó nada de este cálculo.";
    // PostgreSQL: deadlock, serialization, lock not available, statement cancelled. (Amounts out of range are
    // named lot by lot inside the calculation: AmountsOutOfRange.)
    private static final Set<String> CLASHES = Set.of("40P01", "40001", "55P03", "57014");

    /**
     * @param reason  for the run's log, in Spanish
     * @param errorId the support code, for an unexpected failure only
     * @param answer  what a caller waiting for the run is answered with (the original failure when null)
     */
    public record Explained(String reason, String errorId, ProblemException answer) {
    }

    public Explained explain(RuntimeException failure, UUID organisationId, Fortnight fortnight) {
        if (failure instanceof ProblemException refusal) {
            return new Explained(refusal.getMessage(), null, null);
        }
        String state = sqlState(failure);
        if (CLASHES.contains(state)) {
            String reason = "Otra liquidación o el cierre de la quincena del " + StatementHtml.date(fortnight.start())
                    + " se estaba guardando al mismo tiempo. Vuelva a ejecutar la liquidación." + NOTHING_SAVED;
            // A deadlock or serialization failure is a lost race: thrown as it is, @RetryLostRace runs a waiting
            // request again; a lock or statement timeout is answered in words.
            return new Explained(reason, null, LostRace.lost(failure)
                    ? null
                    : new ProblemException(ProblemType.CONCURRENT_MODIFICATION, reason));
        }
        if (lostDatabase(failure, state)) {
            String reason = "Se perdió la conexión con la base de datos durante el cálculo. Vuelva a ejecutar la "
                    + "liquidación en unos minutos." + NOTHING_SAVED;
            return new Explained(reason, null, new ProblemException(ProblemType.UNAVAILABLE, reason));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "settlement run of %s for %s failed: error %s", organisationId, fortnight.start(), errorId);
        return new Explained("Ocurrió un error inesperado al calcular la liquidación." + NOTHING_SAVED
                + " Código para soporte: " + errorId, errorId, null);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean lostDatabase(Throwable failure, String state) {
        if (state != null && state.startsWith("08")) {
            return true; // connection exception class
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLRecoverableException || t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
