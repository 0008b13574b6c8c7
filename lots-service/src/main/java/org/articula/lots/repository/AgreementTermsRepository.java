package org.articula.lots.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.articula.lots.domain.AgreementTerms;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class AgreementTermsRepository implements PanacheRepositoryBase<AgreementTerms, UUID> {

    private static final String REVISIONS = """
            select id, revision from agreement_terms
            where status <> 'DRAFT' and (producer_id = any(?) or group_id = any(?))""";
    private static final String REVISIONS_OF = "select id, revision from agreement_terms where id = any(?)";

    /**
     * Agreements as parsed from their JSON columns, by id. A revision of an agreement never changes (a
     * newer one replaces every field), so an entry is good while its revision is the stored one; parsing
     * the clauses of every lot's agreement again was a fifth of a single lot's CPU. The entries are read,
     * never changed: the event handler works on its own managed copies.
     */
    private final Cache<UUID, AgreementTerms> parsed = Caffeine.newBuilder().maximumSize(20_000).build();

    @Inject
    DataSource dataSource;

    /**
     * Every signed agreement that may cover any of these producers or groups: their ids and revisions in
     * one query, then only those not parsed at that revision yet are loaded.
     */
    public List<AgreementTerms> coveringAny(Collection<UUID> producerIds, Collection<UUID> groupIds) {
        if (producerIds.isEmpty() && groupIds.isEmpty()) {
            return List.of();
        }
        return parsedAt(revisions(REVISIONS, producerIds, groupIds));
    }

    /** These agreements (e.g. those some lots were judged under), as {@link #coveringAny} reads them. */
    public Map<UUID, AgreementTerms> byIds(Collection<UUID> ids) {
        Map<UUID, AgreementTerms> byId = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            parsedAt(revisions(REVISIONS_OF, ids)).forEach(a -> byId.put(a.id, a));
        }
        return byId;
    }

    private List<AgreementTerms> parsedAt(Map<UUID, Long> revisions) {
        List<AgreementTerms> covering = new ArrayList<>(revisions.size());
        List<UUID> stale = new ArrayList<>();
        revisions.forEach((id, revision) -> {
            AgreementTerms known = parsed.getIfPresent(id);
            if (known != null && known.revision == revision) {
                covering.add(known);
            } else {
                stale.add(id);
            }
        });
        for (AgreementTerms loaded : load(stale)) {
            parsed.put(loaded.id, loaded);
            covering.add(loaded);
        }
        return covering;
    }

    @SafeVarargs
    private Map<UUID, Long> revisions(String query, Collection<UUID>... idArrays) {
        // Agroal hands out the connection of the current transaction, so this sees what it sees.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            for (int i = 0; i < idArrays.length; i++) {
                select.setArray(i + 1, connection.createArrayOf("uuid", idArrays[i].toArray()));
            }
            Map<UUID, Long> revisions = new LinkedHashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    revisions.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
            return revisions;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up the agreements in force", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<AgreementTerms> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<AgreementTerms> loaded = getEntityManager()
                .createNativeQuery("select * from agreement_terms where id = any(?1)", AgreementTerms.class)
                .setParameter(1, ids.toArray(UUID[]::new))
                .setHint(HibernateHints.HINT_READ_ONLY, true) // never changed here: no dirty check
                .getResultList();
        // Kept beyond this transaction: not tied to its persistence context.
        loaded.forEach(getEntityManager()::detach);
        return loaded;
    }
}
