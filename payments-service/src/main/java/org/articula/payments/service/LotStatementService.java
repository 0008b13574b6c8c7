package org.articula.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
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

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    StatementLineQueries queries;
    @Inject
    CurrentUser user;

    public List<LotStatementLine> lines(List<String> lotIds) {
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

    // 1 to MAX_LOTS ids, each a UUID; repeated ones count once.
    private static List<UUID> parse(List<String> lotIds) {
        if (lotIds == null || lotIds.isEmpty()) {
            throw ProblemException.invalidField("lotId", "indique al menos un lote");
        }
        if (lotIds.size() > MAX_LOTS) {
            throw ProblemException.invalidField("lotId", "a lo más " + MAX_LOTS + " lotes por consulta");
        }
        Set<UUID> lots = new LinkedHashSet<>();
        for (String text : lotIds) {
            String id = text == null ? "" : text.strip();
            if (!UUID_TEXT.matcher(id).matches()) {
                throw ProblemException.invalidField("lotId", "no es un identificador válido (UUID)");
            }
            lots.add(UUID.fromString(id));
        }
        return List.copyOf(lots);
    }
}
