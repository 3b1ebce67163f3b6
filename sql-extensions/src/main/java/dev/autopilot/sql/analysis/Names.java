package dev.autopilot.sql.analysis;

/** Table name conventions shared by the analyzer and the query log: {@code SCHEMA.TABLE}, upper case as parsed. */
public final class Names {
    private Names() {
    }

    /**
     * @param schema the schema the statement ran in
     * @param table a table name as written in the statement, with or without its schema
     * @return {@code SCHEMA.TABLE}
     */
    public static String qualify(String schema, String table) {
        return table.indexOf('.') >= 0 || schema == null ? table : schema + '.' + table;
    }
}
