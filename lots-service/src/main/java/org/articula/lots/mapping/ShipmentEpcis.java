package org.articula.lots.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.lots.domain.Gs1Keys;
import org.articula.lots.domain.Reading;
import org.articula.lots.domain.ShipmentReading;
import org.articula.lots.domain.Verdict;
import org.articula.lots.rest.dto.ShipmentTrace;
import org.articula.lots.rest.dto.ShipmentTrace.TracedLot;
import org.articula.lots.rest.dto.ShipmentView;

/**
 * A shipment's history as a GS1 EPCIS 2.0 document in JSON-LD (docs/decisions/0029-shipments-and-epcis.md): one
 * ObjectEvent per lot received at the centre, with its readings as sensor reports; one AggregationEvent pooling
 * the lots under the shipment's SSCC; the shipping ObjectEvent; and, once recorded, the buyer's result.
 */
public final class ShipmentEpcis {

    public static final String MEDIA_TYPE = "application/ld+json";
    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    /** Our own fields (the quality parameter a reading is of, the result's outcome) live in this namespace. */
    static final String NAMESPACE = "urn:articula:epcis:";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** UN/CEFACT Rec. 20 codes of the units lots are measured in. */
    private static final Map<String, String> UOM = Map.of("L", "LTR", "kg", "KGM");

    private ShipmentEpcis() {
    }

    public static ObjectNode document(ShipmentTrace trace, Gs1Keys keys, Instant created, ZoneId zone) {
        ShipmentView s = trace.shipment();
        ObjectNode doc = JSON.objectNode();
        doc.putArray("@context").add(CONTEXT).addObject().put("articula", NAMESPACE);
        doc.put("type", "EPCISDocument");
        doc.put("schemaVersion", "2.0");
        doc.put("creationDate", created.toString());
        ArrayNode events = doc.putObject("epcisBody").putArray("eventList");
        String centre = keys.glnUri(s.centreId());
        for (TracedLot lot : trace.lots()) {
            events.add(receipt(s, lot, keys, centre, zone));
        }
        events.add(pooling(s, trace.lots(), keys, centre, zone));
        events.add(shipping(s, keys, centre, zone));
        if (s.result() != null) {
            events.add(result(s, keys, zone));
        }
        return doc;
    }

    private static ObjectNode receipt(ShipmentView s, TracedLot lot, Gs1Keys keys, String centre, ZoneId zone) {
        ObjectNode e = event("ObjectEvent", lot.deliveredAt(), zone, s.shipmentId() + "/receipt/" + lot.lotId());
        e.put("action", "ADD");
        e.put("bizStep", "receiving");
        e.put("disposition", lot.verdict() == Verdict.ACCEPTED ? "conformant" : "non_conformant");
        place(e, centre);
        quantity(e.putArray("quantityList").addObject(), keys.lgtinUri(s.product(), lot.lotId()), lot.quantity(),
                s.unit());
        if (!lot.readings().isEmpty()) {
            ObjectNode element = e.putArray("sensorElementList").addObject();
            element.putObject("sensorMetadata").put("time", time(lot.deliveredAt(), zone));
            ArrayNode reports = element.putArray("sensorReport");
            lot.readings().forEach(r -> reports.add(report(r)));
        }
        return e;
    }

    private static ObjectNode pooling(ShipmentView s, List<TracedLot> lots, Gs1Keys keys, String centre,
            ZoneId zone) {
        ObjectNode e = event("AggregationEvent", s.dispatchedAt(), zone, s.shipmentId() + "/pooling");
        e.put("parentID", keys.ssccUri(s.shipmentId()));
        e.put("action", "ADD");
        e.put("bizStep", "L".equals(s.unit()) ? "loading" : "packing"); // a tanker is loaded, a consignment packed
        e.put("disposition", "in_progress");
        place(e, centre);
        ArrayNode children = e.putArray("childQuantityList");
        lots.forEach(lot -> quantity(children.addObject(), keys.lgtinUri(s.product(), lot.lotId()), lot.quantity(),
                s.unit()));
        return e;
    }

    private static ObjectNode shipping(ShipmentView s, Gs1Keys keys, String centre, ZoneId zone) {
        ObjectNode e = event("ObjectEvent", s.dispatchedAt(), zone, s.shipmentId() + "/shipping");
        e.putArray("epcList").add(keys.ssccUri(s.shipmentId()));
        e.put("action", "OBSERVE");
        e.put("bizStep", "shipping");
        e.put("disposition", "in_transit");
        place(e, centre);
        e.putArray("sourceList").addObject().put("type", "owning_party").put("source",
                keys.pglnUri(s.organisationId()));
        e.putArray("destinationList").addObject().put("type", "owning_party").put("destination",
                keys.pglnUri(s.buyerId()));
        return e;
    }

    // At the buyer: accepted (with or without a discount) or, inspected, rejected.
    private static ObjectNode result(ShipmentView s, Gs1Keys keys, ZoneId zone) {
        ShipmentView.ResultView r = s.result();
        ObjectNode e = event("ObjectEvent", r.receivedAt(), zone, s.shipmentId() + "/result");
        e.putArray("epcList").add(keys.ssccUri(s.shipmentId()));
        e.put("action", "OBSERVE");
        boolean rejected = s.status().name().equals("REJECTED");
        e.put("bizStep", rejected ? "inspecting" : "accepting");
        e.put("disposition", s.status().name().equals("ACCEPTED") ? "conformant" : "non_conformant");
        place(e, keys.glnUri(s.buyerId()));
        e.put("articula:outcome", r.outcome().name());
        if (r.discountPercent() != null) {
            e.put("articula:discountPercent", r.discountPercent());
        }
        if (!r.readings().isEmpty()) {
            ObjectNode element = e.putArray("sensorElementList").addObject();
            element.putObject("sensorMetadata").put("time", time(r.receivedAt(), zone));
            ArrayNode reports = element.putArray("sensorReport");
            for (ShipmentReading reading : r.readings()) {
                reports.add(report(new Reading(reading.parameter(), reading.value(), null, null, null, null)));
            }
        }
        return e;
    }

    // A deterministic event id: the same export twice names each event alike.
    private static ObjectNode event(String type, Instant at, ZoneId zone, String key) {
        ObjectNode e = JSON.objectNode();
        e.put("type", type);
        e.put("eventID", "urn:uuid:" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
        e.put("eventTime", time(at, zone));
        e.put("eventTimeZoneOffset", offset(at, zone));
        return e;
    }

    private static void place(ObjectNode e, String gln) {
        e.putObject("readPoint").put("id", gln);
        e.putObject("bizLocation").put("id", gln);
    }

    private static void quantity(ObjectNode q, String lgtin, java.math.BigDecimal quantity, String unit) {
        q.put("epcClass", lgtin);
        q.put("quantity", quantity);
        String uom = UOM.get(unit);
        if (uom != null) {
            q.put("uom", uom);
        }
    }

    // A temperature is GS1's own measurement type; another parameter is named in our namespace.
    private static ObjectNode report(Reading r) {
        ObjectNode report = JSON.objectNode();
        if ("temperature".equals(r.parameter())) {
            report.put("type", "gs1:Temperature");
        }
        report.put("articula:parameter", r.parameter());
        if (r.value() != null) {
            report.put("value", r.value());
            if ("temperature".equals(r.parameter())) {
                report.put("uom", "CEL");
            }
        }
        if (r.result() != null) {
            report.put("booleanValue", r.result());
        }
        return report;
    }

    private static String time(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
    }

    private static String offset(Instant at, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(at);
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }
}
