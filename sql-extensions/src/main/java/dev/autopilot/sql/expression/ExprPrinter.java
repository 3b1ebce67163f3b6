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

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints an {@link Expr} as SQL that Ignite parses back to the same expression: one line, upper-case names,
 * parentheses only where precedence needs them. The printed text is the expression's canonical form.
 */
final class ExprPrinter {
    private ExprPrinter() {
    }

    /** @return the canonical SQL text of {@code e} */
    static String print(Expr e) {
        if (e instanceof Expr.Column c)
            return c.name();
        if (e instanceof Expr.Literal l)
            return l.sql();
        if (e instanceof Expr.Cast c)
            return "CAST(" + print(c.arg()) + " AS " + c.type() + ")";
        if (e instanceof Expr.Extract x)
            return "EXTRACT(" + x.unit() + " FROM " + print(x.arg()) + ")";
        if (e instanceof Expr.Case c)
            return printCase(c);
        return printCall((Expr.Call)e);
    }

    private static String printCase(Expr.Case c) {
        StringBuilder sb = new StringBuilder("CASE");
        for (int i = 0; i < c.conditions().size(); i++)
            sb.append(" WHEN ").append(print(c.conditions().get(i))).append(" THEN ").append(print(c.results().get(i)));
        if (c.otherwise() != null)
            sb.append(" ELSE ").append(print(c.otherwise()));
        return sb.append(" END").toString();
    }

    private static String printCall(Expr.Call call) {
        Op op = call.op();
        List<Expr> args = call.args();
        return switch (op.form()) {
            case FUNCTION -> op.symbol() + args.stream().map(ExprPrinter::print).collect(Collectors.joining(", ", "(", ")"));
            case POSTFIX -> operand(args.get(0), op, false) + " " + op.symbol();
            case PREFIX -> {
                String arg = operand(args.get(0), op, false);
                // "--" would start a comment.
                yield op == Op.NEGATE ? (arg.startsWith("-") ? "-(" + arg + ")" : "-" + arg) : op.symbol() + " " + arg;
            }
            case INFIX -> {
                StringBuilder sb = new StringBuilder(operand(args.get(0), op, false));
                for (int i = 1; i < args.size(); i++)
                    sb.append(' ').append(op.symbol()).append(' ').append(operand(args.get(i), op, true));
                yield sb.toString();
            }
        };
    }

    /** Parenthesizes an operand that binds looser than its operator, or as tightly on the right of it. */
    private static String operand(Expr arg, Op parent, boolean right) {
        int prec = arg instanceof Expr.Call c ? c.op().precedence() : Integer.MAX_VALUE;
        boolean wrap = prec < parent.precedence() || right && prec == parent.precedence();
        String text = print(arg);
        return wrap ? "(" + text + ")" : text;
    }
}
