package dev.autopilot.adaptation.expression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.autopilot.adaptation.ProfileValidationException;
import dev.autopilot.adaptation.table.ColumnType;
import dev.autopilot.adaptation.table.TableSchema;
import org.apache.calcite.runtime.CalciteContextException;
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
