package org.articula.localstack.testing.upstream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articula.localstack.testing.LimaDays;

/**
 * A lot as lots-service publishes it, and its events: {@link #recorded()}; {@link #revised()} for the
 * lot after a correction, whose {@link #corrected} is the LotCorrected from the lot it was revised from;
 * {@link #voided}, the LotVoided of this lot. By default 40 L of milk delivered at 06:30 on 2026-10-02
 * (morning), clause version 1, no readings, ACCEPTED, revision 1, recorded by the operator Rosa Quispe;
 * corrections and voids by Julia Ramos. Events are keyed by producer, as lots-service keys them.
 *
 * <p>A rejection reason is made from its message: its parameter is the first reading code the message
 * mentions (else the message's first word when it is a code, else "quality"); with a numeric reading it
 * is BELOW_MIN with value = the reading and limit = the last number in the message, with a test result
 * FAILED_TEST, without a reading MISSING_READING.
 */
public final class Lot {

    /** The operator every lot is recorded by (lot.recordedBy). */
    public static final UUID OPERATOR = UUID.fromString("0f0e0d0c-0b0a-4909-8807-060504030201");
    /** The operator's name, the {@code by} of LotRecorded. */
    public static final String OPERATOR_NAME = "Rosa Quispe";
    /** Who corrects and voids lots. */
    public static final String SUPERVISOR_NAME = "Julia Ramos";

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private UUID id = UUID.randomUUID();
    private UUID organisation;
    private UUID centre = UUID.randomUUID();
    private UUID producer;
    private UUID agreement = UUID.randomUUID();
    private int agreementVersion = 1;
    private String product = "milk";
    private String unit = "L";
    private String quantity = "40";
    private LocalDate deliveryDate = LocalDate.of(2026, 10, 2);
    private LocalTime deliveryTime = LocalTime.of(6, 30);
    private String shift = "MORNING";
    private Map<String, String> readings = Map.of();
    private String verdict = "ACCEPTED";
    private List<String> reasons = List.of();
    private String status = "RECORDED";
    private int revision = 1;
    private Lot previous;
    private boolean checked = true;

    Lot() {
    }

    public Lot id(UUID id) {
        this.id = id;
        return this;
    }

    public Lot organisation(UUID organisation) {
        this.organisation = organisation;
        return this;
    }

    public Lot centre(UUID centre) {
        this.centre = centre;
        return this;
    }

    public Lot producer(UUID producer) {
        this.producer = producer;
        return this;
    }

    /** The agreement the lot was judged by, at clause version 1. */
    public Lot agreement(UUID agreement) {
        this.agreement = agreement;
        return this;
    }

    public Lot product(String product, String unit) {
        this.product = product;
        this.unit = unit;
        return this;
    }

    public Lot quantity(String quantity) {
        this.quantity = quantity;
        return this;
    }

    /** Delivered at 06:30 Lima time that day. */
    public Lot deliveredOn(LocalDate day) {
        return deliveredOn(day, LocalTime.of(6, 30));
    }

    public Lot deliveredOn(LocalDate day, LocalTime time) {
        this.deliveryDate = day;
        this.deliveryTime = time;
        return this;
    }

    /** MORNING (the default) or AFTERNOON. */
    public Lot shift(String shift) {
        this.shift = shift;
        return this;
    }

    /** Readings by parameter code: a decimal, or "true"/"false" for a test result. */
    public Lot readings(Map<String, String> readings) {
        this.readings = new LinkedHashMap<>(readings);
        return this;
    }

    /** ACCEPTED, or REJECTED for the reasons given (messages as lots-service writes them). */
    public Lot verdict(String verdict, String... reasonMessages) {
        this.verdict = verdict;
        this.reasons = List.of(reasonMessages);
        return this;
    }

    /** {@code verdict}, and when it is not ACCEPTED the one reason given. */
    public Lot judged(String verdict, String reasonIfRejected) {
        return "ACCEPTED".equals(verdict) ? verdict(verdict) : verdict(verdict, reasonIfRejected);
    }

    /**
     * Sends this lot's events unchecked, as an earlier version of lots-service could have sent them outside
     * today's schema (e.g. before intake's limits of docs/decisions/0016).
     */
    public Lot unchecked() {
        this.checked = false;
        return this;
    }

    public UUID id() {
        return id;
    }

    public int revision() {
        return revision;
    }

    public UUID centreId() {
        return centre;
    }

    public UUID producerId() {
        return producer;
    }

    public UUID organisationId() {
        return organisation;
    }

    /** The lot after a correction of this one: the next revision, to change with quantity, readings, verdict. */
    public Lot revised() {
        Lot next = copy();
        next.revision = revision + 1;
        next.previous = copy();
        return next;
    }

    /** LotRecorded of this lot. */
    public UpstreamEvent recorded() {
        return event("LotRecorded", this, null, null, OPERATOR_NAME, null);
    }

    /** LotCorrected: this lot, corrected from the one it was {@link #revised()} from. */
    public UpstreamEvent corrected(String reason) {
        if (previous == null) {
            throw new IllegalStateException("a correction is of a revised() lot");
        }
        return event("LotCorrected", this, previous, reason, SUPERVISOR_NAME, null);
    }

    /** LotCorrected as a dispute's decision publishes it: this lot, overturned by dispute {@code disputeId}. */
    public UpstreamEvent overturnedBy(UUID disputeId, String reason) {
        if (previous == null) {
            throw new IllegalStateException("an overturn is of a revised() lot");
        }
        return event("LotCorrected", this, previous, reason, SUPERVISOR_NAME, disputeId);
    }

    /** LotVoided: this lot voided, at the next revision, nothing else changed. */
    public UpstreamEvent voided(String reason) {
        Lot voided = copy();
        voided.status = "VOIDED";
        voided.revision = revision + 1;
        return event("LotVoided", voided, copy(), reason, SUPERVISOR_NAME, null);
    }

    private Lot copy() {
        Lot c = new Lot();
        c.id = id;
        c.organisation = organisation;
        c.centre = centre;
        c.producer = producer;
        c.agreement = agreement;
        c.agreementVersion = agreementVersion;
        c.product = product;
        c.unit = unit;
        c.quantity = quantity;
        c.deliveryDate = deliveryDate;
        c.deliveryTime = deliveryTime;
        c.shift = shift;
        c.readings = readings;
        c.verdict = verdict;
        c.reasons = reasons;
        c.status = status;
        c.revision = revision;
        c.previous = previous;
        c.checked = checked;
        return c;
    }

    private Instant deliveredAt() {
        return deliveryDate.atTime(deliveryTime).atZone(LimaDays.LIMA).toInstant();
    }

    private UpstreamEvent event(String type, Lot lot, Lot before, String reason, String by, UUID disputeId) {
        UUID org = UpstreamEvents.required(organisation, "organisation");
        UUID producerId = UpstreamEvents.required(producer, "producer");
        ObjectNode payload = UpstreamEvents.object();
        payload.set("lot", lot.json());
        payload.set("previous", before == null ? payload.nullNode() : before.json());
        payload.put("reason", reason);
        payload.put("by", by);
        if (disputeId != null) {
            payload.put("disputeId", disputeId.toString());
        }
        // Recorded when delivered; each later revision an hour after the one before.
        Instant occurredAt = lot.deliveredAt().plus(Duration.ofHours(lot.revision - 1L));
        return UpstreamEvents.envelope(type, "Lot", id.toString(), org, occurredAt, payload,
                checked ? UpstreamEvents.LOTS : null, "lots.events", producerId.toString());
    }

    private ObjectNode json() {
        ObjectNode n = UpstreamEvents.object();
        n.put("id", id.toString());
        n.put("organisationId", organisation.toString());
        n.put("centreId", centre.toString());
        n.put("producerId", producer.toString());
        n.put("product", product);
        n.put("quantity", new BigDecimal(quantity));
        n.put("unit", unit);
        n.put("deliveredAt", deliveredAt().toString());
        n.put("deliveryDate", deliveryDate.toString());
        n.put("shift", shift);
        n.put("agreementId", agreement.toString());
        n.put("agreementVersion", agreementVersion);
        ArrayNode readingNodes = n.putArray("readings");
        readings.forEach((parameter, value) -> {
            ObjectNode r = readingNodes.addObject().put("parameter", parameter);
            if ("true".equals(value) || "false".equals(value)) {
                r.putNull("value").put("result", Boolean.parseBoolean(value));
            } else {
                r.put("value", new BigDecimal(value)).putNull("result");
            }
            r.putNull("instrument").putNull("sampleId").put("measuredAt", deliveredAt().toString());
        });
        n.put("verdict", verdict);
        ArrayNode reasonNodes = n.putArray("reasons");
        for (String message : reasons) {
            reasonNodes.add(reason(message));
        }
        n.put("status", status);
        n.put("revision", revision);
        n.put("recordedBy", OPERATOR.toString());
        n.put("recordedAt", deliveredAt().toString());
        n.put("version", revision - 1);
        return n;
    }

    private ObjectNode reason(String message) {
        ObjectNode r = UpstreamEvents.object();
        String parameter = readings.keySet().stream()
                .filter(code -> CODE.matcher(code).matches() && message.contains(code)).findFirst().orElse(null);
        String reading = parameter == null ? null : readings.get(parameter);
        if (reading != null && NUMBER.matcher(reading).matches()) {
            String limit = reading;
            Matcher numbers = NUMBER.matcher(message);
            while (numbers.find()) {
                limit = numbers.group();
            }
            r.put("parameter", parameter).put("code", "BELOW_MIN").put("limit", new BigDecimal(limit))
                    .put("value", new BigDecimal(reading)).putNull("result");
        } else if (reading != null) {
            r.put("parameter", parameter).put("code", "FAILED_TEST").putNull("limit").putNull("value")
                    .put("result", Boolean.parseBoolean(reading));
        } else {
            String first = message.strip().split("\\s+", 2)[0];
            r.put("parameter", CODE.matcher(first).matches() ? first : "quality").put("code", "MISSING_READING")
                    .putNull("limit").putNull("value").putNull("result");
        }
        r.put("message", message);
        return r;
    }
}
