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

package dev.autopilot.sql.derived;

/**
 * The expression fails on this row where SQL fails too (e.g. {@code INTEGER overflow}, {@code / by zero}). The caller
 * decides: an interceptor that rethrows fails the write as an SQL {@code UPDATE} of the same expression would.
 */
public class DerivedValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DerivedValueException(String expression, Throwable cause) {
        super("Failed to evaluate " + expression + ": " + cause.getMessage(), cause);
    }
}
