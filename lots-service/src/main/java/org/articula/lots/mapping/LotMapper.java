package org.articula.lots.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.CollectionCentre;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotRevision;
import org.articula.lots.domain.Operator;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.rest.dto.CentreView;
import org.articula.lots.rest.dto.LotReceipt;
import org.articula.lots.rest.dto.OperatorView;
import org.articula.lots.rest.dto.RevisionView;
import org.articula.lots.rest.dto.Roster;

/** Entities to API views and event payloads; the only place that knows both shapes. */
public final class LotMapper {

    private LotMapper() {
    }

    public static LotReceipt receipt(Lot l) {
        return new LotReceipt(l.id, l.organisationId, l.centreId, l.producerId, l.product, l.quantity, l.unit,
                l.deliveredAt, l.deliveryDate, l.shift, l.agreementId, l.agreementVersion, l.readings, l.verdict,
                l.reasons, l.status, l.revision, l.recordedBy, l.recordedAt, l.version);
    }

    public static RevisionView view(LotRevision r) {
        return new RevisionView(r.revision, r.kind, r.quantity, r.readings, r.verdict, r.reasons, r.status, r.reason,
                r.changedBy, r.changedAt);
    }

    public static CentreView view(CollectionCentre c) {
        return new CentreView(c.id, c.organisationId, c.name, c.district, c.region, c.latitude, c.longitude,
                c.createdAt);
    }

    public static OperatorView view(Operator o) {
        return new OperatorView(o.id, o.centreId, o.name, o.createdAt);
    }

    public static Roster.Producer rosterEntry(ProducerRef p) {
        return new Roster.Producer(p.id, p.name, p.nationalId, p.groupId);
    }

    public static Roster.Agreement rosterEntry(AgreementTerms a) {
        return new Roster.Agreement(a.id, a.organisationId, a.buyerId, a.producerId, a.groupId, a.product, a.unit,
                a.status, a.startDate, a.endDate, a.periodsInForce, a.versions, a.revision);
    }

    /**
     * Payload of LotRecorded / LotCorrected / LotVoided: the lot as it now stands, as it stood before
     * the change (null when recorded), and why and by whom it changed.
     */
    public static Map<String, Object> eventPayload(LotReceipt lot, LotReceipt previous, String reason, String by) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("lot", lot);
        payload.put("previous", previous);
        payload.put("reason", reason);
        payload.put("by", by);
        return payload;
    }
}
