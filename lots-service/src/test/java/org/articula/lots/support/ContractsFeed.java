package org.articula.lots.support;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.articula.localstack.testing.TestTopics;
import org.articula.localstack.testing.upstream.AgreementEvents;
import org.articula.localstack.testing.upstream.QualityParameter;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.repository.AgreementTermsRepository;
import org.articula.lots.repository.CertificateRepository;
import org.articula.lots.repository.ParcelRepository;
import org.articula.lots.repository.ProducerRefRepository;

/**
 * Plays contracts-service for lots-service's tests: the events come from {@link UpstreamEvents} (checked
 * against contracts-service's schemas); this waits until lots-service's read model shows them.
 */
public final class ContractsFeed {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));
    /** The one quality rule most tests' milk is judged by. */
    public static final QualityParameter TOTAL_SOLIDS = QualityParameter.numeric("total_solids", "%", "11.5", null);
    /** Milk as the Laredo clauses judge it: solids, temperature and an antibiotics test. */
    public static final List<QualityParameter> MILK_QUALITY = List.of(TOTAL_SOLIDS,
            QualityParameter.numeric("temperature", "°C", null, "10"), QualityParameter.test("antibiotics", false));

    private ContractsFeed() {
    }

    /** A milk agreement of the organisation in force from a month ago to ten months ahead. */
    public static AgreementEvents milkAgreement(UUID organisation) {
        return UpstreamEvents.agreement().organisation(organisation).from(TODAY.minusDays(30)).to(TODAY.plusDays(300));
    }

    /**
     * Publishes the events and waits until lots-service knows every producer, agreement, certificate and parcel
     * among them.
     */
    public static void deliver(UpstreamEvent... events) {
        UpstreamEvents.publish(events);
        List<UUID> producers = ids(events, "Producer");
        List<UUID> agreements = ids(events, "Agreement");
        List<UUID> certificates = ids(events, "Certification");
        List<UUID> parcels = ids(events, "Parcel");
        ProducerRefRepository producerRefs = Arc.container().instance(ProducerRefRepository.class).get();
        AgreementTermsRepository agreementTerms = Arc.container().instance(AgreementTermsRepository.class).get();
        CertificateRepository certificateRefs = Arc.container().instance(CertificateRepository.class).get();
        ParcelRepository parcelRefs = Arc.container().instance(ParcelRepository.class).get();
        await(producers.size() + " producers, " + agreements.size() + " agreements, " + certificates.size()
                + " certificates and " + parcels.size() + " parcels",
                () -> producers.stream().allMatch(id -> producerRefs.findById(id) != null)
                        && agreements.stream().allMatch(id -> agreementTerms.findById(id) != null)
                        && certificates.stream().allMatch(id -> certificateRefs.findById(id) != null)
                        && parcels.stream().allMatch(id -> parcelRefs.findById(id) != null));
    }

    /** Waits until lots-service's read model shows what the test needs. */
    public static void await(String what, Supplier<Boolean> condition) {
        TestTopics.await("lots-service saw " + what, () -> QuarkusTransaction.requiringNew().call(condition::get));
    }

    private static List<UUID> ids(UpstreamEvent[] events, String typePrefix) {
        return java.util.Arrays.stream(events).filter(e -> e.type().startsWith(typePrefix))
                .map(e -> UUID.fromString(e.key())).distinct().toList();
    }
}
