package org.articula.payments.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.mapping.StatementHtml;
import org.articula.payments.repository.SettlementRepository;
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
    // PostgreSQL: numeric_value_out_of_range; deadlock, serialization, lock not available, statement cancelled.
    private static final String OUT_OF_RANGE = "22003";
    private static final Set<String> CLASHES = Set.of("40P01", "40001", "55P03", "57014");

    @Inject
    SettlementRepository settlements;

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
        if (OUT_OF_RANGE.equals(state)) {
            String reason = outOfRange(organisationId, fortnight);
            return new Explained(reason, null, new ProblemException(ProblemType.BUSINESS_RULE, reason));
        }
        if (CLASHES.contains(state)) {
            String reason = "Otra liquidación o el cierre de la quincena del " + StatementHtml.date(fortnight.start())
                    + " se estaba guardando al mismo tiempo. Vuelva a ejecutar la liquidación." + NOTHING_SAVED;
            // A deadlock or serialization failure is a lost race: thrown as it is, @RetryLostRace runs a waiting
            // request again; a lock or statement timeout is answered in words.
            return new Explained(reason, null, LostRace.lost(failure) ? null
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

    // Numbers past what a statement can record (S/ 9,999,999,999.99) come from a quantity typed with digits too
    // many: the producer whose lots are worth the most, and their largest lot, are where to look.
    private String outOfRange(UUID organisationId, Fortnight fortnight) {
        Optional<SettlementRepository.HeaviestDelivery> heaviest = QuarkusTransaction.requiringNew()
                .call(() -> settlements.heaviestDelivery(organisationId, fortnight.start(), fortnight.end()));
        String limit = "más de lo que una liquidación puede registrar (S/ 9,999,999,999.99).";
        if (heaviest.isEmpty()) {
            return "Un importe de la quincena llega a " + limit + " Revise las cantidades de las entregas."
                    + NOTHING_SAVED;
        }
        SettlementRepository.HeaviestDelivery h = heaviest.get();
        String who = (h.producerName() == null ? "el productor " + h.producerId() : h.producerName())
                + (h.nationalId() == null ? "" : " (DNI/RUC " + h.nationalId() + ")");
        return "Las entregas de " + who + " en la quincena valen unos " + StatementHtml.money(h.producerAmount())
                + ", " + limit + " Revise su entrega del " + StatementHtml.date(h.deliveryDate()) + " de "
                + StatementHtml.qty(h.quantity()) + " " + h.unit() + " (lote " + h.lotId()
                + "): la cantidad parece mal digitada. Corríjala en el centro de acopio y vuelva a ejecutar la "
                + "liquidación." + NOTHING_SAVED;
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
