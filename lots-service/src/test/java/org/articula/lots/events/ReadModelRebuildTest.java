package org.articula.lots.events;

import static org.articula.localstack.testing.upstream.QualityParameter.numeric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
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
import org.articula.localstack.testing.upstream.ProducerEvents;
import org.articula.localstack.testing.upstream.QualityParameter;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.platform.replay.ReadModelRebuild;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * lots-service's copy of producers, agreement terms, certificates and parcels, lost and rebuilt from contracts.events alone while the
 * service runs (docs/decisions/0018-read-model-rebuild.md).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class ReadModelRebuildTest {

    static final String DATABASE = "lots";
    static final String CONSUMER = "lots-service";
    static final List<String> TOPICS = List.of("contracts.events");
    static final List<String> TABLES = List.of("producer_ref", "agreement_terms", "certification_ref", "parcel_ref");
    // The transaction that last wrote a row (for the roster download) is no function of the events.
    static final Set<String> NOT_FROM_EVENTS = Set.of("changed_xid");
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);

    final Header admin = TestTokens.as(UUID.randomUUID(), Roles.PLATFORM_ADMIN);

    @Test
    void aReadModelDroppedAndRebuiltIsRowByRowWhatItWas() throws Exception {
        UUID org = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        UUID rosa = UUID.randomUUID();
        UUID julio = UUID.randomUUID();
        UUID single = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID certificate = UUID.randomUUID();
        UUID parcel = UUID.randomUUID();
        List<QualityParameter> quality = List.of(numeric("fat", "%", "3.2", null),
                QualityParameter.test("alcohol", false));
        AgreementEvents groups = UpstreamEvents.agreement().id(group).organisation(org).group(network).from(START)
                .to(END);
        List<UpstreamEvent> events = List.of(
                producer(rosa, org, network, "Rosa Quispe").registered(),
                producer(julio, org, null, "Julio Mamani").registered(),
                producer(rosa, org, network, "Rosa Quispe Huamán").updated(1),
                UpstreamEvents.agreement().id(single).organisation(org).individual(julio).from(START).to(END)
                        .quality(quality).activated(),
                groups.quality(quality).activated(),
                groups.revision(2).terms(UpstreamEvents.terms().to(START.plusDays(99)).quality(quality),
                        UpstreamEvents.terms().from(START.plusDays(100)).quality(numeric("fat", "%", "3.4", null))
                                .requiring("ORGANIC"))
                        .amended(),
                UpstreamEvents.certification().id(certificate).organisation(org).heldBy(network).products("milk")
                        .recorded(),
                UpstreamEvents.parcel().id(parcel).organisation(org).producer(julio).registered(),
                // A repeated, older event: changes nothing, in the live model or the rebuilt one.
                producer(rosa, org, network, "Rosa Quispe").registered());
        UpstreamEvents.publish(events);
        Map<String, List<String>> before = ReadModelRebuilds.assertDroppedAndRebuilt(DATABASE, CONSUMER, TOPICS, TABLES,
                NOT_FROM_EVENTS, ids(events), admin);
        assertTrue(before.get("agreement_terms").stream().anyMatch(r -> r.contains(group.toString())),
                "the group agreement");
        assertTrue(before.get("certification_ref").stream().anyMatch(r -> r.contains(certificate.toString())),
                "the network's certificate");
        assertTrue(before.get("parcel_ref").stream().anyMatch(r -> r.contains(parcel.toString())), "Julio's parcel");

        // Nothing lost this time: a rebuild finds every row as the events make it, and changes none.
        ReadModelRebuilds.assertRebuildChangesNothing(DATABASE, TABLES, admin);
    }

    @Test
    void eventsPublishedWhileTheRebuildRunsAreAllInTheResultOnce() throws Exception {
        UUID org = UUID.randomUUID();
        List<UpstreamEvent> published = new ArrayList<>();
        List<UUID> producers = new ArrayList<>();
        // Enough for the rebuild to take a while, then lost, so the writer's events come while it replays.
        for (int i = 0; i < 150; i++) {
            UUID producer = UUID.randomUUID();
            producers.add(producer);
            published.add(producer(producer, org, null, "Socio " + i).registered());
            published.add(producer(producer, org, null, "Socio " + i + " (renombrado)").updated(1));
        }
        UpstreamEvents.publish(published);
        ReadModelRebuilds.awaitConsumed(CONSUMER, TOPICS);
        ReadModelRebuilds.drop(DATABASE, CONSUMER, TABLES);
        ReadModelRebuilds.rebuildWhilePublishing(admin, 40, () -> {
            UUID producer = UUID.randomUUID();
            UpstreamEvent registered = producer(producer, org, null, "Productor").registered();
            UpstreamEvent renamed = producer(producer, org, null, "Productor (renombrado)").updated(1);
            UpstreamEvents.publish(registered, renamed);
            synchronized (published) {
                published.addAll(List.of(registered, renamed));
                producers.add(producer);
            }
        });
        ReadModelRebuilds.awaitConsumed(CONSUMER, TOPICS);

        assertEquals(published.size(), ReadModelRebuilds.inboxRows(DATABASE, CONSUMER, ids(published)),
                "every event in the inbox once");
        assertEquals(producers.size(), ReadModelRebuilds.count(DATABASE, "select count(*) from producer_ref where "
                + "organisation_id = ? and revision = 1 and name like '%(renombrado)'", org),
                "each producer at its last version");
        ReadModelRebuilds.assertRebuildChangesNothing(DATABASE, TABLES, admin);
    }

    @Test
    void onlyAPlatformAdminRebuildsAndOneAtATime() throws Exception {
        ReadModelRebuilds.assertRefusals(DATABASE, ReadModelRebuild.LOCK, admin);
    }

    private static List<UUID> ids(List<UpstreamEvent> events) {
        return events.stream().map(UpstreamEvent::eventId).toList();
    }

    private static ProducerEvents producer(UUID id, UUID organisation, UUID group, String name) {
        return UpstreamEvents.producer().id(id).organisation(organisation).group(group).name(name);
    }
}
