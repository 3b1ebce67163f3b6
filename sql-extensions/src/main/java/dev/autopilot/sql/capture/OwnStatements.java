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

package dev.autopilot.sql.capture;

/**
 * The mark Autopilot puts on the statements it runs itself on users' tables (an adaptation's ALTER TABLE and CREATE
 * INDEX, its verification scans): they run through Ignite's SQL engine like a user's, so capture would otherwise count
 * them as workload, and a profile generated from that log would serve Autopilot rather than the users. A comment
 * survives in the text the parser sees, which is where {@link QueryCapture} reads it; users never write it.
 */
public final class OwnStatements {
    /** The comment that starts every statement Autopilot runs on a user's table. */
    public static final String MARK = "/* autopilot:own */";

    private OwnStatements() {
    }

    /** @return {@code sql} marked as Autopilot's own */
    public static String mark(String sql) {
        return MARK + ' ' + sql;
    }

    /** @return whether {@code originalSql}, as the client sent it, is one of Autopilot's own statements */
    public static boolean marked(String originalSql) {
        return originalSql != null && originalSql.startsWith(MARK);
    }
}
