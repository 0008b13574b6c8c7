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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.security.DevKeys;

/**
 * The sample fortnight of Laredo milk, settled the way the association's treasurer would: feed,
 * veterinary and insemination services bought on credit by some members, the settlement run once
 * payments-service has every lot (its read model status says so), closed, each member paid on the due date
 * (or today, if that is earlier), and the processor's payment recorded so the reconciliation has both sides.
 *
 * <p>Idempotent: ids derive from the fortnight and producer; a closed settlement is left as it is.
 */
final class SampleSettlement {

    private static final Duration WAIT_FOR_LOTS = Duration.ofSeconds(90);
    // What the processor pays per litre paid for; members get 1.03 + quality premium.
    private static final BigDecimal PROCESSOR_PRICE = new BigDecimal("1.15");
    // Shrinkage the processor's plant measures against the centre's sheets.
    private static final BigDecimal PAID_SHARE = new BigDecimal("0.99");

    record Summary(UUID settlementId, String status, LocalDate from, LocalDate to, int producers, int lots,
            BigDecimal gross, BigDecimal deductions, BigDecimal net, int charges, int paid, UUID firstProducer) {

        String line() {
            return "Sample settlement: " + from + " to " + to + " " + status + ", " + producers + " producers, " + lots
                    + " lots, gross S/ " + gross + ", deductions S/ " + deductions + " (" + charges
                    + " charges on credit), net S/ " + net + "; " + paid + " payouts recorded";
        }
    }

    private final SampleApi api;
    private final SampleApi lotsService;
    private final UUID association;

    private SampleSettlement(URI payments, URI lots, DevKeys keys, UUID association) {
        this.api = new SampleApi(payments, keys);
        this.lotsService = new SampleApi(lots, keys);
        this.association = association;
        api.actFor(association);
        lotsService.actFor(association);
    }

    static Summary load(URI payments, URI lotsService, DevKeys keys, UUID association, UUID processor,
            List<UUID> producers, SampleLots.Summary lots, LocalDate today) throws IOException, InterruptedException {
        return new SampleSettlement(payments, lotsService, keys, association).settle(processor, producers, lots, today);
    }

    private Summary settle(UUID processor, List<UUID> producers, SampleLots.Summary lots, LocalDate today)
            throws IOException, InterruptedException {
        LocalDate start = lots.from();
        int charges = charges(producers, start);
        JsonNode settlement = existing(start);
        if (settlement == null || !"CLOSED".equals(settlement.path("status").asText())) {
            settlement = runOnceEveryLotIsIn(start);
            if (settlement.path("lots").asInt() == lots.lots()) {
                api.call("POST", "/api/v1/settlements/" + settlement.path("id").asText() + "/closing",
                        Map.of(), "closing the sample settlement", 200);
                settlement = existing(start);
            }
        }
        String id = settlement.path("id").asText();
        int paid = 0;
        if ("CLOSED".equals(settlement.path("status").asText())) {
            paid = payouts(id, today);
            remittance(processor, start, lots.to(), today);
        }
        return new Summary(UUID.fromString(id), settlement.path("status").asText(), start, lots.to(),
                settlement.path("producers").asInt(), settlement.path("lots").asInt(),
                money(settlement.path("gross")), money(settlement.path("deductions")), money(settlement.path("net")),
                charges, paid, producers.get(0));
    }

    /** Inputs bought on credit during the fortnight by some members, recovered in instalments. */
    private int charges(List<UUID> producers, LocalDate start) throws IOException, InterruptedException {
        int recorded = 0;
        for (int i = 0; i < producers.size(); i++) {
            UUID producer = producers.get(i);
            LocalDate day = start.plusDays(i % 12);
            if (i % 4 == 0) {
                BigDecimal amount = new BigDecimal(96 + 48 * (i % 3)).setScale(2); // 2 to 4 sacks of 40 kg
                recorded += charge(producer, "feed", "FEED", "Concentrado lechero, " + (2 + i % 3) + " sacos de 40 kg",
                        amount, day, 2);
            }
            if (i % 6 == 1) {
                recorded += charge(producer, "vet", "VETERINARY", "Atención veterinaria: mastitis, 1 vaca",
                        new BigDecimal("45.50"), day, 1);
            }
            if (i % 9 == 2) {
                recorded += charge(producer, "insemination", "INSEMINATION",
                        "Inseminación artificial, pajilla Holstein",
                        new BigDecimal("60.00"), day, 1);
            }
        }
        return recorded;
    }

    private int charge(UUID producer, String what, String kind, String description, BigDecimal amount, LocalDate day,
            int instalments) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id("charge:" + what + ":" + producer + ":" + day));
        body.put("organisationId", association);
        body.put("producerId", producer);
        body.put("kind", kind);
        body.put("description", description);
        body.put("amount", amount);
        body.put("chargeDate", day.toString());
        body.put("instalments", instalments);
        // 409: the id was used since for something else through the API; that is kept.
        api.call("POST", "/api/v1/charges", body, "charge on credit", 201, 200, 409);
        return 1;
    }

    /**
     * Runs the settlement once payments-service has every lot: lots-service's outbox has published them all
     * (asked first), then payments-service has applied everything on the topics it reads, lots.events and
     * contracts.events (docs/decisions/0019). Past the wait it runs anyway, and a settlement short of lots
     * is left OPEN.
     */
    private JsonNode runOnceEveryLotIsIn(LocalDate start) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_FOR_LOTS);
        lotsService.awaitPublished(deadline);
        api.awaitCaughtUp(deadline);
        api.call("POST", "/api/v1/settlements/runs", Map.of("organisationId", association, "fortnightStart",
                start.toString()), "settlement run", 200);
        return existing(start);
    }

    private JsonNode existing(LocalDate start) throws IOException, InterruptedException {
        JsonNode list = api
                .call("GET", "/api/v1/settlements?organisationId=" + association + "&fortnightStart=" + start,
                        null, "settlements", 200)
                .json();
        return list.isEmpty() ? null : list.get(0);
    }

    private int payouts(String settlementId, LocalDate today) throws IOException, InterruptedException {
        JsonNode settlement = api.call("GET", "/api/v1/settlements/" + settlementId, null, "settlement", 200).json();
        int paid = 0;
        for (JsonNode producer : settlement.path("producers")) {
            LocalDate due = LocalDate.parse(producer.path("dueDate").asText());
            LocalDate paidOn = producer.hasNonNull("paidOn")
                    ? LocalDate.parse(producer.path("paidOn").asText())
                    : due.isAfter(today) ? today : due;
            api.call("POST", "/api/v1/settlements/" + settlementId + "/payouts", Map.of("producerId",
                    producer.path("producerId").asText(), "paidOn", paidOn.toString(), "reference",
                    "Transferencia Caja Trujillo " + settlementId.substring(0, 8)), "payout", 200);
            paid++;
        }
        return paid;
    }

    /** The processor pays for what its plant measured (1 % less than collected) at its own price. */
    private void remittance(UUID processor, LocalDate start, LocalDate end, LocalDate today)
            throws IOException, InterruptedException {
        UUID id = id("remittance:laredo:" + start);
        JsonNode reconciliation = api.call("GET", "/api/v1/reconciliations?organisationId=" + association
                + "&fortnightStart=" + start, null, "reconciliation", 200).json();
        BigDecimal collected = BigDecimal.ZERO;
        for (JsonNode buyer : reconciliation.path("buyers")) {
            if (buyer.path("buyerId").asText().equals(processor.toString())) {
                if (buyer.path("quantityPaidFor").decimalValue().signum() > 0) {
                    return; // already recorded
                }
                collected = buyer.path("quantityCollected").decimalValue();
            }
        }
        BigDecimal paidFor = collected.multiply(PAID_SHARE).setScale(1, RoundingMode.DOWN);
        LocalDate received = end.plusDays(5).isAfter(today) ? today : end.plusDays(5);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("organisationId", association);
        body.put("buyerId", processor);
        body.put("fortnightStart", start.toString());
        body.put("product", "milk");
        body.put("quantityPaid", paidFor);
        body.put("unit", "L");
        body.put("amount", paidFor.multiply(PROCESSOR_PRICE).setScale(2, RoundingMode.HALF_UP));
        body.put("receivedOn", received.toString());
        body.put("reference", "Liquidación Planta Lechera del Norte " + start);
        api.call("POST", "/api/v1/remittances", body, "processor's remittance", 201, 200, 409);
    }

    private static BigDecimal money(JsonNode amount) {
        return amount.decimalValue().setScale(2, RoundingMode.HALF_UP);
    }

    private static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("sample:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
