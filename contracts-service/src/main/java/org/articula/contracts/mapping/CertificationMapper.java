package org.articula.contracts.mapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.articula.contracts.domain.Certification;
import org.articula.contracts.rest.dto.CertificationRequest;
import org.articula.contracts.rest.dto.CertificationView;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/** Certificates to and from their views, and their CertificationRecorded event. */
public final class CertificationMapper {

    private CertificationMapper() {
    }

    public static Certification.Facts facts(CertificationRequest r) {
        return new Certification.Facts(r.id(), r.producerId(), r.organisationId(), r.scheme(), r.schemeName(),
                r.certifier(), r.products(), r.code(), r.validFrom(), r.validTo(), r.documentRef());
    }

    public static CertificationView view(Certification c) {
        return new CertificationView(c.id, c.organisationId, c.producerId, c.holderOrganisationId, c.scheme,
                c.schemeName, c.certifier, c.products, c.code, c.validFrom, c.validTo, c.documentRef, c.recordedBy,
                c.recordedAt);
    }

    /** CertificationRecorded, keyed by the certificate's id: lots-service flags lots delivered without one. */
    public static EventEnvelope recorded(Certification c, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("certification", view(c));
        return EventEnvelope.create("CertificationRecorded", 1, "Certification", c.id.toString(), c.organisationId,
                at, EventJson.toTree(payload));
    }
}
