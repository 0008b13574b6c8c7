package org.articula.payments.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.articula.localstack.testing.ReadModelRebuilds;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.payments.support.Feed;
import org.articula.payments.support.Feed.Adjustment;
import org.articula.payments.support.Feed.LotState;
import org.articula.payments.support.Feed.Terms;
import org.articula.payments.support.Feed.Tier;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.replay.ReadModelRebuild;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * payments-service's copy of organisations, producers, agreements with their terms, and lots, lost and rebuilt
 * from contracts.events and lots.events alone while the service runs (docs/decisions/0018-read-model-rebuild.md).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class ReadModelRebuildTest {

    static final String DATABASE = "payments";
    static final String CONSUMER = "payments-service";
    static final List<String> TOPICS = List.of("contracts.events", "lots.events");
    static final List<String> TABLES = List.of("organisation_ref", "producer_ref", "agreement_ref", "terms_version",
            "price_adjustment", "volume_tier", "lot_ref");
    // What closed settlements paid for a lot is payments-service's own record: no event brings it back.
    static final Set<String> NOT_FROM_EVENTS = Set.of("settled_revision", "settled_amount");
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final LocalDate OCT_2 = LocalDate.of(2026, 10, 2);

    final Header admin = TestTokens.as(UUID.randomUUID(), Roles.PLATFORM_ADMIN);

    @Test
    void aReadModelDroppedAndRebuiltIsRowByRowWhatItWas() throws Exception {
        UUID org = UUID.randomUUID();
        UUID rosa = UUID.randomUUID();
        UUID julio = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        Terms first = new Terms(1, START, OCT_2.minusDays(1), "1.03",
                List.of(new Adjustment("fat", "3.8", "4.2", "0.02"), new Adjustment("fat", "4.2", null, "0.05")),
                List.of(new Tier("500", "0.01"), new Tier("1000", "0.02")), "300", "FORTNIGHT", "10", "0.05", 7, 3);
        Terms second = Terms.basic(2, OCT_2, END, "1.08");
        LotState a1 = lot(org, rosa, agreement, "20");
        LotState a2 = a1.corrected("18", Map.of("fat", "3.9"), "ACCEPTED", List.of());
        LotState b1 = lot(org, julio, agreement, "31");
        List<EventEnvelope> events = List.of(
                Feed.organisation(org, "Asociación de Ganaderos de Laredo", "ASSOCIATION"),
                Feed.producer(rosa, org, null, "Rosa Quispe", 0), Feed.producer(julio, org, null, "Julio Mamani", 0),
                Feed.producer(rosa, org, null, "Rosa Quispe Huamán", 1),
                // A lot before its agreement: it waits in lot_ref until the terms come.
                Feed.lotRecorded(a1),
                Feed.agreement("AgreementActivated", agreement, org, buyer, "PRODUCER", rosa, "milk", "L", START, END,
                        "ACTIVE", 1, List.<LocalDate[]>of(new LocalDate[] { START, END }), List.of(first)),
                Feed.agreement("AgreementAmended", agreement, org, buyer, "PRODUCER", rosa, "milk", "L", START, END,
                        "ACTIVE", 2, List.<LocalDate[]>of(new LocalDate[] { START, END }), List.of(first, second)),
                Feed.lotCorrected(a1, a2, "balanza", "Julia Ramos"), Feed.lotRecorded(b1),
                Feed.lotVoided(b1, b1.voided(), "duplicado", "Julia Ramos"),
                // Late and repeated: change nothing, live or rebuilt.
                Feed.lotRecorded(b1), Feed.producer(rosa, org, null, "Rosa Quispe", 0));
        Feed.publish(events.toArray(EventEnvelope[]::new));
        Map<String, List<String>> before = ReadModelRebuilds.assertDroppedAndRebuilt(DATABASE, CONSUMER, TOPICS,
                TABLES, NOT_FROM_EVENTS, ids(events), admin);
        assertTrue(before.get("volume_tier").stream().anyMatch(r -> r.contains(agreement.toString())), "the tiers");

        // A settlement closed meanwhile paid for a lot: a rebuild keeps that, and finds nothing else to change.
        try (Connection c = ReadModelRebuilds.connect(DATABASE); PreparedStatement paid = c.prepareStatement(
                "update lot_ref set settled_revision = 2, settled_amount = 18.90 where id = ?")) {
            paid.setObject(1, a1.lotId());
            paid.executeUpdate();
        }
        ReadModelRebuilds.assertRebuildChangesNothing(DATABASE, TABLES, admin);
        assertEquals(2, ReadModelRebuilds.count(DATABASE, "select settled_revision from lot_ref where id = ?", a1.lotId()));
    }

    @Test
    void eventsPublishedWhileTheRebuildRunsAreAllInTheResultOnce() throws Exception {
        UUID org = UUID.randomUUID();
        UUID producer = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        List<EventEnvelope> published = new ArrayList<>(List.of(Feed.producer(producer, org, null, "Ana Castillo", 0),
                Feed.agreement("AgreementActivated", agreement, org, UUID.randomUUID(), "PRODUCER", producer, "milk", "L",
                        START, END, "ACTIVE", 1, List.<LocalDate[]>of(new LocalDate[] { START, END }),
                        List.of(Terms.basic(1, START, END, "1.00")))));
        List<LotState> lots = new ArrayList<>();
        // Enough for the rebuild to take a while, then lost, so the writer's lots come while it replays.
        for (int i = 0; i < 150; i++) {
            LotState recorded = lot(org, producer, agreement, Integer.toString(10 + i));
            LotState corrected = recorded.corrected(Integer.toString(11 + i), Map.of("fat", "4.0"), "ACCEPTED", List.of());
            lots.add(corrected);
            published.add(Feed.lotRecorded(recorded));
            published.add(Feed.lotCorrected(recorded, corrected, "balanza", "Julia Ramos"));
        }
        Feed.publish(published.toArray(EventEnvelope[]::new));
        ReadModelRebuilds.awaitConsumed(CONSUMER, TOPICS);
        ReadModelRebuilds.drop(DATABASE, CONSUMER, TABLES);

        ReadModelRebuilds.rebuildWhilePublishing(admin, 40, () -> {
            LotState recorded = lot(org, producer, agreement, "7");
            LotState corrected = recorded.corrected("8", Map.of(), "ACCEPTED", List.of());
            List<EventEnvelope> pair = List.of(Feed.lotRecorded(recorded),
                    Feed.lotCorrected(recorded, corrected, "balanza", "Julia Ramos"));
            Feed.publish(pair.toArray(EventEnvelope[]::new));
            synchronized (published) {
                published.addAll(pair);
                lots.add(corrected);
            }
        });
        ReadModelRebuilds.awaitConsumed(CONSUMER, TOPICS);

        assertEquals(published.size(), ReadModelRebuilds.inboxRows(DATABASE, CONSUMER, ids(published)),
                "every event in the inbox once");
        assertEquals(lots.size(), ReadModelRebuilds.count(DATABASE,
                "select count(*) from lot_ref where organisation_id = ? and revision = 2", org),
                "each lot at its last revision");
        ReadModelRebuilds.assertRebuildChangesNothing(DATABASE, TABLES, admin);
    }

    @Test
    void onlyAPlatformAdminRebuildsAndOneAtATime() throws Exception {
        ReadModelRebuilds.assertRefusals(DATABASE, ReadModelRebuild.LOCK, admin);
    }

    private static LotState lot(UUID org, UUID producer, UUID agreement, String quantity) {
        return new LotState(UUID.randomUUID(), org, UUID.randomUUID(), producer, "milk", quantity, "L",
                OCT_2.atTime(6, 30).atZone(ZoneId.of("America/Lima")).toInstant(), OCT_2, "MORNING", agreement, 1,
                Map.of(), "ACCEPTED", List.of(), "RECORDED", 1);
    }

    private static List<UUID> ids(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::eventId).toList();
    }
}
