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

package dev.autopilot.sql.expression;

/**
 * The operators and functions a derived expression may use: deterministic, over one row, with a meaning Ignite's SQL
 * engine and our canonical printing agree on. Anything not listed here is not a derived attribute.
 */
public enum Op {
    PLUS("+", Form.INFIX, 6, true, true),
    MINUS("-", Form.INFIX, 6, false, false),
    TIMES("*", Form.INFIX, 7, true, true),
    DIVIDE("/", Form.INFIX, 7, false, false),
    NEGATE("-", Form.PREFIX, 8, false, false),
    MOD("MOD", Form.FUNCTION, 100, false, false),
    FLOOR("FLOOR", Form.FUNCTION, 100, false, false),
    CEIL("CEIL", Form.FUNCTION, 100, false, false),
    ABS("ABS", Form.FUNCTION, 100, false, false),
    UPPER("UPPER", Form.FUNCTION, 100, false, false),
    LOWER("LOWER", Form.FUNCTION, 100, false, false),
    SUBSTRING("SUBSTRING", Form.FUNCTION, 100, false, false),
    COALESCE("COALESCE", Form.FUNCTION, 100, false, false),
    EQUALS("=", Form.INFIX, 4, true, false),
    NOT_EQUALS("<>", Form.INFIX, 4, true, false),
    LESS("<", Form.INFIX, 4, false, false),
    LESS_OR_EQUAL("<=", Form.INFIX, 4, false, false),
    GREATER(">", Form.INFIX, 4, false, false),
    GREATER_OR_EQUAL(">=", Form.INFIX, 4, false, false),
    IS_NULL("IS NULL", Form.POSTFIX, 5, false, false),
    IS_NOT_NULL("IS NOT NULL", Form.POSTFIX, 5, false, false),
    NOT("NOT", Form.PREFIX, 3, false, false),
    AND("AND", Form.INFIX, 2, true, true),
    OR("OR", Form.INFIX, 1, true, true);

    /** How an operator is written. */
    public enum Form { INFIX, PREFIX, POSTFIX, FUNCTION }

    private final String symbol;
    private final Form form;
    private final int precedence;
    private final boolean commutative;
    private final boolean associative;

    Op(String symbol, Form form, int precedence, boolean commutative, boolean associative) {
        this.symbol = symbol;
        this.form = form;
        this.precedence = precedence;
        this.commutative = commutative;
        this.associative = associative;
    }

    /** @return the operator or function name as SQL writes it */
    public String symbol() {
        return symbol;
    }

    /** @return how it is written */
    public Form form() {
        return form;
    }

    /** @return binding strength: higher binds tighter; functions bind tightest */
    public int precedence() {
        return precedence;
    }

    /** @return whether operand order does not matter, so canonical form sorts the operands */
    public boolean commutative() {
        return commutative;
    }

    /** @return whether nested applications flatten into one ({@code (a * b) * c} is {@code a * b * c}) */
    public boolean associative() {
        return associative;
    }
}
