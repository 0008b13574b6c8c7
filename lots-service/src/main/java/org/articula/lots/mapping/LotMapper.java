package org.articula.lots.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.CollectionCentre;
import org.articula.lots.domain.Delivery;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotFlag;
import org.articula.lots.domain.LotRevision;
import org.articula.lots.domain.Operator;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.rest.dto.BatchResult;
import org.articula.lots.rest.dto.BatchResult.Item;
import org.articula.lots.rest.dto.BatchResult.Outcome;
import org.articula.lots.rest.dto.CentreRequest;
import org.articula.lots.rest.dto.CentreView;
import org.articula.lots.rest.dto.LotReceipt;
import org.articula.lots.rest.dto.LotRequest;
import org.articula.lots.rest.dto.LotSheet;
import org.articula.lots.rest.dto.OperatorRequest;
import org.articula.lots.rest.dto.OperatorView;
import org.articula.lots.rest.dto.RejectionRate;
import org.articula.lots.rest.dto.RevisionView;
import org.articula.lots.rest.dto.Roster;
import org.articula.platform.problem.Problem;

/** Entities to API views and requests to domain values; the only place that knows both shapes. */
public final class LotMapper {

    private LotMapper() {
    }

    public static Delivery delivery(LotRequest r) {
        return new Delivery(r.id(), r.centreId(), r.operatorId(), r.producerId(), r.product(), r.quantity(), r.unit(),
                r.deliveredAt(), r.shift(), r.readings(), r.parcelId());
    }

    /** The lot as its events carry it: without flags, which are judged when read. */
    public static LotReceipt receipt(Lot l) {
        return receipt(l, (List<LotFlag>) null);
    }

    /** The lot as the API shows it, with its flags as of now. */
    public static LotReceipt receipt(Lot l, List<LotFlag> flags) {
        return new LotReceipt(l.id, l.organisationId, l.centreId, l.producerId, l.product, l.figures.quantity, l.unit,
                l.deliveredAt, l.deliveryDate, l.shift, l.agreementId, l.agreementVersion, l.parcelId,
                l.figures.readings, l.figures.verdict, l.figures.reasons, flags, l.status, l.revision, l.recordedBy,
                l.recordedAt, l.version);
    }

    /** The lot with its flags taken from those of several lots, by id (none when missing). */
    public static LotReceipt receipt(Lot l, Map<UUID, List<LotFlag>> flags) {
        return receipt(l, flags.getOrDefault(l.id, List.of()));
    }

    public static RevisionView view(LotRevision r) {
        return new RevisionView(r.revision, r.kind, r.figures.quantity, r.figures.readings, r.figures.verdict,
                r.figures.reasons, r.status, r.parcelId, r.reason, r.changedBy, r.changedAt);
    }

    public static Item recorded(int index, Lot lot) {
        return new Item(index, lot.id, Outcome.CREATED, receipt(lot, List.of()), null);
    }

    public static Item repeated(int index, Lot lot) {
        return new Item(index, lot.id, Outcome.UNCHANGED, receipt(lot, List.of()), null);
    }

    /** The item of a recorded or repeated lot with its flags, once the whole batch's were judged. */
    public static Item flagged(Item item, Lot lot, Map<UUID, List<LotFlag>> flags) {
        return new Item(item.index(), item.id(), item.outcome(), receipt(lot, flags), null);
    }

    public static Item refused(int index, UUID id, Problem problem) {
        return new Item(index, id, Outcome.REFUSED, null, problem);
    }

    /** The batch's answer: its items in request order, with how many of each outcome. */
    public static BatchResult batchResult(List<Item> items) {
        int created = (int) items.stream().filter(i -> i.outcome() == Outcome.CREATED).count();
        int refused = (int) items.stream().filter(i -> i.outcome() == Outcome.REFUSED).count();
        return new BatchResult(items.size(), created, items.size() - created - refused, refused, items);
    }

    /** Lots with their totals per product, unit and verdict; voided lots are shown but do not count. */
    public static LotSheet sheet(List<Lot> found, Map<UUID, List<LotFlag>> flags) {
        Map<String, LotSheet.Total> totals = new TreeMap<>();
        for (Lot lot : found) {
            if (lot.isVoided()) {
                continue;
            }
            String key = lot.product + "|" + lot.unit + "|" + lot.figures.verdict;
            LotSheet.Total t = totals.getOrDefault(key,
                    new LotSheet.Total(lot.product, lot.unit, lot.figures.verdict.name(), 0, BigDecimal.ZERO));
            totals.put(key, new LotSheet.Total(t.product(), t.unit(), t.verdict(), t.lots() + 1,
                    t.quantity().add(lot.figures.quantity)));
        }
        return new LotSheet(found.stream().map(lot -> receipt(lot, flags)).toList(), new ArrayList<>(totals.values()));
    }

    public static RejectionRate rejectionRate(UUID key, long lots, long rejected, long overturned) {
        return new RejectionRate(key, lots, rejected,
                BigDecimal.valueOf(rejected).divide(BigDecimal.valueOf(lots), 4, RoundingMode.HALF_UP), overturned);
    }

    public static CollectionCentre newCentre(CentreRequest r, Instant at) {
        CollectionCentre c = new CollectionCentre();
        c.id = r.id();
        c.organisationId = r.organisationId();
        c.name = r.name().strip();
        c.district = r.district().strip();
        c.region = r.region();
        c.latitude = r.latitude();
        c.longitude = r.longitude();
        c.createdAt = at;
        return c;
    }

    public static Operator newOperator(UUID centreId, OperatorRequest r, Instant at) {
        Operator o = new Operator();
        o.id = r.id();
        o.centreId = centreId;
        o.name = r.name().strip();
        o.createdAt = at;
        return o;
    }

    public static CentreView view(CollectionCentre c) {
        return new CentreView(c.id, c.organisationId, c.name, c.district, c.region, c.latitude, c.longitude,
                c.createdAt);
    }

    public static OperatorView view(Operator o) {
        return new OperatorView(o.id, o.centreId, o.name, o.createdAt);
    }

    public static Roster roster(String cursor, boolean full, List<ProducerRef> producers,
            List<AgreementTerms> agreements) {
        return new Roster(cursor, full, producers.stream().map(LotMapper::rosterEntry).toList(),
                agreements.stream().map(LotMapper::rosterEntry).toList());
    }

    private static Roster.Producer rosterEntry(ProducerRef p) {
        return new Roster.Producer(p.id, p.name, p.nationalId, p.groupId);
    }

    private static Roster.Agreement rosterEntry(AgreementTerms a) {
        return new Roster.Agreement(a.id, a.organisationId, a.buyerId, a.producerId, a.groupId, a.product, a.unit,
                a.status, a.startDate, a.endDate, a.periodsInForce, a.versions, a.revision);
    }
}
