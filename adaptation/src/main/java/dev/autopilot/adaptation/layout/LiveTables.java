package dev.autopilot.adaptation.layout;

/** The tables of the local node's SQL engine, read when asked: whatever DDL ran last is in the answer. */
@FunctionalInterface
public interface LiveTables {
    /** @return the table {@code SCHEMA.TABLE} now, or {@code null} when there is none */
    LiveTable table(String qualifiedName);
}
