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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.articula.platform.events.EventJson;

/**
 * Writes the read model in plain SQL: each upsert replaces a row only when the incoming version or
 * revision is higher than the stored one.
 */
@ApplicationScoped
public class ReadModelRepository {

    private static final String UPSERT_LOTS = """
            insert into lot_ref (id, organisation_id, producer_id, agreement_id, agreement_version, product, quantity,
                unit, delivered_at, delivery_date, shift, readings, verdict, reasons, status, revision)
            select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::numeric[],
                ?::text[], ?::timestamptz[], ?::date[], ?::text[], ?::jsonb[], ?::text[], ?::jsonb[], ?::text[], ?::int[])
            on conflict (id) do update set quantity = excluded.quantity, readings = excluded.readings,
                verdict = excluded.verdict, reasons = excluded.reasons, status = excluded.status,
                revision = excluded.revision
            where lot_ref.revision < excluded.revision""";
    // One unnest array each, in the statement's order.
    private static final List<Function<LotRow, Object>> LOT_COLUMNS = List.of(LotRow::id, LotRow::organisationId,
            LotRow::producerId, LotRow::agreementId, LotRow::agreementVersion, LotRow::product, LotRow::quantity,
            LotRow::unit, LotRow::deliveredAt, LotRow::deliveryDate, LotRow::shift, LotRow::readings, LotRow::verdict,
            LotRow::reasons, LotRow::status, LotRow::revision);

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    public void saveProducer(JsonNode p) {
        em.createNativeQuery("""
                insert into producer_ref (id, organisation_id, group_id, national_id, name, revision, phone,
                    notices_opt_in, notice_channel)
                values (:id, :org, :grp, :nid, :name, :rev, :phone, :optIn, :channel)
                on conflict (id) do update set organisation_id = excluded.organisation_id,
                    group_id = excluded.group_id, national_id = excluded.national_id, name = excluded.name,
                    revision = excluded.revision, phone = excluded.phone, notices_opt_in = excluded.notices_opt_in,
                    notice_channel = excluded.notice_channel
                where producer_ref.revision < excluded.revision""")
                .setParameter("id", uuid(p, "producerId")).setParameter("org", uuid(p, "organisationId"))
                .setParameter("grp", optionalUuid(p, "groupId")).setParameter("nid", text(p, "nationalId"))
                .setParameter("name", text(p, "name")).setParameter("rev", required(p, "version").asLong())
                // Events from before notices existed carry neither: no notices for that producer.
                .setParameter("phone", p.path("phone").isTextual() ? p.path("phone").asText() : null)
                .setParameter("optIn", p.path("noticesOptIn").asBoolean(false))
                .setParameter("channel", p.path("noticeChannel").isTextual() ? p.path("noticeChannel").asText() : null)
                .executeUpdate();
    }

    public void saveOrganisation(JsonNode o) {
        em.createNativeQuery("""
                insert into organisation_ref (id, name, kind, parent_id, revision)
                values (:id, :name, :kind, :parent, :rev)
                on conflict (id) do update set name = excluded.name, kind = excluded.kind,
                    parent_id = excluded.parent_id, revision = excluded.revision
                where organisation_ref.revision < excluded.revision""")
                .setParameter("id", uuid(o, "organisationId")).setParameter("name", text(o, "name"))
                .setParameter("kind", text(o, "kind")).setParameter("parent", optionalUuid(o, "parentId"))
                .setParameter("rev", required(o, "version").asLong()).executeUpdate();
    }

    /** Replaces the agreement and all its terms versions when this revision is newer. */
    public void saveAgreement(JsonNode a) {
        if (upsertAgreement(a) == 0) {
            return; // an older or repeated event
        }
        UUID id = uuid(a, "id");
        for (String table : new String[] { "price_adjustment", "volume_tier", "incentive_rule", "quality_limit",
                "assistance_promise", "terms_version" }) {
            em.createNativeQuery("delete from " + table + " where agreement_id = :id").setParameter("id", id)
                    .executeUpdate();
        }
        for (JsonNode v : required(a, "versions")) {
            int number = required(v, "number").asInt();
            JsonNode price = required(required(v, "clauses"), "price");
            insertTermsVersion(id, number, v);
            int seq = 0;
            for (JsonNode adjustment : price.path("qualityAdjustments")) {
                insertPriceAdjustment(id, number, ++seq, adjustment);
            }
            for (JsonNode tier : price.path("volumeTiers")) {
                insertVolumeTier(id, number, tier);
            }
            insertComplianceTerms(id, number, required(v, "clauses"));
        }
    }

    // The agreement's row, when this revision is newer than the stored one: how many rows changed (0 or 1).
    private int upsertAgreement(JsonNode a) {
        String counterpartyType = text(required(a, "counterparty"), "type");
        UUID counterpartyId = uuid(required(a, "counterparty"), "id");
        return em.createNativeQuery("""
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
                .setParameter("id", uuid(a, "id")).setParameter("org", uuid(a, "organisationId"))
                .setParameter("buyer", uuid(a, "buyerId"))
                .setParameter("cpt", counterpartyType)
                .setParameter("producer", "PRODUCER".equals(counterpartyType) ? counterpartyId : null)
                .setParameter("grp", "PRODUCER".equals(counterpartyType) ? null : counterpartyId)
                .setParameter("product", text(a, "product")).setParameter("unit", text(a, "unit"))
                .setParameter("start", date(a, "startDate")).setParameter("end", date(a, "endDate"))
                .setParameter("status", text(a, "status")).setParameter("rev", required(a, "version").asLong())
                .setParameter("periods", required(a, "periodsInForce").toString()).executeUpdate();
    }

    private void insertTermsVersion(UUID id, int number, JsonNode v) {
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
    }

    private void insertPriceAdjustment(UUID id, int number, int seq, JsonNode adj) {
        em.createNativeQuery("""
                insert into price_adjustment (agreement_id, version_number, seq, parameter, from_value, to_value,
                    amount_per_unit) values (:id, :n, :seq, :param, :from, :to, :amount)""")
                .setParameter("id", id).setParameter("n", number).setParameter("seq", seq)
                .setParameter("param", text(adj, "parameter")).setParameter("from", optionalDecimal(adj, "from"))
                .setParameter("to", optionalDecimal(adj, "to"))
                .setParameter("amount", decimal(adj, "amountPerUnit")).executeUpdate();
    }

    private void insertVolumeTier(UUID id, int number, JsonNode tier) {
        em.createNativeQuery("""
                insert into volume_tier (agreement_id, version_number, min_quantity, bonus_per_unit)
                values (:id, :n, :min, :bonus)""")
                .setParameter("id", id).setParameter("n", number)
                .setParameter("min", decimal(tier, "minQuantity"))
                .setParameter("bonus", decimal(tier, "bonusPerUnit")).executeUpdate();
    }

    // The incentive rules (absent in versions published before they existed) and the numeric quality limits.
    private void insertComplianceTerms(UUID id, int number, JsonNode clauses) {
        int seq = 0;
        for (JsonNode rule : clauses.path("incentives").path("rules")) {
            em.createNativeQuery("""
                    insert into incentive_rule (agreement_id, version_number, seq, kind, consecutive_fortnights,
                        min_acceptance_percent, bonus_per_unit, action) values (:id, :n, :seq, :kind, :streak, :min,
                        :bonus, :action)""")
                    .setParameter("id", id).setParameter("n", number).setParameter("seq", ++seq)
                    .setParameter("kind", text(rule, "kind"))
                    .setParameter("streak", required(rule, "consecutiveFortnights").asInt())
                    .setParameter("min", optionalDecimal(rule, "minAcceptancePercent"))
                    .setParameter("bonus", optionalDecimal(rule, "bonusPerUnit"))
                    .setParameter("action", rule.path("action").isTextual() ? rule.path("action").asText() : null)
                    .executeUpdate();
        }
        for (JsonNode service : clauses.path("assistance").path("services")) {
            if (service.path("visitsPerMonth").isInt()) {
                insertAssistancePromise(id, number, service);
            }
        }
        for (JsonNode p : clauses.path("quality").path("parameters")) {
            if ("NUMERIC".equals(p.path("kind").asText())) {
                em.createNativeQuery("""
                        insert into quality_limit (agreement_id, version_number, parameter, min_value, max_value)
                        values (:id, :n, :param, :min, :max) on conflict do nothing""")
                        .setParameter("id", id).setParameter("n", number).setParameter("param", text(p, "code"))
                        .setParameter("min", optionalDecimal(p, "min")).setParameter("max", optionalDecimal(p, "max"))
                        .executeUpdate();
            }
        }
    }

    // Services of one kind promise their visits together.
    private void insertAssistancePromise(UUID id, int number, JsonNode service) {
        em.createNativeQuery("""
                insert into assistance_promise (agreement_id, version_number, kind, visits_per_month)
                values (:id, :n, :kind, :visits) on conflict (agreement_id, version_number, kind)
                do update set visits_per_month = assistance_promise.visits_per_month + excluded.visits_per_month""")
                .setParameter("id", id).setParameter("n", number).setParameter("kind", text(service, "kind"))
                .setParameter("visits", service.path("visitsPerMonth").asInt()).executeUpdate();
    }

    /** Keeps an AssistanceDelivered's {@code delivery} once, free or charged, for the compliance monitor. */
    public void saveAssistanceDelivery(JsonNode d) {
        em.createNativeQuery("""
                insert into assistance_delivered (id, agreement_id, organisation_id, kind, delivered_on)
                values (:id, :agreement, :org, :kind, :on) on conflict (id) do nothing""")
                .setParameter("id", uuid(d, "id")).setParameter("agreement", uuid(d, "agreementId"))
                .setParameter("org", uuid(d, "organisationId")).setParameter("kind", text(d, "kind"))
                .setParameter("on", date(d, "deliveredOn")).executeUpdate();
    }

    /** Keeps a lot at its highest revision; readings are stored as {parameter: value} for pricing in SQL. */
    public void saveLot(JsonNode l) {
        saveLots(List.of(l));
    }

    /**
     * {@link #saveLot} for many lots in order, in one statement for a poll's worth. PostgreSQL's upsert
     * cannot touch a row twice in one statement, so a lot that comes again (another revision) starts the
     * next statement: the rows end as if saved one by one.
     */
    public void saveLots(List<JsonNode> lots) {
        List<LotRow> rows = new ArrayList<>(lots.size());
        Set<UUID> ids = new HashSet<>();
        for (JsonNode l : lots) {
            LotRow row = LotRow.of(l);
            if (!ids.add(row.id())) {
                upsertLots(rows);
                rows.clear();
                ids.clear();
                ids.add(row.id());
            }
            rows.add(row);
        }
        upsertLots(rows);
    }

    private void upsertLots(List<LotRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // Agroal hands out the connection already enlisted in the current transaction, the one Hibernate uses.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(UPSERT_LOTS)) {
            for (int i = 0; i < LOT_COLUMNS.size(); i++) {
                // Sent as text, typed by the statement's casts.
                Object[] values = rows.stream().map(LOT_COLUMNS.get(i)).map(v -> v == null ? null : v.toString())
                        .toArray();
                upsert.setArray(i + 1, connection.createArrayOf("text", values));
            }
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save " + rows.size() + " lots", e);
        }
    }

    /** One lot_ref row, read (and so checked) from the event's lot. */
    private record LotRow(UUID id, UUID organisationId, UUID producerId, UUID agreementId, int agreementVersion,
            String product, String quantity, String unit, Instant deliveredAt, LocalDate deliveryDate, String shift,
            String readings, String verdict, String reasons, String status, int revision) {

        static LotRow of(JsonNode l) {
            ObjectNode readings = EventJson.mapper().createObjectNode();
            for (JsonNode r : l.path("readings")) {
                if (r.path("value").isNumber()) {
                    readings.set(text(r, "parameter"), r.path("value"));
                } else if (r.path("result").isBoolean()) {
                    readings.set(text(r, "parameter"), r.path("result"));
                }
            }
            return new LotRow(uuid(l, "id"), uuid(l, "organisationId"), uuid(l, "producerId"), uuid(l, "agreementId"),
                    required(l, "agreementVersion").asInt(), text(l, "product"), decimal(l, "quantity").toPlainString(),
                    text(l, "unit"), Instant.parse(text(l, "deliveredAt")), date(l, "deliveryDate"),
                    l.path("shift").isTextual() ? l.path("shift").asText() : null, readings.toString(),
                    text(l, "verdict"), required(l, "reasons").toString(), text(l, "status"),
                    required(l, "revision").asInt());
        }
    }
}
