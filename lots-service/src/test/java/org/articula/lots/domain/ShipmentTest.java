package org.articula.lots.domain;

import static org.articula.lots.domain.QualityJudgeTest.MILK;
import static org.articula.lots.domain.QualityJudgeTest.milk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.articula.platform.problem.Problem.Violation;
import org.articula.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

/**
 * A shipment pools accepted lots of one centre and product, conserving quantity (the lots' sum less the losses),
 * refuses naming each lot that cannot enter, and takes the buyer's result once.
 */
class ShipmentTest {

    static final Instant DELIVERED = Instant.parse("2026-11-20T11:30:00Z");
    static final Instant DISPATCHED = Instant.parse("2026-11-20T16:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    final UUID centre = UUID.randomUUID();
    final UUID organisation = UUID.randomUUID();
    final UUID buyer = UUID.randomUUID();

    @Test
    void theShipmentCarriesTheLotsSumLessItsLossesAndRemembersEachLotAsPooled() {
        Lot a = lot("18.5", "12.0");
        Lot b = lot("20.25", "11.9");
        Shipment.Dispatched d = Shipment.dispatch(request(List.of(loss("0.75", "derrame al trasvasar")), a, b),
                organisation, List.of(a, b), admission(Map.of()), "Julia", NOW);
        Shipment s = d.shipment();
        assertEquals(new BigDecimal("38.750"), s.lotsQuantity);
        assertEquals(new BigDecimal("0.750"), s.lossesQuantity);
        assertEquals(new BigDecimal("38.000"), s.shippedQuantity);
        assertEquals(2, s.lotCount);
        assertEquals("milk", s.product);
        assertEquals("L", s.unit);
        assertEquals(ShipmentStatus.DISPATCHED, s.status);
        assertEquals(organisation, s.organisationId);
        assertEquals(List.of(a.id, b.id), d.lots().stream().map(m -> m.lotId).toList());
        assertEquals(List.of(0, 1), d.lots().stream().map(m -> m.position).toList());
        assertEquals(new BigDecimal("20.250"), d.lots().get(1).quantity);
        assertEquals(a.producerId, d.lots().get(0).producerId);
    }

    @Test
    void eachLotThatCannotEnterIsNamedByItsPlaceAndNothingIsMade() {
        Lot ok = lot("18.5", "12.0");
        Lot rejected = lot("18.5", "11.0");
        Lot voided = lot("18.5", "12.0");
        voided.voidLot("dos veces", "Julia", NOW);
        Lot elsewhere = lot("18.5", "12.0");
        elsewhere.centreId = UUID.randomUUID();
        Lot shipped = lot("18.5", "12.0");
        Lot trout = lot("18.5", "12.0");
        trout.product = "trout";
        trout.unit = "kg";
        UUID otherShipment = UUID.randomUUID();
        List<Lot> asked = Arrays.asList(ok, rejected, voided, elsewhere, shipped, trout, null);
        Dispatch request = new Dispatch(UUID.randomUUID(), centre, buyer, "Cisterna C4X-812", DISPATCHED,
                asked.stream().map(l -> l == null ? UUID.randomUUID() : l.id).toList(), List.of(), null);

        LotRuleException e = assertThrows(LotRuleException.class, () -> Shipment.dispatch(request, organisation,
                asked, admission(Map.of(shipped.id, otherShipment)), "Julia", NOW));

        assertEquals(LotsProblem.LOTS_NOT_SHIPPABLE, e.type());
        List<String> fields = e.problem().violations().stream().map(Violation::field).toList();
        assertEquals(List.of("lotIds[1]", "lotIds[2]", "lotIds[3]", "lotIds[4]", "lotIds[5]", "lotIds[6]"), fields);
        List<String> messages = e.problem().violations().stream().map(Violation::message).toList();
        assertTrue(messages.get(0).contains("rechazado"), messages.get(0));
        assertTrue(messages.get(1).contains("anulado"), messages.get(1));
        assertTrue(messages.get(2).contains("otro centro"), messages.get(2));
        assertTrue(messages.get(3).contains(otherShipment.toString()), messages.get(3));
        assertTrue(messages.get(4).contains("trout"), messages.get(4));
        assertTrue(messages.get(5).contains("no existe"), messages.get(5));
    }

    @Test
    void lossesThatLeaveNothingToShipAreRefused() {
        Lot a = lot("18.5", "12.0");
        LotRuleException e = assertThrows(LotRuleException.class, () -> Shipment.dispatch(
                request(List.of(loss("10", "derrame"), loss("8.5", "evaporación")), a), organisation, List.of(a),
                admission(Map.of()), "Julia", NOW));
        assertEquals(LotsProblem.LOSSES_EXCEED_LOTS, e.type());
        assertEquals("losses", e.problem().violations().get(0).field());
        Shipment.dispatch(request(List.of(loss("18.499", "derrame")), a), organisation, List.of(a),
                admission(Map.of()), "Julia", NOW); // a gram left is a shipment
    }

    @Test
    void aLotDeliveredAfterTheDispatchOrADispatchInTheFutureIsRefused() {
        Lot late = lot("18.5", "12.0");
        late.deliveredAt = DISPATCHED.plusSeconds(60);
        LotRuleException e = assertThrows(LotRuleException.class, () -> Shipment.dispatch(request(List.of(), late),
                organisation, List.of(late), admission(Map.of()), "Julia", NOW));
        assertEquals("lotIds[0]", e.problem().violations().get(0).field());
        Lot a = lot("18.5", "12.0");
        Dispatch future = new Dispatch(UUID.randomUUID(), centre, buyer, "C-1", NOW.plusSeconds(3600),
                List.of(a.id), List.of(), null);
        LotRuleException f = assertThrows(LotRuleException.class,
                () -> Shipment.dispatch(future, organisation, List.of(a), admission(Map.of()), "Julia", NOW));
        assertEquals("dispatchedAt", f.problem().violations().get(0).field());
    }

    @Test
    void theSameRequestAgainIsARepeatAndAnyOtherIsNot() {
        Lot a = lot("18.5", "12.0");
        Dispatch request = request(List.of(loss("0.5", "derrame")), a);
        Shipment s = Shipment.dispatch(request, organisation, List.of(a), admission(Map.of()), "Julia",
                NOW).shipment();
        assertTrue(s.isRepeatOf(request, List.of(a.id)));
        assertFalse(s.isRepeatOf(new Dispatch(request.id(), centre, buyer, "Otra", DISPATCHED, List.of(a.id),
                request.losses(), null), List.of(a.id)));
        assertFalse(s.isRepeatOf(new Dispatch(request.id(), centre, buyer, request.reference(), DISPATCHED,
                List.of(a.id), List.of(loss("0.6", "derrame")), null), List.of(a.id)));
    }

    @Test
    void theResultIsRecordedOnceAndTheSameResultAgainChangesNothing() {
        Shipment s = dispatched();
        ShipmentResult rejected = new ShipmentResult(ShipmentResult.Outcome.REJECTED, null,
                List.of(new ShipmentReading("total_solids", new BigDecimal("11.1"))), DISPATCHED.plusSeconds(3600),
                "Antibióticos en la cisterna");
        assertTrue(s.recordResult(rejected, Set.of("total_solids", "temperature"), "Planta", NOW));
        assertEquals(ShipmentStatus.REJECTED, s.status);
        assertFalse(s.recordResult(rejected, Set.of("total_solids"), "Planta", NOW));
        ShipmentResult accepted = new ShipmentResult(ShipmentResult.Outcome.ACCEPTED, null, List.of(),
                DISPATCHED.plusSeconds(3600), null);
        LotRuleException e = assertThrows(LotRuleException.class,
                () -> s.recordResult(accepted, Set.of("total_solids"), "Planta", NOW));
        assertEquals(LotsProblem.SHIPMENT_RESULT_RECORDED, e.type());
        assertEquals(ShipmentStatus.REJECTED, s.status);
    }

    @Test
    void aResultTheRulesDoNotAllowNamesEachFieldAndRecordsNothing() {
        Shipment s = dispatched();
        ShipmentResult bad = new ShipmentResult(ShipmentResult.Outcome.ACCEPTED_WITH_DISCOUNT, new BigDecimal("100"),
                List.of(new ShipmentReading("colour", BigDecimal.ONE)), DISPATCHED.minusSeconds(1), null);
        LotRuleException e = assertThrows(LotRuleException.class,
                () -> s.recordResult(bad, Set.of("total_solids"), "Planta", NOW));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals(List.of("discountPercent", "receivedAt", "readings[0].parameter"),
                e.problem().violations().stream().map(Violation::field).toList());
        assertEquals(ShipmentStatus.DISPATCHED, s.status);
        assertNull(s.receivedAt);
        ShipmentResult discountWithoutOutcome = new ShipmentResult(ShipmentResult.Outcome.ACCEPTED, BigDecimal.TEN,
                List.of(), DISPATCHED, null);
        assertThrows(LotRuleException.class, () -> s.recordResult(discountWithoutOutcome, Set.of(), "Planta", NOW));
        ShipmentResult discounted = new ShipmentResult(ShipmentResult.Outcome.ACCEPTED_WITH_DISCOUNT,
                new BigDecimal("7.5"), List.of(), DISPATCHED, null);
        assertTrue(s.recordResult(discounted, Set.of(), "Planta", NOW));
        assertEquals(ShipmentStatus.ACCEPTED_WITH_DISCOUNT, s.status);
    }

    private Shipment dispatched() {
        Lot a = lot("18.5", "12.0");
        return Shipment.dispatch(request(List.of(), a), organisation, List.of(a), admission(Map.of()), "Julia",
                NOW).shipment();
    }

    private LotAdmission admission(Map<UUID, UUID> shipped) {
        return new LotAdmission(centre, shipped, Map.of());
    }

    private Dispatch request(List<Loss> losses, Lot... lots) {
        return new Dispatch(UUID.randomUUID(), centre, buyer, "Cisterna C4X-812", DISPATCHED,
                Arrays.stream(lots).map(l -> l.id).toList(), new ArrayList<>(losses), null);
    }

    private static Loss loss(String quantity, String reason) {
        return new Loss(new BigDecimal(quantity), reason);
    }

    /** An accepted milk lot at the centre (solids at or above 11.5 %), or rejected below. */
    private Lot lot(String quantity, String solids) {
        Lot lot = new Lot();
        lot.id = UUID.randomUUID();
        lot.organisationId = organisation;
        lot.centreId = centre;
        lot.producerId = UUID.randomUUID();
        lot.product = "milk";
        lot.unit = "L";
        lot.deliveredAt = DELIVERED;
        lot.figures = LotFigures.judged(new BigDecimal(quantity), milk(solids, "6.5", false), MILK);
        lot.status = LotStatus.RECORDED;
        lot.revision = 1;
        return lot;
    }
}
