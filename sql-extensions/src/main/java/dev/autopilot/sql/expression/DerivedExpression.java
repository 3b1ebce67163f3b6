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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.ignite.internal.processors.query.calcite.CalciteQueryProcessor;

/**
 * An expression over the columns of one table that Autopilot may materialize as a derived column: parsed with
 * Ignite's own grammar, admitted only if it uses the allowed, deterministic operators over that table's columns,
 * typed, and held in canonical form. Equivalent spellings ({@code b * a} and {@code (a * b)}) are equal, print the
 * same {@link #canonical()} text and get the same {@link #name()}. Expression text is never spliced into SQL: what
 * Autopilot executes is printed from the checked tree. Instances come only from {@link #parse},
 * {@link #ofNode} and {@link #findAll}, so holding one means the check has passed.
 */
public final class DerivedExpression {
    /** Longest expression text accepted; real derived expressions are far shorter. */
    public static final int MAX_LENGTH = 2000;

    /** Deepest parenthesis nesting accepted, checked before parsing so that no input can exhaust the stack. */
    public static final int MAX_NESTING = 64;

    private final String canonical;
    private final Expr tree;
    private final List<String> columns;

    private DerivedExpression(String canonical, Expr tree, List<String> columns) {
        this.canonical = canonical;
        this.tree = tree;
        this.columns = List.copyOf(columns);
    }

    /**
     * @param text the expression, e.g. {@code L_EXTENDEDPRICE * (1 - L_DISCOUNT)}
     * @param table the table whose columns it may read
     * @param field where the text came from, for the error message (e.g. {@code derived_attributes[0].expression})
     * @return the checked, canonical expression
     * @throws ProfileValidationException naming {@code field} and the reason when the text is not allowed
     */
    public static DerivedExpression parse(String text, TableSchema table, String field) {
        if (text == null || text.isBlank())
            throw new ProfileValidationException(field, "an expression is required");
        if (text.length() > MAX_LENGTH)
            throw new ProfileValidationException(field, "expression longer than " + MAX_LENGTH + " characters");
        if (nesting(text) > MAX_NESTING)
            throw new ProfileValidationException(field, "expression nested too deeply (more than " + MAX_NESTING
                + " parentheses)");
        SqlNode node;
        try {
            node = SqlParser.create(text, CalciteQueryProcessor.FRAMEWORK_CONFIG.getParserConfig()).parseExpression();
        }
        catch (SqlParseException | CalciteContextException e) {
            // The parser reports running out of stack as a parse error without a message.
            throw new ProfileValidationException(field, e.getCause() instanceof StackOverflowError
                ? "expression nested too deeply" : "not a valid SQL expression: " + firstLine(e.getMessage()));
        }
        catch (StackOverflowError e) {
            throw new ProfileValidationException(field, "expression nested too deeply");
        }
        try {
            return of(new ExpressionReader(table).read(node));
        }
        catch (ExpressionException e) {
            throw new ProfileValidationException(field, e.getMessage() + " in " + text.strip());
        }
    }

    /**
     * Reads an already parsed expression, as the query rewriter meets it inside a statement.
     *
     * @param node an expression whose column references are unqualified or qualified by the table's own name
     * @param table the table whose columns it may read
     * @return the checked, canonical expression, or {@code null} when {@code node} is not an allowed expression
     */
    public static DerivedExpression ofNode(SqlNode node, TableSchema table) {
        try {
            return of(new ExpressionReader(table).read(node));
        }
        catch (ExpressionException | StackOverflowError notAllowed) {
            return null;
        }
    }

    /**
     * Finds the derived expressions inside a projection or grouping, such as {@code L_EXTENDEDPRICE * L_DISCOUNT}
     * in {@code SUM(L_EXTENDEDPRICE * L_DISCOUNT)}: the largest parts that are allowed expressions over columns of
     * {@code table} and more than a column. Text that does not parse yields nothing.
     *
     * @param text an expression as the query log prints it
     * @param table the table whose columns the parts may read
     * @return the parts, in order of appearance, without repeats
     */
    public static List<DerivedExpression> findAll(String text, TableSchema table) {
        List<DerivedExpression> out = new ArrayList<>();
        if (text == null || text.length() > MAX_LENGTH || nesting(text) > MAX_NESTING)
            return out;
        try {
            SqlNode node = SqlParser.create(text, CalciteQueryProcessor.FRAMEWORK_CONFIG.getParserConfig())
                .parseExpression();
            find(node, new ExpressionReader(table), out);
        }
        catch (SqlParseException | CalciteContextException | StackOverflowError e) {
            return out;
        }
        return out;
    }

    private static void find(SqlNode node, ExpressionReader reader, List<DerivedExpression> out) {
        if (node == null || node.isA(SqlKind.QUERY))
            return;
        try {
            DerivedExpression e = of(reader.read(node));
            if (!e.plainColumn() && !e.columns().isEmpty() && !out.contains(e))
                out.add(e);
            return;
        }
        catch (ExpressionException notAllowed) {
            // Look for allowed parts inside.
        }
        if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList())
                find(operand, reader, out);
        }
    }

    /** @return how many operators and functions it applies per row: what materializing it saves */
    public int operations() {
        return operations(tree);
    }

    private static int operations(Expr e) {
        if (e instanceof Expr.Call c) {
            // A flattened a * b * c is two multiplications.
            int own = c.op().form() == Op.Form.INFIX ? c.args().size() - 1 : 1;
            return own + c.args().stream().mapToInt(DerivedExpression::operations).sum();
        }
        if (e instanceof Expr.Cast c)
            return 1 + operations(c.arg());
        if (e instanceof Expr.Extract x)
            return 1 + operations(x.arg());
        if (e instanceof Expr.Case c) {
            int n = 1 + (c.otherwise() == null ? 0 : operations(c.otherwise()));
            for (int i = 0; i < c.conditions().size(); i++)
                n += operations(c.conditions().get(i)) + operations(c.results().get(i));
            return n;
        }
        return 0;
    }

    /** @return the expression for a checked tree */
    static DerivedExpression of(Expr tree) {
        return new DerivedExpression(ExprPrinter.print(tree), tree, columnsOf(tree));
    }

    /** @return the canonical SQL text: the only text of it Autopilot ever puts into a statement */
    public String canonical() {
        return canonical;
    }

    /** @return the checked tree */
    public Expr tree() {
        return tree;
    }

    /** @return the table columns it reads, in order of first appearance in the canonical text */
    public List<String> columns() {
        return columns;
    }

    /** Equal when the canonical texts are: equivalent spellings are one expression. */
    @Override public boolean equals(Object o) {
        return o instanceof DerivedExpression e && canonical.equals(e.canonical) && tree.type().equals(e.tree.type());
    }

    @Override public int hashCode() {
        return canonical.hashCode();
    }

    @Override public String toString() {
        return canonical;
    }

    /** @return the type of its value */
    public ColumnType type() {
        return tree.type();
    }

    /** @return whether it is just a column, which needs no derived attribute */
    public boolean plainColumn() {
        return tree instanceof Expr.Column;
    }

    /** @return the stable name of the derived column that would hold it */
    public String name() {
        return DerivedNames.nameOf(canonical);
    }

    /** @return the columns {@code e} reads, in order of appearance */
    public static List<String> columnsOf(Expr e) {
        Set<String> columns = new LinkedHashSet<>();
        collectColumns(e, columns);
        return new ArrayList<>(columns);
    }

    private static void collectColumns(Expr e, Set<String> out) {
        if (e instanceof Expr.Column c)
            out.add(c.name());
        else if (e instanceof Expr.Call c)
            c.args().forEach(a -> collectColumns(a, out));
        else if (e instanceof Expr.Cast c)
            collectColumns(c.arg(), out);
        else if (e instanceof Expr.Extract x)
            collectColumns(x.arg(), out);
        else if (e instanceof Expr.Case c) {
            for (int i = 0; i < c.conditions().size(); i++) {
                collectColumns(c.conditions().get(i), out);
                collectColumns(c.results().get(i), out);
            }
            if (c.otherwise() != null)
                collectColumns(c.otherwise(), out);
        }
    }

    /** @return the deepest parenthesis nesting outside string literals */
    private static int nesting(String text) {
        int depth = 0;
        int max = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'')
                quoted = !quoted;
            else if (!quoted && c == '(')
                max = Math.max(max, ++depth);
            else if (!quoted && c == ')')
                depth--;
        }
        return max;
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
