package org.articula.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.LocalStack;
import org.articula.localstack.SampleDistributions;

/**
 * An association like Laredo's, at scale, registered through the public APIs: its networks of 8
 * members, a milk agreement per network with the sample clauses (activated), the members imported by
 * CSV, a collection centre and its operator; then waits until lots-service and payments-service
 * have learnt producers and agreements from the events.
 */
final class Population {

    static final int MEMBERS_PER_NETWORK = 8;
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2027, 12, 31);
    private static final String BY = "benchmark";
    private static final int CSV_ROWS = 1_000;

    final UUID association = UUID.randomUUID();
    final UUID processor = UUID.randomUUID();
    final UUID centre = UUID.randomUUID();
    final UUID operator = UUID.randomUUID();
    final List<UUID> networks = new ArrayList<>();
    final List<UUID> producers = new ArrayList<>();
    final List<UUID> agreements = new ArrayList<>();

    private Population() {
    }

    static Population register(Api api, LocalStack stack, int producerCount, Progress progress)
            throws IOException, InterruptedException, SQLException {
        Population p = new Population();
        String contracts = stack.baseUrl("contracts-service") + "/api/v1";
        p.registerProcessorAndAssociation(api, stack, contracts);
        p.registerNetworksWithAgreements(api, contracts, producerCount, progress);
        p.importMembers(api, contracts, producerCount, progress);
        p.registerCollectionCentre(api, stack.baseUrl("lots-service") + "/api/v1");

        progress.update(0.9, "waiting for lots-service and payments-service to learn them from the events");
        p.awaitProducersAndAgreementsIn(stack, producerCount);
        return p;
    }

    private void registerProcessorAndAssociation(Api api, LocalStack stack, String contracts)
            throws IOException, InterruptedException {
        // Each organisation registers itself with a token carrying its id; the association's manager does the rest.
        api.actAs(stack.token(BY, processor, "buyer-admin"));
        api.post(contracts + "/organisations", obj("id", processor, "name", "Planta Lechera del Norte S.A.C.",
                "kind", "PROCESSOR", "district", "Trujillo", "region", "La Libertad"), 201);
        api.actAs(stack.token(BY, association, "buyer-admin", "centre-operator", "treasurer"));
        api.post(contracts + "/organisations", obj("id", association, "name",
                "Asociación de Productores Lecheros (benchmark)", "kind", "ASSOCIATION", "district", "Laredo",
                "region", "La Libertad"), 201);
    }

    /** A network per 8 members, each with an activated group milk agreement with the sample clauses. */
    private void registerNetworksWithAgreements(Api api, String contracts, int producerCount, Progress progress)
            throws IOException, InterruptedException {
        int networkCount = (producerCount + MEMBERS_PER_NETWORK - 1) / MEMBERS_PER_NETWORK;
        for (int n = 0; n < networkCount; n++) {
            UUID network = UUID.randomUUID();
            api.post(contracts + "/organisations", obj("id", network, "name", "Red " + (n + 1), "kind",
                    "PRODUCER_GROUP", "parentId", association, "district", "Laredo", "region", "La Libertad"), 201);
            networks.add(network);
            UUID agreement = UUID.randomUUID();
            api.post(contracts + "/agreements", obj("id", agreement, "buyerId", processor, "counterparty",
                    obj("type", "PRODUCER_GROUP", "id", network), "product", "milk", "unit", "L", "startDate",
                    START.toString(), "endDate", END.toString(), "clauses", SampleDistributions.milkClauses()),
                    201);
            api.post(contracts + "/agreements/" + agreement + "/activation", obj(), 200);
            agreements.add(agreement);
            progress.update(0.7 * (n + 1) / networkCount, (n + 1) + "/" + networkCount + " networks and agreements");
        }
    }

    /** The members by CSV import, {@value #CSV_ROWS} rows a request, 8 to a network. */
    private void importMembers(Api api, String contracts, int producerCount, Progress progress)
            throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < producerCount; i++) {
            if (csv.isEmpty()) {
                csv.append("id,nationalId,name,district,region,groupId\n");
            }
            UUID producer = UUID.randomUUID();
            producers.add(producer);
            csv.append(producer).append(',').append(10_000_000 + i).append(",Socia o socio ").append(i + 1)
                    .append(",Laredo,La Libertad,").append(networks.get(i / MEMBERS_PER_NETWORK)).append('\n');
            if ((i + 1) % CSV_ROWS == 0 || i + 1 == producerCount) {
                api.postCsv(contracts + "/organisations/" + association + "/producers/import", csv.toString(), 200,
                        201);
                csv.setLength(0);
                progress.update(0.7 + 0.2 * (i + 1) / producerCount, (i + 1) + "/" + producerCount + " producers");
            }
        }
    }

    private void registerCollectionCentre(Api api, String lots) throws IOException, InterruptedException {
        api.post(lots + "/collection-centres", obj("id", centre, "organisationId", association, "name",
                "Centro de Acopio (benchmark)", "district", "Laredo", "region", "La Libertad", "latitude",
                new BigDecimal("-8.089700"), "longitude", new BigDecimal("-78.960500")), 201);
        api.post(lots + "/collection-centres/" + centre + "/operators", obj("id", operator, "name",
                "Julia Ramos Alvarado"), 201);
    }

    /** Until lots-service and payments-service have learnt every producer and active agreement from the events. */
    private void awaitProducersAndAgreementsIn(LocalStack stack, int producerCount)
            throws IOException, InterruptedException, SQLException {
        UUID[] producerIds = producers.toArray(UUID[]::new);
        UUID[] agreementIds = agreements.toArray(UUID[]::new);
        for (String db : List.of("lots", "payments")) {
            String agreementTable = db.equals("lots") ? "agreement_terms" : "agreement_ref";
            awaitCount(stack.database(db), "select count(*) from producer_ref where id = any(?)", producerIds,
                    producerCount);
            awaitCount(stack.database(db), "select count(*) from " + agreementTable
                    + " where id = any(?) and status = 'ACTIVE'", agreementIds, agreementIds.length);
        }
    }

    /** The lots of every member for each day of {@code days}, two shifts a day, in the order a centre records them. */
    List<Map<String, Object>> milkLots(LocalDate[] days, int limit) {
        List<Map<String, Object>> lots = new ArrayList<>();
        for (LocalDate day = days[0]; !day.isAfter(days[1]); day = day.plusDays(1)) {
            for (String shift : List.of("MORNING", "AFTERNOON")) {
                for (UUID producer : producers) {
                    if (lots.size() == limit) {
                        return lots;
                    }
                    lots.add(SampleDistributions.milkLot(producer, centre, operator, day, shift));
                }
            }
        }
        return lots;
    }

    static Connection connect(LocalStack.Database db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static void awaitCount(LocalStack.Database db, String sql, UUID[] ids, long expected)
            throws SQLException, InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        try (Connection c = connect(db); PreparedStatement q = c.prepareStatement(sql)) {
            q.setArray(1, c.createArrayOf("uuid", ids));
            while (true) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= expected) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("after 5 minutes " + db.jdbcUrl() + " still lacks some of " + expected
                            + " rows: " + sql);
                }
                Thread.sleep(200);
            }
        }
    }

    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
