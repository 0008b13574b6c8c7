package org.articula.platform.persistence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A search's where clause from the filters a caller gave: each optional filter is one line, added only when
 * its value is given, instead of an if, an append and a parameter per filter. Its named parameters suit
 * Panache's {@code find(String, Map)}.
 */
public final class Where {

    private final StringBuilder clause;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Where(String condition) {
        this.clause = new StringBuilder(condition);
    }

    /** The condition every row found meets, naming its parameter {@code :name}. */
    public static Where always(String condition, String name, Object value) {
        Where where = new Where(condition);
        where.parameters.put(name, value);
        return where;
    }

    /** Adds the condition, naming its parameter {@code :name}. */
    public Where and(String condition, String name, Object value) {
        clause.append(" and ").append(condition);
        parameters.put(name, value);
        return this;
    }

    /** Adds the condition only when {@code value} is given (not null). */
    public Where andIfGiven(String condition, String name, Object value) {
        return value == null ? this : and(condition, name, value);
    }

    /** The query: the clause, then {@code order by} the given columns. */
    public String orderBy(String columns) {
        return clause + " order by " + columns;
    }

    public Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }
}
