package org.articula.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.articula.localstack.security.DevKeys;

/**
 * One trout consignment with its whole history: the exporter's plant in Huancayo receives 8 lots on two days of the
 * sample fortnight (the last complete one, as {@link SampleLots}: Acoria's harvest on the 8th and 9th day, the six
 * Puno producers' on the 9th), every lot inside the trout clause (250-400 g, 25-32 cm), pools them the 9th evening
 * into one shipment, gutted (the usual 12 % "merma por eviscerado" of a rainbow trout's live weight), to a Lima
 * distributor, which reports it received the next morning, accepted with a 3 % discount. The trace and the EPCIS
 * export then show every step.
 *
 * <p>Idempotent: ids, quantities and readings derive from the fortnight and producer, so a restart in the same
 * fortnight answers 200 everywhere; a later fortnight adds its own consignment. A result already recorded otherwise
 * (409) is kept.
 */
final class SampleShipment {

    static final String CENTRE_NAME = "Planta de Procesamiento Huancayo";
    /** Share of the live weight lost in gutting a rainbow trout (10-14 %). */
    static final BigDecimal GUTTING_LOSS = new BigDecimal("0.12");
    static final BigDecimal DISCOUNT_PERCENT = new BigDecimal("3.00");

    record Summary(UUID shipmentId, UUID exporter, String reference, int lots, BigDecimal lotsKg, BigDecimal lossKg,
            BigDecimal shippedKg, String status, BigDecimal discount, String buyerName, LocalDate dispatched,
            String loaded) {

        String line() {
            return "Sample shipment: " + reference + ", " + lots + " trout lots from " + CENTRE_NAME + " on "
                    + dispatched + ", " + lotsKg + " kg less " + lossKg + " kg merma por eviscerado = " + shippedKg
                    + " kg to " + buyerName + ": " + status + (discount == null ? "" : " (" + discount + " %)") + "; "
                    + loaded;
        }
    }

    private SampleShipment() {
    }

    static Summary load(URI contractsService, URI lotsService, DevKeys keys, SampleData.Trout trout, LocalDate today)
            throws IOException, InterruptedException {
        SampleApi api = new SampleApi(lotsService, keys);
        api.actFor(trout.exporter());
        Instant deadline = Instant.now().plus(SampleLots.WAIT_FOR_EVENTS);
        SampleApi contracts = new SampleApi(contractsService, keys);
        contracts.actFor(trout.exporter());
        contracts.awaitPublished(deadline);
        api.awaitCaughtUp(deadline);
        UUID centre = SampleData.id("centre:trout-exporter:huancayo");
        UUID operator = SampleData.id("operator:trout-exporter:huancayo:1");
        SampleLots.centre(api, SampleData.obj("id", centre, "organisationId", trout.exporter(), "name", CENTRE_NAME,
                "district", "El Tambo", "region", "Junín", "latitude", new BigDecimal("-12.054300"), "longitude",
                new BigDecimal("-75.217800")), operator, "Nelly Huamán Poma");

        LocalDate start = SampleLots.lastCompleteFortnight(today)[0];
        List<Map<String, Object>> lots = lots(start, centre, operator, trout.producers());
        SampleLots.recordAll(api, lots, "trout deliveries", deadline);
        Map<String, Object> shipment = shipment(start, centre, trout.buyer(), lots);
        int created = api.call("POST", "/api/v1/shipments", shipment, "trout shipment", 201, 200, 409).status();
        UUID id = (UUID) shipment.get("shipmentId");
        api.actFor(trout.buyer()); // the distributor records its own result
        api.call("POST", "/api/v1/shipments/" + id + "/result", result(start, lots), "the buyer's result", 200, 409);
        JsonNode view = api.call("GET", "/api/v1/shipments/" + id, null, "trout shipment", 200).json();
        return new Summary(id, trout.exporter(), view.path("reference").asText(), view.path("lotCount").asInt(),
                view.path("lotsQuantity").decimalValue(), view.path("lossesQuantity").decimalValue(),
                view.path("shippedQuantity").decimalValue(), view.path("status").asText(),
                view.path("result").hasNonNull("discountPercent")
                        ? view.path("result").path("discountPercent").decimalValue()
                        : null,
                trout.buyerName(),
                start.plusDays(8), switch (created) {
                    case 201 -> "new";
                    case 200 -> "already loaded";
                    default -> "kept as edited here";
                });
    }

    /** Acoria's two lots (the 8th and 9th day) and one of each Puno producer (the 9th), in kg. */
    static List<Map<String, Object>> lots(LocalDate start, UUID centre, UUID operator, List<UUID> producers) {
        List<Map<String, Object>> lots = new ArrayList<>();
        lots.add(lot(producers.get(0), centre, operator, start.plusDays(7), 230, 265));
        lots.add(lot(producers.get(0), centre, operator, start.plusDays(8), 230, 265));
        for (UUID puno : producers.subList(1, producers.size())) {
            lots.add(lot(puno, centre, operator, start.plusDays(8), 170, 215));
        }
        return lots;
    }

    /**
     * One harvest delivered in the morning: its kilos, the sample's average weight per fish (each producer's usual
     * size, 265-385 g) and length from the weight (rainbow trout: W = 0.0118 L^3, g and cm), inside the clause.
     */
    static Map<String, Object> lot(UUID producer, UUID centre, UUID operator, LocalDate day, int minKg, int maxKg) {
        double usualWeight = 290 + new Random(producer.getMostSignificantBits()).nextDouble() * 60;
        String key = "lot:trout:" + producer + ":" + day;
        UUID id = SampleData.id(key);
        Random r = new Random(id.getLeastSignificantBits());
        Instant deliveredAt = day.atTime(LocalTime.of(5, 30).plusMinutes(r.nextInt(180))).atZone(SampleLots.LIMA)
                .toInstant();
        double kg = minKg + r.nextDouble() * (maxKg - minKg);
        double weight = SampleLots.clamp(usualWeight + r.nextGaussian() * 15, 265, 385);
        double length = SampleLots.clamp(Math.cbrt(weight / 0.0118) + r.nextGaussian() * 0.3, 25.5, 31.5);
        String sample = "HYO-" + day + "-" + producer.toString().substring(0, 4);
        return SampleData.obj("id", id, "centreId", centre, "operatorId", operator, "producerId", producer,
                "product", "trout", "quantity", SampleLots.decimal(kg, 1), "unit", "kg", "deliveredAt",
                deliveredAt.toString(), "readings", List.of(
                        SampleData.obj("parameter", "weight_g", "value", SampleLots.decimal(weight, 1), "instrument",
                                "balanza digital (muestra de 20 truchas)", "sampleId", sample),
                        SampleData.obj("parameter", "size_cm", "value", SampleLots.decimal(length, 1), "instrument",
                                "ictiómetro", "sampleId", sample)));
    }

    /** Every lot pooled on the 9th day at 18:00, gutted: the loss is 12 % of the lots' kilos. */
    static Map<String, Object> shipment(LocalDate start, UUID centre, UUID buyer, List<Map<String, Object>> lots) {
        BigDecimal kg = sum(lots);
        // Numbered by fortnight, as a plant's consecutive "guías de remisión" would be.
        int number = 482 + (start.getYear() - 2026) * 24 + (start.getMonthValue() - 1) * 2
                + (start.getDayOfMonth() > 15 ? 1 : 0);
        return SampleData.obj("shipmentId", SampleData.id("shipment:trout:" + start), "centreId", centre, "buyerId",
                buyer, "reference", String.format("Guía de remisión T001-%06d", number), "dispatchedAt",
                start.plusDays(8).atTime(18, 0).atZone(SampleLots.LIMA).toInstant().toString(), "lotIds",
                lots.stream().map(l -> l.get("id")).toList(), "losses", List.of(SampleData.obj("quantity",
                        kg.multiply(GUTTING_LOSS).setScale(1, RoundingMode.HALF_UP), "reason",
                        "Merma por eviscerado")));
    }

    /**
     * The distributor's report the next morning: accepted with a 3 % discount for two boxes that arrived short of
     * ice, its readings on the gutted fish (12 % lighter, the same length).
     */
    static Map<String, Object> result(LocalDate start, List<Map<String, Object>> lots) {
        return SampleData.obj("outcome", "ACCEPTED_WITH_DISCOUNT", "discountPercent", DISCOUNT_PERCENT, "readings",
                List.of(SampleData.obj("parameter", "weight_g", "value", mean(lots, "weight_g")
                        .multiply(BigDecimal.ONE.subtract(GUTTING_LOSS)).setScale(1, RoundingMode.HALF_UP)),
                        SampleData.obj("parameter", "size_cm", "value", mean(lots, "size_cm"))),
                "receivedAt", start.plusDays(9).atTime(7, 30).atZone(SampleLots.LIMA).toInstant().toString(), "note",
                "Descuento de 3 %: dos cajas llegaron con hielo insuficiente (6 °C); pesos de trucha eviscerada");
    }

    static BigDecimal sum(List<Map<String, Object>> lots) {
        return lots.stream().map(l -> (BigDecimal) l.get("quantity")).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @SuppressWarnings("unchecked")
    static BigDecimal mean(List<Map<String, Object>> lots, String parameter) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> lot : lots) {
            for (Map<String, Object> reading : (List<Map<String, Object>>) lot.get("readings")) {
                if (parameter.equals(reading.get("parameter"))) {
                    total = total.add((BigDecimal) reading.get("value"));
                }
            }
        }
        return total.divide(BigDecimal.valueOf(lots.size()), 1, RoundingMode.HALF_UP);
    }
}
