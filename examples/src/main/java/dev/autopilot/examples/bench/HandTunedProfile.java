/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.autopilot.examples.bench;

/**
 * The structures a DBA who knows every phase of {@link DriftWorkload} in advance creates before the run, with
 * Autopilot's tools (derived columns kept exact on every write, and the rewriter) since plain Ignite has no expression
 * indexes: for each dominant template, a derived column per filtered expression and one index whose columns are the
 * template's equality filters, most selective first, then its range. Written by hand, not taken from Autopilot's
 * profiles, so that the hand-tuned cluster is the yardstick Autopilot is measured against, not a copy of it.
 */
final class HandTunedProfile {
    /** The profile for LINEITEM, applied with {@code AutopilotPlugin.applyProfile} before the workload starts. */
    static final String JSON = """
        {"partition_id": "LINEITEM", "table": "PUBLIC.LINEITEM", "version": 1,
         "derived_attributes": [
           {"name": "DBA_REVENUE", "expression": "L_EXTENDEDPRICE * L_DISCOUNT"},
           {"name": "DBA_TAXED_PRICE", "expression": "L_EXTENDEDPRICE * (1 + L_TAX)"},
           {"name": "DBA_PRICE_BUCKET", "expression": "FLOOR(L_EXTENDEDPRICE / 100)"},
           {"name": "DBA_QUANTITY_BUCKET", "expression": "FLOOR(L_QUANTITY / 2)"}],
         "indexes": [
           {"name": "DBA_IDX_REVENUE", "columns": ["DBA_REVENUE"]},
           {"name": "DBA_IDX_TAXED_PRICE", "columns": ["DBA_TAXED_PRICE"]},
           {"name": "DBA_IDX_RECEIPT_FLAG_STATUS", "columns": ["L_RECEIPTDATE", "L_RETURNFLAG", "L_LINESTATUS"]},
           {"name": "DBA_IDX_MODE_INSTRUCT_SHIP", "columns": ["L_SHIPMODE", "L_SHIPINSTRUCT", "L_SHIPDATE"]},
           {"name": "DBA_IDX_PRICE_BUCKET", "columns": ["DBA_PRICE_BUCKET"]},
           {"name": "DBA_IDX_QUANTITY_BUCKET", "columns": ["DBA_QUANTITY_BUCKET", "L_SHIPMODE", "L_SHIPINSTRUCT"]}]}
        """;

    private HandTunedProfile() {
    }
}
