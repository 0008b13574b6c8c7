package org.articula.lots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;
import java.util.regex.Pattern;
import org.articula.lots.domain.CollectionCentre;
import org.articula.lots.mapping.LotMapper;
import org.articula.lots.repository.RosterRepository;
import org.articula.lots.repository.RosterRepository.Snapshot;
import org.articula.lots.rest.dto.Roster;
import org.articula.platform.problem.ProblemException;

/** A collection centre's roster for its devices: everything, or what changed since their last download. */
@ApplicationScoped
public class RosterQueries {

    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");

    @Inject
    RosterRepository roster;
    @Inject
    CentreService centres;

    /**
     * The cursor answered is the oldest transaction still running when the rows were read, all in one
     * snapshot: whatever a transaction at or after it wrote is sent (again, perhaps) next time. A cursor
     * beyond this database's transactions (a restored or replaced database) gets a full download.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Roster of(UUID centreId, String since) {
        Long from = cursor(since);
        roster.readFromOneSnapshot();
        CollectionCentre centre = centres.get(centreId);
        Snapshot snapshot = roster.snapshot();
        boolean full = from == null || from > snapshot.xmax();
        long changedFrom = full ? RosterRepository.EVERYTHING : from;
        UUID organisation = centre.organisationId;
        return LotMapper.roster(Long.toString(snapshot.xmin()), full, roster.producersToSend(organisation, changedFrom),
                roster.agreementsChanged(organisation, changedFrom));
    }

    private static Long cursor(String since) {
        if (since == null || since.isEmpty()) {
            return null;
        }
        if (!CURSOR.matcher(since).matches()) {
            throw ProblemException.invalidField("since",
                    "no es un cursor de esta descarga: envíe el último que recibió, o ninguno para descargar todo");
        }
        return Long.parseLong(since);
    }
}
