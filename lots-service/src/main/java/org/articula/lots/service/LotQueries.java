package org.articula.lots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.mapping.LotMapper;
import org.articula.lots.repository.LotRepository;
import org.articula.lots.repository.ProducerRefRepository;
import org.articula.lots.rest.dto.LotReceipt;
import org.articula.lots.rest.dto.LotSheet;
import org.articula.lots.rest.dto.RejectionRate;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;

/** The collection sheet, a producer's deliveries and rejection rates. */
@ApplicationScoped
public class LotQueries {

    static final int MAX_DAYS = 366;

    @Inject
    LotRepository lots;
    @Inject
    CentreService centres;
    @Inject
    ProducerRefRepository producers;
    @Inject
    CurrentUser user;
    @Inject
    LotFlags flags;

    public LotSheet collectionSheet(UUID centreId, LocalDate day) {
        return collectionSheet(centreId, day, true);
    }

    /** The same; without flags (no certificate queries) when {@code flagged} is false, for a table not showing them. */
    public LotSheet collectionSheet(UUID centreId, LocalDate day, boolean flagged) {
        centres.get(centreId);
        return sheet(lots.atCentreOn(centreId, day), flagged);
    }

    /** The producer's lots the caller may see: their organisation's or at its centres; a producer only their own. */
    public LotSheet ofProducer(UUID producerId, LocalDate from, LocalDate to) {
        return ofProducer(producerId, from, to, true);
    }

    /** The same; without flags when {@code flagged} is false. */
    public LotSheet ofProducer(UUID producerId, LocalDate from, LocalDate to, boolean flagged) {
        user.requireProducerOrStaff(producerId, "Productor", producerId);
        checkRange(from, to);
        return sheet(lots.ofProducer(producerId, from, to, user.organisationId()), flagged);
    }

    private LotSheet sheet(List<Lot> found, boolean flagged) {
        return LotMapper.sheet(found, flagged ? flags.of(found) : Map.of());
    }

    /** The producers of a sheet's lots (lots the caller was allowed to see), by id: to name them. */
    public Map<UUID, ProducerRef> producersOf(LotSheet sheet) {
        return producers.byIds(sheet.lots().stream().map(LotReceipt::producerId).collect(Collectors.toSet()));
    }

    public List<RejectionRate> rejectionRates(UUID organisationId, LocalDate from, LocalDate to, boolean byCentre) {
        checkRange(from, to);
        return lots.rejectionRates(organisationId, from, to, byCentre).stream()
                .map(r -> LotMapper.rejectionRate(r.key(), r.lots(), r.rejected(), r.overturned())).toList();
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "es anterior a from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.invalidField("to", "a lo más " + MAX_DAYS + " días por consulta");
        }
    }
}
