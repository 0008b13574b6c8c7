package org.articula.payments.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.articula.localstack.testing.TestTopics;
import org.articula.localstack.testing.upstream.UpstreamEvents;

/**
 * Waits until payments-service's read models show what contracts-service and lots-service published; the
 * events themselves come from {@link UpstreamEvents}, checked against their publishers' schemas.
 */
public final class Feed {

    private Feed() {
    }

    /** Waits until payments-service's read model shows what the test needs. */
    public static void await(String what, Supplier<Boolean> condition) {
        TestTopics.await("payments-service saw " + what, () -> QuarkusTransaction.requiringNew().call(condition::get));
    }

    /** Waits until payments-service knows the producer and the terms of an agreement of theirs: a charge needs both. */
    public static void awaitTermsOf(EntityManager em, UUID producer) {
        await("the producer and its agreement's terms", () -> ((Number) em.createNativeQuery("""
                select count(*) from producer_ref r where r.id = :id and exists (select 1 from agreement_ref a
                    join terms_version v on v.agreement_id = a.id where a.producer_id = r.id)""")
                .setParameter("id", producer).getSingleResult()).intValue() == 1);
    }

    /** Waits until payments-service holds {@code expected} lots of the organisation, each with the terms pricing it. */
    public static void awaitLots(EntityManager em, UUID organisation, int expected) {
        await(expected + " lots of " + organisation + " and their terms", () -> ((Number) em.createNativeQuery("""
                select count(*) from lot_ref l join terms_version v
                    on v.agreement_id = l.agreement_id and v.number = l.agreement_version
                where l.organisation_id = :org""").setParameter("org", organisation).getSingleResult())
                .intValue() == expected);
    }

    /** Waits until payments-service knows the organisations' names. */
    public static void awaitOrganisations(EntityManager em, UUID... organisations) {
        List<UUID> ids = List.of(organisations);
        await("the organisations' names", () -> ((Number) em.createNativeQuery(
                "select count(*) from organisation_ref where id in (:ids)").setParameter("ids", ids)
                .getSingleResult()).intValue() == ids.size());
    }
}
