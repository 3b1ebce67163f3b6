package dev.autopilot.sql.analysis;

/** What a statement does to the data, which decides whether it counts as a read or a write of its tables. */
public enum StatementKind {
    /** A query: SELECT, UNION, VALUES, WITH. */
    SELECT,
    /** INSERT, UPDATE, DELETE, MERGE. */
    DML,
    /** CREATE, ALTER, DROP and the like. */
    DDL,
    /** EXPLAIN, SET, KILL, transaction control. */
    OTHER
}
