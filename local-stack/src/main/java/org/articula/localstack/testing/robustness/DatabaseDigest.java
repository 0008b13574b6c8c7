package org.articula.localstack.testing.robustness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every table of a service's database holds, as one digest per table (of every row's text, so an
 * update is seen as well as an insert or a delete) and its row count. Flyway's history is left out; tables
 * the service drains in the background (the outbox, which its relay empties) are compared as sets of rows
 * of which some may have gone but none may have come.
 */
final class DatabaseDigest implements AutoCloseable {

    /** A table's rows at one moment. */
    record Table(long rows, String digest, boolean drained, Set<String> drainRows) {
    }

    private static final Set<String> LEFT_OUT = Set.of("flyway_schema_history", "outbox_relay");
    private static final Set<String> DRAINED = Set.of("outbox", "outbox_event");

    private final Connection connection;
    private final String query;
    private final List<String> drained = new ArrayList<>();

    DatabaseDigest(String jdbcUrl, String user, String password) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, password);
        List<String> parts = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet tables = s.executeQuery("""
                select table_schema, table_name from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                order by 1, 2""")) {
            while (tables.next()) {
                String name = tables.getString(2);
                String qualified = "\"" + tables.getString(1) + "\".\"" + name + "\"";
                if (LEFT_OUT.contains(name)) {
                    continue;
                }
                if (DRAINED.contains(name)) {
                    drained.add(qualified);
                }
                parts.add("select '" + qualified.replace("'", "''") + "' as t, count(*) as n, "
                        + "coalesce(md5(string_agg(md5(r::text), '' order by md5(r::text))), '') as d from "
                        + qualified + " r");
            }
        }
        query = String.join(" union all ", parts);
    }

    Map<String, Table> snapshot() throws SQLException {
        Map<String, Table> tables = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                tables.put(r.getString(1), new Table(r.getLong(2), r.getString(3), false, Set.of()));
            }
        }
        for (String table : drained) {
            Set<String> rows = new HashSet<>();
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("select md5(r::text) from " + table + " r")) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            Table t = tables.get(table);
            tables.put(table, new Table(t.rows(), "", true, rows));
        }
        return tables;
    }

    /** The tables written between two snapshots (rows gone from a drained table do not count). */
    static List<String> written(Map<String, Table> before, Map<String, Table> after) {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, Table> table : after.entrySet()) {
            Table was = before.get(table.getKey());
            Table is = table.getValue();
            boolean changed = was == null || !was.digest().equals(is.digest())
                    || !was.drainRows().containsAll(is.drainRows());
            if (changed) {
                written.add(table.getKey());
            }
        }
        return written;
    }

    /** Rows added per table between two snapshots, drained tables left out. */
    static Map<String, Long> added(Map<String, Table> before, Map<String, Table> after) {
        Map<String, Long> added = new TreeMap<>();
        after.forEach((name, table) -> {
            if (table.drained()) {
                return;
            }
            long was = before.containsKey(name) ? before.get(name).rows() : 0;
            if (table.rows() != was) {
                added.put(name, table.rows() - was);
            }
        });
        return added;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
