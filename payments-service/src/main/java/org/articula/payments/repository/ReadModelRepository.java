package org.articula.payments.repository;

import static org.articula.platform.events.Payload.date;
import static org.articula.platform.events.Payload.decimal;
import static org.articula.platform.events.Payload.optionalDecimal;
import static org.articula.platform.events.Payload.optionalUuid;
import static org.articula.platform.events.Payload.required;
import static org.articula.platform.events.Payload.text;
import static org.articula.platform.events.Payload.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.articula.platform.events.EventJson;

/**
 * Writes the read model in plain SQL: each upsert replaces a row only when the incoming version or
 * revision is higher than the stored one.
 */
@ApplicationScoped
public class ReadModelRepository {

    @Inject
    EntityManager em;

    public void saveProducer(JsonNode p) {
        em.createNativeQuery("""
                insert into producer_ref (id, organisation_id, group_id, national_id, name, revision)
                values (:id, :org, :grp, :nid, :name, :rev)
                on conflict (id) do update set organisation_id = excluded.organisation_id,
                    group_id = excluded.group_id, national_id = excluded.national_id, name = excluded.name,
                    revision = excluded.revision
                where producer_ref.revision < excluded.revision""")
                .setParameter("id", uuid(p, "producerId")).setParameter("org", uuid(p, "organisationId"))
                .setParameter("grp", optionalUuid(p, "groupId")).setParameter("nid", text(p, "nationalId"))
                .setParameter("name", text(p, "name")).setParameter("rev", required(p, "version").asLong())
                .executeUpdate();
    }

    /** Replaces the agreement and all its terms versions when this revision is newer. */
    public void saveAgreement(JsonNode a) {
        UUID id = uuid(a, "id");
        long revision = required(a, "version").asLong();
        String counterpartyType = text(required(a, "counterparty"), "type");
        UUID counterpartyId = uuid(required(a, "counterparty"), "id");
        int changed = em.createNativeQuery("""
                insert into agreement_ref (id, organisation_id, buyer_id, counterparty_type, producer_id, group_id, product,
                    unit, start_date, end_date, status, revision, periods_in_force)
                values (:id, :org, :buyer, :cpt, :producer, :grp, :product, :unit, :start, :end, :status, :rev,
                    cast(:periods as jsonb))
                on conflict (id) do update set organisation_id = excluded.organisation_id, buyer_id = excluded.buyer_id,
                    counterparty_type = excluded.counterparty_type, producer_id = excluded.producer_id,
                    group_id = excluded.group_id, product = excluded.product, unit = excluded.unit,
                    start_date = excluded.start_date, end_date = excluded.end_date, status = excluded.status,
                    revision = excluded.revision, periods_in_force = excluded.periods_in_force
                where agreement_ref.revision < excluded.revision""")
                .setParameter("id", id).setParameter("org", uuid(a, "organisationId"))
                .setParameter("buyer", uuid(a, "buyerId"))
                .setParameter("cpt", counterpartyType)
                .setParameter("producer", "PRODUCER".equals(counterpartyType) ? counterpartyId : null)
                .setParameter("grp", "PRODUCER".equals(counterpartyType) ? null : counterpartyId)
                .setParameter("product", text(a, "product")).setParameter("unit", text(a, "unit"))
                .setParameter("start", date(a, "startDate")).setParameter("end", date(a, "endDate"))
                .setParameter("status", text(a, "status")).setParameter("rev", revision)
                .setParameter("periods", required(a, "periodsInForce").toString()).executeUpdate();
        if (changed == 0) {
            return; // an older or repeated event
        }
        for (String table : new String[] { "price_adjustment", "volume_tier", "terms_version" }) {
            em.createNativeQuery("delete from " + table + " where agreement_id = :id").setParameter("id", id)
                    .executeUpdate();
        }
        for (JsonNode v : required(a, "versions")) {
            int number = required(v, "number").asInt();
            JsonNode clauses = required(v, "clauses");
            JsonNode price = required(clauses, "price");
            JsonNode quantity = clauses.path("quantity");
            boolean committed = quantity.isObject();
            em.createNativeQuery("""
                    insert into terms_version (agreement_id, number, effective_from, effective_to, currency, base_price,
                        payment_term_days, committed_quantity, commitment_per, tolerance_percent, shortfall_penalty,
                        max_instalments)
                    values (:id, :n, :from, :to, :cur, :base, :term, :cq, :per, :tol, :pen, :maxi)""")
                    .setParameter("id", id).setParameter("n", number)
                    .setParameter("from", date(v, "effectiveFrom")).setParameter("to", date(v, "effectiveTo"))
                    .setParameter("cur", text(price, "currency")).setParameter("base", decimal(price, "basePrice"))
                    .setParameter("term", required(price, "paymentTermDays").asInt())
                    .setParameter("cq", committed ? decimal(quantity, "committedQuantity") : null)
                    .setParameter("per", committed ? text(quantity, "per") : null)
                    .setParameter("tol", committed ? decimal(quantity, "tolerancePercent") : null)
                    .setParameter("pen", committed ? optionalDecimal(quantity, "shortfallPenaltyPerUnit") : null)
                    .setParameter("maxi", clauses.path("assistance").path("maxInstalments").asInt(2))
                    .executeUpdate();
            int seq = 0;
            for (JsonNode adj : price.path("qualityAdjustments")) {
                em.createNativeQuery("""
                        insert into price_adjustment (agreement_id, version_number, seq, parameter, from_value, to_value,
                            amount_per_unit) values (:id, :n, :seq, :param, :from, :to, :amount)""")
                        .setParameter("id", id).setParameter("n", number).setParameter("seq", ++seq)
                        .setParameter("param", text(adj, "parameter")).setParameter("from", optionalDecimal(adj, "from"))
                        .setParameter("to", optionalDecimal(adj, "to"))
                        .setParameter("amount", decimal(adj, "amountPerUnit")).executeUpdate();
            }
            for (JsonNode tier : price.path("volumeTiers")) {
                em.createNativeQuery("""
                        insert into volume_tier (agreement_id, version_number, min_quantity, bonus_per_unit)
                        values (:id, :n, :min, :bonus)""")
                        .setParameter("id", id).setParameter("n", number)
                        .setParameter("min", decimal(tier, "minQuantity"))
                        .setParameter("bonus", decimal(tier, "bonusPerUnit")).executeUpdate();
            }
        }
    }

    /** Keeps a lot at its highest revision; readings are stored as {parameter: value} for pricing in SQL. */
    public void saveLot(JsonNode l) {
        ObjectNode readings = EventJson.mapper().createObjectNode();
        for (JsonNode r : l.path("readings")) {
            if (r.path("value").isNumber()) {
                readings.set(text(r, "parameter"), r.path("value"));
            } else if (r.path("result").isBoolean()) {
                readings.set(text(r, "parameter"), r.path("result"));
            }
        }
        em.createNativeQuery("""
                insert into lot_ref (id, organisation_id, producer_id, agreement_id, agreement_version, product, quantity,
                    unit, delivered_at, delivery_date, shift, readings, verdict, reasons, status, revision)
                values (:id, :org, :producer, :agreement, :version, :product, :quantity, :unit, :at, :day, :shift,
                    cast(:readings as jsonb), :verdict, cast(:reasons as jsonb), :status, :revision)
                on conflict (id) do update set quantity = excluded.quantity, readings = excluded.readings,
                    verdict = excluded.verdict, reasons = excluded.reasons, status = excluded.status,
                    revision = excluded.revision
                where lot_ref.revision < excluded.revision""")
                .setParameter("id", uuid(l, "id")).setParameter("org", uuid(l, "organisationId"))
                .setParameter("producer", uuid(l, "producerId")).setParameter("agreement", uuid(l, "agreementId"))
                .setParameter("version", required(l, "agreementVersion").asInt())
                .setParameter("product", text(l, "product")).setParameter("quantity", decimal(l, "quantity"))
                .setParameter("unit", text(l, "unit"))
                .setParameter("at", Instant.parse(text(l, "deliveredAt")))
                .setParameter("day", date(l, "deliveryDate"))
                .setParameter("shift", l.path("shift").isTextual() ? l.path("shift").asText() : null)
                .setParameter("readings", readings.toString())
                .setParameter("verdict", text(l, "verdict"))
                .setParameter("reasons", required(l, "reasons").toString())
                .setParameter("status", text(l, "status")).setParameter("revision", required(l, "revision").asInt())
                .executeUpdate();
    }
}
