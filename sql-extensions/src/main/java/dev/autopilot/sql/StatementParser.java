package dev.autopilot.sql;

import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** Parses SQL text with exactly the grammar and lexical rules of Ignite's Calcite engine. */
@FunctionalInterface
public interface StatementParser {
    /**
     * @param sql one or more statements
     * @return the parsed statements
     * @throws IllegalArgumentException naming the problem when the text is not valid SQL
     */
    List<SqlNode> parse(String sql);
}
