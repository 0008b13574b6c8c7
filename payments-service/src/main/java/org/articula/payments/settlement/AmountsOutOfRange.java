package org.articula.payments.settlement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.payments.domain.PaymentsProblem;
import org.articula.platform.problem.ProblemException;

/**
 * Names what made a settlement's amounts exceed what it stores, so that no lot blocks an organisation's
 * settlement without being named. Intake's limits keep every lot within them (docs/decisions/0016); a lot
 * recorded under older limits, or a producer's fortnight of hundreds of the largest lots, may not be.
 */
@ApplicationScoped
public class AmountsOutOfRange {

    /** Amounts, and the quantities a settlement sums, have 16 integer digits (V11). */
    static final BigDecimal LIMIT = BigDecimal.TEN.pow(16);
    private static final String MAXIMUM = "S/ 9999999999999999.99";
    private static final int SHOWN = 5;
    private static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";

    @Inject
    EntityManager em;

    /** Whether a failure is PostgreSQL's "numeric field overflow". */
    static boolean isOverflow(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && NUMERIC_VALUE_OUT_OF_RANGE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The refusal naming the lots or producers, read in a transaction of its own: the computation's is lost. */
    ProblemException refusal(UUID organisationId, LocalDate start, LocalDate end) {
        return QuarkusTransaction.requiringNew().call(() -> describe(organisationId, start, end));
    }

    @SuppressWarnings("unchecked")
    private ProblemException describe(UUID organisationId, LocalDate start, LocalDate end) {
        // The fortnight's lots and the earlier ones a run adjusts, each priced as a run prices it.
        String lots = "select * from priced_lots(:org, cast('-infinity' as date), :end) l where l.verdict = 'ACCEPTED'"
                + " and (l.delivery_date between :start and :end and l.status = 'RECORDED'"
                + " or l.delivery_date < :start and (l.settled_revision is null or l.settled_revision < l.revision))";
        List<Object[]> large = em.createNativeQuery("""
                select p.id, coalesce(r.name, cast(p.producer_id as text)), p.delivery_date, p.quantity, p.unit_price
                from (""" + lots + """
                ) p left join producer_ref r on r.id = p.producer_id
                where abs(p.quantity * p.unit_price) >= :limit
                order by abs(p.quantity * p.unit_price) desc, p.id""").setParameter("org", organisationId)
                .setParameter("start", start).setParameter("end", end).setParameter("limit", LIMIT)
                .setMaxResults(SHOWN).getResultList();
        if (!large.isEmpty()) {
            return refusal("el importe de " + (large.size() == 1 ? "este lote excede" : "estos lotes excede")
                    + " el máximo que guarda una liquidación (" + MAXIMUM + "): " + large.stream().map(l -> "lote "
                            + l[0] + " de " + l[1] + ", entregado el " + l[2] + ", " + plain(l[3]) + " x S/ "
                            + plain(l[4]) + " = S/ " + money(((BigDecimal) l[3]).multiply((BigDecimal) l[4])))
                            .collect(Collectors.joining("; "))
                    + ". Corrija o anule " + (large.size() == 1 ? "ese lote" : "esos lotes")
                    + " y vuelva a calcular la liquidación.");
        }
        List<Object[]> producers = em.createNativeQuery("""
                select coalesce(r.name, cast(p.producer_id as text)), count(*),
                       sum(round(p.quantity * p.unit_price, 2)), sum(p.quantity)
                from (""" + lots + """
                ) p left join producer_ref r on r.id = p.producer_id
                where p.delivery_date between :start and :end
                group by p.producer_id, r.name
                having abs(sum(round(p.quantity * p.unit_price, 2))) >= :limit or sum(p.quantity) >= :limit
                order by abs(sum(round(p.quantity * p.unit_price, 2))) desc""").setParameter("org", organisationId)
                .setParameter("start", start).setParameter("end", end).setParameter("limit", LIMIT)
                .setMaxResults(SHOWN).getResultList();
        if (!producers.isEmpty()) {
            return refusal("los lotes aceptados de la quincena suman más de lo que guarda una liquidación ("
                    + MAXIMUM + "): " + producers.stream().map(p -> p[0] + ", " + p[1] + " lotes por S/ "
                            + money((BigDecimal) p[2]) + " (" + plain(p[3]) + " unidades)")
                            .collect(Collectors.joining("; "))
                    + ". Revise esos lotes y vuelva a calcular la liquidación.");
        }
        return refusal("un importe de la quincena excede el máximo que guarda una liquidación (" + MAXIMUM
                + "). Revise los lotes y las bonificaciones y penalidades de los acuerdos.");
    }

    private static ProblemException refusal(String what) {
        return new ProblemException(PaymentsProblem.AMOUNT_OUT_OF_RANGE, "La liquidación no se calculó: " + what);
    }

    private static String plain(Object number) {
        return ((BigDecimal) number).stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
