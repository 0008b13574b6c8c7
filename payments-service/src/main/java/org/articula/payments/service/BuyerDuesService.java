package org.articula.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.mapping.BuyerDuesMapper;
import org.articula.payments.repository.BuyerDuesQueries;
import org.articula.payments.repository.SettlementRepository;
import org.articula.payments.rest.dto.BuyerDues;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;

/**
 * What a buyer owes and when. The buyer's own users see every supplying organisation's lines; an
 * organisation that supplies the buyer (has an agreement with it) sees only its own lines; anyone else is
 * answered as for a buyer that does not exist, so an id reveals nothing.
 */
@ApplicationScoped
public class BuyerDuesService {

    /** The longest range asked at once: a year of fortnights. */
    public static final int MAX_DAYS = RequestedPeriod.MAX_DAYS;
    /** Without a range: the three months to today. */
    public static final int DEFAULT_MONTHS = 3;

    @Inject
    BuyerDuesQueries queries;
    @Inject
    SettlementRepository settlements;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;

    public BuyerDues dues(UUID buyerId, LocalDate from, LocalDate to) {
        UUID caller = user.organisationId();
        UUID buyer = buyerId == null ? caller : buyerId;
        UUID only = buyer.equals(caller) ? null : caller;
        if (only != null && !queries.supplies(caller, buyer)) {
            throw ProblemException.notFound("Comprador", buyer);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusMonths(DEFAULT_MONTHS) : from;
        RequestedPeriod.check(first, last);
        Fortnight start = Fortnight.containing(first);
        Fortnight end = Fortnight.containing(last);
        return BuyerDuesMapper.dues(buyer, settlements.organisationName(buyer).orElse(null), start, end,
                queries.dues(buyer, only, start.start(), end.end()), today);
    }
}
