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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.articula.localstack.testing.ReadModelRebuilds;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.AgreementEvents;
import org.articula.localstack.testing.upstream.Lot;
import org.articula.localstack.testing.upstream.ProducerEvents;
import org.articula.localstack.testing.upstream.Terms;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;
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
            "price_adjustment", "volume_tier", "incentive_rule", "quality_limit", "assistance_promise",
            "assistance_delivered", "lot_ref");
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
        Terms first = UpstreamEvents.terms().to(OCT_2.minusDays(1)).basePrice("1.03")
                .adjustment("fat", "3.8", "4.2", "0.02").adjustment("fat", "4.2", null, "0.05")
                .tier("500", "0.01").tier("1000", "0.02").committing("300", "FORTNIGHT", "10", "0.05")
                .maxInstalments(3).assistance("TECHNICAL_VISITS", 4, false);
        Terms second = UpstreamEvents.terms().from(OCT_2).basePrice("1.08");
        AgreementEvents rosas = UpstreamEvents.agreement().id(agreement).organisation(org).buyer(buyer).individual(rosa)
                .from(START).to(END);
        Lot a1 = lot(org, rosa, agreement, "20");
        Lot a2 = a1.revised().quantity("18").readings(Map.of("fat", "3.9"));
        Lot b1 = lot(org, julio, agreement, "31");
        List<UpstreamEvent> events = List.of(
                UpstreamEvents.organisation().id(org).name("Asociación de Ganaderos de Laredo").registered(),
                producer(rosa, org, "Rosa Quispe").registered(), producer(julio, org, "Julio Mamani").registered(),
                producer(rosa, org, "Rosa Quispe Huamán").updated(1),
                // A lot before its agreement: it waits in lot_ref until the terms come.
                a1.recorded(),
                rosas.terms(first).activated(),
                rosas.revision(2).terms(first, second).amended(),
                a2.corrected("balanza"), b1.recorded(),
                UpstreamEvents.assistanceDelivered().organisation(org).agreement(agreement).buyer(buyer)
                        .kind("TECHNICAL_VISITS").free().deliveredOn(OCT_2).producers(rosa).delivered(),
                b1.voided("duplicado"),
                // Late and repeated: change nothing, live or rebuilt.
                b1.recorded(), producer(rosa, org, "Rosa Quispe").registered());
        UpstreamEvents.publish(events);
        // The inbox rows given back are those of the events the inbox keeps: lot events keep none (decision 0033).
        Map<String, List<String>> before = ReadModelRebuilds.assertDroppedAndRebuilt(DATABASE, CONSUMER, TOPICS,
                TABLES, NOT_FROM_EVENTS, ids(remembered(events, true)), admin);
        assertEquals(0, ReadModelRebuilds.inboxRows(DATABASE, CONSUMER, ids(remembered(events, false))),
                "lot events' inbox rows, none rebuilt");
        assertTrue(before.get("volume_tier").stream().anyMatch(r -> r.contains(agreement.toString())), "the tiers");
        assertTrue(before.get("assistance_promise").stream().anyMatch(r -> r.contains(agreement.toString())),
                "the promise");
        assertTrue(before.get("assistance_delivered").stream().anyMatch(r -> r.contains(agreement.toString())),
                "the delivery");

        // A settlement closed meanwhile paid for a lot: a rebuild keeps that, and finds nothing else to change.
        try (Connection c = ReadModelRebuilds.connect(DATABASE);
                PreparedStatement paid = c.prepareStatement(
                        "update lot_ref set settled_revision = 2, settled_amount = 18.90 where id = ?")) {
            paid.setObject(1, a1.id());
            paid.executeUpdate();
        }
        ReadModelRebuilds.assertRebuildChangesNothing(DATABASE, TABLES, admin);
        assertEquals(2,
                ReadModelRebuilds.count(DATABASE, "select settled_revision from lot_ref where id = ?", a1.id()));
    }

    @Test
    void eventsPublishedWhileTheRebuildRunsAreAllInTheResultOnce() throws Exception {
        UUID org = UUID.randomUUID();
        UUID producer = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        List<UpstreamEvent> published = new ArrayList<>(List.of(producer(producer, org, "Ana Castillo").registered(),
                UpstreamEvents.agreement().id(agreement).organisation(org).individual(producer).from(START).to(END)
                        .basePrice("1.00").activated()));
        List<Lot> lots = new ArrayList<>();
        // Enough for the rebuild to take a while, then lost, so the writer's lots come while it replays.
        for (int i = 0; i < 150; i++) {
            Lot recorded = lot(org, producer, agreement, Integer.toString(10 + i));
            Lot corrected = recorded.revised().quantity(Integer.toString(11 + i)).readings(Map.of("fat", "4.0"));
            lots.add(corrected);
            published.add(recorded.recorded());
            published.add(corrected.corrected("balanza"));
        }
        UpstreamEvents.publish(published);
        ReadModelRebuilds.awaitConsumed(CONSUMER, TOPICS);
        ReadModelRebuilds.drop(DATABASE, CONSUMER, TABLES);

        ReadModelRebuilds.rebuildWhilePublishing(admin, 40, () -> {
            Lot recorded = lot(org, producer, agreement, "7");
            Lot corrected = recorded.revised().quantity("8");
            List<UpstreamEvent> pair = List.of(recorded.recorded(), corrected.corrected("balanza"));
            UpstreamEvents.publish(pair);
            synchronized (published) {
                published.addAll(pair);
                lots.add(corrected);
            }
        });
        ReadModelRebuilds.awaitConsumed(CONSUMER, TOPICS);

        List<UpstreamEvent> remembered = remembered(published, true);
        assertEquals(remembered.size(), ReadModelRebuilds.inboxRows(DATABASE, CONSUMER, ids(remembered)),
                "every event but the lots' in the inbox once");
        assertEquals(0, ReadModelRebuilds.inboxRows(DATABASE, CONSUMER, ids(remembered(published, false))),
                "lot events keep no inbox row");
        assertEquals(lots.size(), ReadModelRebuilds.count(DATABASE,
                "select count(*) from lot_ref where organisation_id = ? and revision = 2", org),
                "each lot at its last revision");
        ReadModelRebuilds.assertRebuildChangesNothing(DATABASE, TABLES, admin);
    }

    @Test
    void onlyAPlatformAdminRebuildsAndOneAtATime() throws Exception {
        ReadModelRebuilds.assertRefusals(DATABASE, ReadModelRebuild.LOCK, admin);
    }

    private static Lot lot(UUID org, UUID producer, UUID agreement, String quantity) {
        return UpstreamEvents.lot().organisation(org).producer(producer).agreement(agreement).quantity(quantity)
                .deliveredOn(OCT_2);
    }

    private static ProducerEvents producer(UUID id, UUID organisation, String name) {
        return UpstreamEvents.producer().id(id).organisation(organisation).name(name);
    }

    /** The events the inbox keeps a row of ({@code true}: all but lot events, whose upsert is idempotent) or not. */
    private static List<UpstreamEvent> remembered(List<UpstreamEvent> events, boolean kept) {
        return events.stream().filter(e -> e.type().startsWith("Lot") != kept).toList();
    }

    private static List<UUID> ids(List<UpstreamEvent> events) {
        return events.stream().map(UpstreamEvent::eventId).toList();
    }
}
