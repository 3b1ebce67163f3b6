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

package dev.autopilot.sql.internal;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.ignite.internal.processors.query.calcite.type.UuidType;
import org.apache.ignite.internal.processors.query.calcite.util.TypeUtils;

/**
 * The column type, as DDL text, that holds every value of an expression unchanged: the expression's SQL type with
 * its precision and scale, so that storing the value casts nothing. Two exceptions where Ignite's values do not keep
 * to their declared type: a DECIMAL division yields more digits than its type's scale (e.g. scale 26 for a
 * DECIMAL(33, 18)), so such results get an unconstrained {@code DECIMAL}; CHAR(n) results become VARCHAR(n) (the
 * padded value is kept). Types no Ignite column has (intervals, time zones, maps, rows) are refused.
 */
final class SqlColumnTypes {
    private SqlColumnTypes() {
    }

    /**
     * @param type the expression's SQL type
     * @param expr the expression as compiled
     * @param text the expression as given, for the error message
     * @throws IllegalArgumentException when no column type holds the values unchanged
     */
    static String ddl(RelDataType type, RexNode expr, String text) {
        switch (type.getSqlTypeName()) {
            case BOOLEAN:
            case TINYINT:
            case SMALLINT:
            case BIGINT:
            case REAL:
            case DOUBLE:
            case DATE:
                return type.getSqlTypeName().getName();
            case INTEGER:
                return "INT";
            case FLOAT:
                // Calcite's FLOAT is double precision.
                return "DOUBLE";
            case DECIMAL:
                return TypeUtils.hasPrecision(type) && !hasUncastDecimalDivision(expr)
                    ? "DECIMAL(" + type.getPrecision() + ", " + type.getScale() + ')' : "DECIMAL";
            case CHAR:
            case VARCHAR:
                return withLength("VARCHAR", type);
            case BINARY:
            case VARBINARY:
                return withLength("VARBINARY", type);
            case TIME:
                return "TIME(" + type.getPrecision() + ')';
            case TIMESTAMP:
                return "TIMESTAMP(" + type.getPrecision() + ')';
            default:
                if (type instanceof UuidType)
                    return "UUID";
                throw new IllegalArgumentException("No column type holds values of type " + type.getFullTypeString()
                    + " unchanged: " + text);
        }
    }

    private static String withLength(String name, RelDataType type) {
        return type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? name
            : name + '(' + type.getPrecision() + ')';
    }

    /** @return whether a DECIMAL division's digits can reach the result without a CAST fixing its scale */
    private static boolean hasUncastDecimalDivision(RexNode expr) {
        Boolean found = expr.accept(new RexVisitorImpl<Boolean>(true) {
            @Override public Boolean visitCall(RexCall call) {
                if (call.getKind() == SqlKind.CAST && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL)
                    return false;
                if (call.getKind() == SqlKind.DIVIDE && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL)
                    return true;
                for (RexNode operand : call.getOperands()) {
                    if (Boolean.TRUE.equals(operand.accept(this)))
                        return true;
                }
                return false;
            }
        });
        return Boolean.TRUE.equals(found);
    }
}
