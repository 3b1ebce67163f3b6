package dev.autopilot.adaptation.expression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.autopilot.adaptation.ProfileValidationException;
import dev.autopilot.adaptation.table.ColumnType;
import dev.autopilot.adaptation.table.TableSchema;
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
 * Autopilot executes is printed from the checked tree.
 *
 * @param canonical the canonical SQL text
 * @param tree the checked tree
 * @param columns the table columns it reads, in order of first appearance in the canonical text
 */
public record DerivedExpression(String canonical, Expr tree, List<String> columns) {
    /** Longest expression text accepted; real derived expressions are far shorter. */
    public static final int MAX_LENGTH = 2000;

    public DerivedExpression {
        columns = List.copyOf(columns);
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
        SqlNode node;
        try {
            node = SqlParser.create(text, CalciteQueryProcessor.FRAMEWORK_CONFIG.getParserConfig()).parseExpression();
        }
        catch (SqlParseException | CalciteContextException e) {
            throw new ProfileValidationException(field, "not a valid SQL expression: " + firstLine(e.getMessage()));
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
        if (text == null || text.length() > MAX_LENGTH)
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

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
