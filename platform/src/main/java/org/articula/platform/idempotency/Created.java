package org.articula.platform.idempotency;

import java.util.function.Function;
import org.articula.platform.problem.ProblemException;

/**
 * What an idempotent create returns: the stored value and whether this request stored it. Creates carry the
 * client's id, so a retry after a lost answer must get the first answer again, never a second copy.
 */
public record Created<T>(T value, boolean isNew) {

    /** This request stored the value. */
    public static <T> Created<T> first(T value) {
        return new Created<>(value, true);
    }

    /** The same request came before: answer with what it stored. */
    public static <T> Created<T> repeat(T existing) {
        return new Created<>(existing, false);
    }

    /**
     * The id is taken: a repeat of the same request answers with what is stored; another request with that id is a
     * conflict, with {@code conflictDetail} saying what the id already names.
     */
    public static <T> Created<T> repeatOrConflict(T existing, boolean sameRequest, String conflictDetail) {
        if (!sameRequest) {
            throw ProblemException.conflict(conflictDetail);
        }
        return repeat(existing);
    }

    /** The same answer about another shape of the value (an entity's view, say). */
    public <V> Created<V> map(Function<? super T, V> f) {
        return new Created<>(f.apply(value), isNew);
    }
}
