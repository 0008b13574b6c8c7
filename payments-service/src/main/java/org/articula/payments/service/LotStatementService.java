package org.articula.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.articula.payments.mapping.PurchaseLedgerMapper;
import org.articula.payments.repository.StatementLineQueries;
import org.articula.payments.rest.dto.LotStatementLine;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;

/**
 * What producers' statements say about given lots, for the web app and lots-service's shipment trace. Seen as
 * statements are: the organisation's staff see its lots, a producer only their own; other lots are simply absent.
 */
@ApplicationScoped
public class LotStatementService {

    /** The most lots one request may name. */
    public static final int MAX_LOTS = 500;

    @Inject
    StatementLineQueries queries;
    @Inject
    CurrentUser user;

    public List<LotStatementLine> lines(List<UUID> lotIds) {
        List<UUID> lots = parse(lotIds);
        UUID producer = null;
        if (user.isOnlyProducer()) {
            Optional<UUID> own = user.producerId();
            if (own.isEmpty()) {
                return List.of(); // a producer's token that does not say which: no lot is theirs
            }
            producer = own.get();
        }
        return queries.linesOf(lots, user.organisationId(), producer).stream().map(PurchaseLedgerMapper::line)
                .toList();
    }

    // 1 to MAX_LOTS ids (each read as a UUID by the platform's query converters); repeated ones count once.
    private static List<UUID> parse(List<UUID> lotIds) {
        if (lotIds == null || lotIds.isEmpty()) {
            throw ProblemException.invalidField("lotId", "indique al menos un lote");
        }
        if (lotIds.size() > MAX_LOTS) {
            throw ProblemException.invalidField("lotId", "a lo más " + MAX_LOTS + " lotes por consulta");
        }
        return List.copyOf(new LinkedHashSet<>(lotIds));
    }
}
