package org.articula.lots.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.lots.domain.Dispatch;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotFlag;
import org.articula.lots.domain.LotRevision;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.domain.Shipment;
import org.articula.lots.domain.ShipmentLot;
import org.articula.lots.domain.ShipmentResult;
import org.articula.lots.rest.dto.ShipmentRequest;
import org.articula.lots.rest.dto.ShipmentResultRequest;
import org.articula.lots.rest.dto.ShipmentTrace;
import org.articula.lots.rest.dto.ShipmentTrace.ProducerShare;
import org.articula.lots.rest.dto.ShipmentTrace.TracedLot;
import org.articula.lots.rest.dto.ShipmentView;

/** Shipments to their API views, requests to the domain's values. */
public final class ShipmentMapper {

    private ShipmentMapper() {
    }

    public static Dispatch dispatch(ShipmentRequest r) {
        return new Dispatch(r.shipmentId(), r.centreId(), r.buyerId(), r.reference(), r.dispatchedAt(), r.lotIds(),
                r.losses() == null ? List.of() : r.losses(), r.certification());
    }

    public static ShipmentResult result(ShipmentResultRequest r) {
        return new ShipmentResult(r.outcome(), r.discountPercent(), r.readings() == null ? List.of() : r.readings(),
                r.receivedAt(), r.note());
    }

    public static ShipmentView view(Shipment s) {
        ShipmentView.ResultView result = s.hasResult()
                ? new ShipmentView.ResultView(ShipmentResult.Outcome.valueOf(s.status.name()), s.discountPercent,
                        s.resultReadings, s.receivedAt, s.resultNote, s.resultRecordedBy)
                : null;
        return new ShipmentView(s.id, s.centreId, s.organisationId, s.buyerId, s.reference, s.dispatchedAt, s.product,
                s.unit, s.lotCount, s.lotsQuantity, s.lossesQuantity, s.shippedQuantity, s.losses, s.certification,
                s.status, result, s.version);
    }

    /**
     * The shipment, each lot as pooled ({@code revisions}: the revision each lot was pooled at, by lot id) and
     * each producer's share; {@code lots} are the lots as they are now, {@code producers} name them.
     */
    public static ShipmentTrace trace(Shipment s, List<ShipmentLot> members, Map<UUID, LotRevision> revisions,
            Map<UUID, Lot> lots, Map<UUID, ProducerRef> producers, Map<UUID, List<LotFlag>> flags) {
        List<TracedLot> traced = new ArrayList<>(members.size());
        Map<UUID, List<ShipmentLot>> byProducer = new LinkedHashMap<>();
        for (ShipmentLot m : members) {
            LotRevision r = revisions.get(m.lotId);
            Lot lot = lots.get(m.lotId);
            traced.add(new TracedLot(m.lotId, m.lotRevision, m.producerId, name(producers, m.producerId),
                    lot.deliveredAt, m.quantity, lot.status, r.figures.verdict, r.figures.readings,
                    r.figures.reasons, lot.parcelId, flags.getOrDefault(m.lotId, List.of())));
            byProducer.computeIfAbsent(m.producerId, k -> new ArrayList<>()).add(m);
        }
        List<ProducerShare> shares = new ArrayList<>();
        byProducer.forEach((producer, theirs) -> {
            BigDecimal quantity = theirs.stream().map(m -> m.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal share = quantity.multiply(BigDecimal.valueOf(100)).divide(s.lotsQuantity, 2,
                    RoundingMode.HALF_UP);
            shares.add(new ProducerShare(producer, name(producers, producer), theirs.size(), quantity, share));
        });
        shares.sort(Comparator.comparing(ProducerShare::quantity).reversed()
                .thenComparing(ProducerShare::producerName, Comparator.nullsLast(Comparator.naturalOrder())));
        return new ShipmentTrace(view(s), traced, shares);
    }

    private static String name(Map<UUID, ProducerRef> producers, UUID id) {
        ProducerRef p = producers.get(id);
        return p == null ? null : p.name;
    }
}
