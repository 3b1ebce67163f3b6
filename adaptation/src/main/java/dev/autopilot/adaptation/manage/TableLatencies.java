package dev.autopilot.adaptation.manage;

import java.util.Map;

/** Where the manager reads how fast a table's statements ran: the cluster-wide query log. */
public interface TableLatencies {
    /**
     * @param table {@code SCHEMA.TABLE}
     * @param fromMillis start of the first window, inclusive
     * @param toMillis end of the last window, exclusive
     * @return per template id, the statements on {@code table} that ran in the complete windows of that span
     */
    Map<String, TemplateLatency> measure(String table, long fromMillis, long toMillis);
}
