package org.articula.contracts.repository;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.articula.platform.persistence.Where;

/**
 * How people search a list by name: each word typed must appear in the name, whatever the case and the
 * accents ("vasquez" finds "Vásquez"), because names are typed on phones that make accents a chore.
 */
public final class Searches {

    private static final String ACCENTED = "áéíóúüñàèìòùâêîôûäëïö";
    private static final String PLAIN = "aeiouunaeiouaeiouaeio";

    /** The name lower-cased without accents, in HQL, for {@code like}. */
    static final String FOLDED_NAME = "translate(lower(name), '" + ACCENTED + "', '" + PLAIN + "')";

    private Searches() {
    }

    /** Adds to a query the condition that the name holds every word of {@code query}. */
    static void nameHoldsWords(String query, Where where) {
        List<String> words = words(query);
        for (int i = 0; i < words.size(); i++) {
            where.and(FOLDED_NAME + " like :w" + i, "w" + i, "%" + words.get(i) + "%");
        }
    }

    /** The words of a search, folded as {@link #FOLDED_NAME} folds names, with LIKE's wildcards escaped away. */
    public static List<String> words(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String folded = Normalizer.normalize(query.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[%_\\\\]", " ");
        return Arrays.stream(folded.strip().split("\\s+")).filter(w -> !w.isEmpty()).limit(6).toList();
    }
}
