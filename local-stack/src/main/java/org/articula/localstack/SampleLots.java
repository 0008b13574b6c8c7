package org.articula.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.articula.localstack.security.DevKeys;

/**
 * A fortnight of milk deliveries at the Laredo association's collection centre, recorded through
 * lots-service's batch endpoint: every member, both milking shifts, 8-25 L a delivery, total solids
 * 10.5-12.8 % around each member's own level, 4-9 °C, and a few rejections (low solids, warm milk, a
 * rare positive antibiotics test). The fortnight is the last complete one before today in Lima.
 *
 * <p>Idempotent: a lot's id and every figure in it derive from the producer, day and shift, so a restart
 * answers UNCHANGED for lots already recorded. lots-service learns producers and agreements from
 * contracts events: the batch is sent once its read model status says it has applied them all (and sent
 * again should some lots still be refused).
 */
final class SampleLots {

    static final ZoneId LIMA = ZoneId.of("America/Lima");
    static final Duration WAIT_FOR_EVENTS = Duration.ofSeconds(90);

    record Summary(int lots, int created, int rejected, LocalDate from, LocalDate to) {

        String line() {
            return "Sample lots: " + lots + " milk deliveries at Centro de Acopio Laredo, " + from + " to " + to + " ("
                    + rejected + " rejected; " + created + " new)";
        }
    }

    private SampleLots() {
    }

    static Summary load(URI contractsService, URI lotsService, DevKeys keys, UUID association, List<UUID> producers,
            LocalDate today) throws IOException, InterruptedException {
        SampleApi api = new SampleApi(lotsService, keys);
        api.actFor(association); // the association runs the centre
        // Producers and agreements published by contracts-service, then applied by lots-service.
        Instant deadline = Instant.now().plus(WAIT_FOR_EVENTS);
        SampleApi contracts = new SampleApi(contractsService, keys);
        contracts.actFor(association);
        contracts.awaitPublished(deadline);
        api.awaitCaughtUp(deadline);
        UUID centre = id("centre:laredo");
        UUID operator = id("operator:laredo:1");
        centre(api, Map.of("id", centre, "organisationId", association, "name", "Centro de Acopio Laredo",
                "district", "Laredo", "region", "La Libertad", "latitude", new BigDecimal("-8.089700"), "longitude",
                new BigDecimal("-78.960500")), operator, "Julia Ramos Alvarado");

        LocalDate[] fortnight = lastCompleteFortnight(today);
        List<Map<String, Object>> lots = new ArrayList<>();
        for (UUID producer : producers) {
            for (LocalDate day = fortnight[0]; !day.isAfter(fortnight[1]); day = day.plusDays(1)) {
                for (String shift : List.of("MORNING", "AFTERNOON")) {
                    lots.add(lot(producer, centre, operator, day, shift));
                }
            }
        }
        JsonNode result = recordAll(api, lots, "milk deliveries", deadline);
        int rejected = 0;
        for (JsonNode item : result.path("results")) {
            if ("REJECTED".equals(item.path("receipt").path("verdict").asText())) {
                rejected++;
            }
        }
        return new Summary(lots.size(), result.path("created").asInt(), rejected, fortnight[0], fortnight[1]);
    }

    /** Registers the centre (its request body) and one operator of it; both answer 200 when already there. */
    static void centre(SampleApi api, Map<String, Object> centre, UUID operator, String operatorName)
            throws IOException, InterruptedException {
        api.call("POST", "/api/v1/collection-centres", centre, "collection centre " + centre.get("name"), 201, 200);
        api.call("POST", "/api/v1/collection-centres/" + centre.get("id") + "/operators",
                Map.of("id", operator, "name", operatorName), "operator " + operatorName, 201, 200);
    }

    /**
     * Sends the lots through the batch endpoint until none is refused (lots-service may not have applied every
     * producer and agreement yet), until {@code deadline}; answers the batch result.
     */
    static JsonNode recordAll(SampleApi api, List<Map<String, Object>> lots, String what, Instant deadline)
            throws IOException, InterruptedException {
        while (true) {
            JsonNode result = api.call("POST", "/api/v1/lots/batch", Map.of("lots", lots), what, 200).json();
            int refused = result.path("refused").asInt();
            if (refused == 0) {
                return result;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("sample data: lots-service still refuses " + refused + " " + what
                        + " after waiting; first: " + firstProblem(result));
            }
            Thread.sleep(1000); // still refused: the events took longer than the waits above
        }
    }

    /** [1st, 15th] or [16th, last day]: the latest one that ended before today. */
    static LocalDate[] lastCompleteFortnight(LocalDate today) {
        if (today.getDayOfMonth() > 15) {
            LocalDate first = today.withDayOfMonth(1);
            return new LocalDate[] { first, first.withDayOfMonth(15) };
        }
        LocalDate previousMonth = today.minusMonths(1);
        return new LocalDate[] { previousMonth.withDayOfMonth(16),
                previousMonth.withDayOfMonth(previousMonth.lengthOfMonth()) };
    }

    /** One member's delivery: the member's usual level and litres derive from the producer id. */
    static Map<String, Object> lot(UUID producer, UUID centre, UUID operator, LocalDate day, String shift) {
        Random level = new Random(producer.getMostSignificantBits());
        double solidsLevel = 11.75 + level.nextDouble() * 0.6; // each member's usual total solids
        double litres = 8 + level.nextDouble() * 12; // 1-4 cows a shift
        String key = "lot:" + producer + ":" + day + ":" + shift;
        Random r = new Random(id(key).getLeastSignificantBits());
        LocalTime time = "MORNING".equals(shift) ? LocalTime.of(6, 0) : LocalTime.of(16, 0);
        Instant deliveredAt = day.atTime(time.plusMinutes(r.nextInt(90))).atZone(LIMA).toInstant();
        double quantity = clamp(litres + r.nextGaussian() * 1.5, 8, 25);
        double solids = clamp(solidsLevel + r.nextGaussian() * 0.18, 10.5, 12.8);
        double temperature = r.nextInt(100) < 1 ? 10.5 + r.nextDouble() : 4 + r.nextDouble() * 5;
        boolean antibiotics = r.nextInt(400) == 0;
        Map<String, Object> lot = new LinkedHashMap<>();
        lot.put("id", id(key));
        lot.put("centreId", centre);
        lot.put("operatorId", operator);
        lot.put("producerId", producer);
        lot.put("product", "milk");
        lot.put("quantity", decimal(quantity, 1));
        lot.put("unit", "L");
        lot.put("deliveredAt", deliveredAt.toString());
        lot.put("shift", shift);
        lot.put("readings", List.of(
                Map.of("parameter", "total_solids", "value", decimal(solids, 2), "instrument", "lactodensímetro",
                        "sampleId", "LAR-" + day + "-" + shift.charAt(0) + "-" + producer.toString().substring(0, 4)),
                Map.of("parameter", "temperature", "value", decimal(temperature, 1), "instrument", "termómetro"),
                Map.of("parameter", "antibiotics", "result", antibiotics, "instrument",
                        "prueba rápida beta-lactámicos")));
        return lot;
    }

    private static String firstProblem(JsonNode result) {
        for (JsonNode item : result.path("results")) {
            if ("REFUSED".equals(item.path("outcome").asText())) {
                return item.path("problem").path("detail").asText();
            }
        }
        return "";
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    private static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("sample:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
