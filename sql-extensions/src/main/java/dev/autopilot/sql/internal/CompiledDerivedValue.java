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

import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;
import dev.autopilot.sql.derived.DerivedValueException;
import dev.autopilot.sql.derived.DerivedValueFunction;
import org.apache.ignite.internal.processors.query.calcite.exec.ExecutionContext;
import org.apache.ignite.internal.processors.query.calcite.util.TypeUtils;

/**
 * A derived value compiled by {@link DerivedValueCompiler}: column values are converted into Ignite's internal row
 * form as its table scan converts them, the generated projection runs on that row, and the result is converted back
 * as Ignite converts query results. The generated code and the execution context it reads are shared and read-only,
 * so one instance serves all threads.
 */
final class CompiledDerivedValue implements DerivedValueFunction {
    private final String expression;
    private final String columnType;
    private final ColumnReader[] readers;
    private final List<String> columns;
    private final Function<Object[], Object[]> code;
    private final ExecutionContext<Object[]> ctx;
    private final Type resultType;

    CompiledDerivedValue(String expression, String columnType, List<ColumnReader> readers,
        Function<Object[], Object[]> code, ExecutionContext<Object[]> ctx, Type resultType) {
        this.expression = expression;
        this.columnType = columnType;
        this.readers = readers.toArray(new ColumnReader[0]);
        this.columns = readers.stream().map(ColumnReader::name).toList();
        this.code = code;
        this.ctx = ctx;
        this.resultType = resultType;
    }

    @Override public String expression() {
        return expression;
    }

    @Override public String columnType() {
        return columnType;
    }

    @Override public List<String> columns() {
        return columns;
    }

    @Override public Object evaluate(Object key, Object value) {
        Object[] row = new Object[readers.length];
        for (int i = 0; i < row.length; i++)
            row[i] = TypeUtils.toInternal(ctx, readers[i].read(key, value), readers[i].storageType());
        return run(row);
    }

    @Override public Object evaluate(Object[] columnValues) {
        if (columnValues.length != readers.length)
            throw new IllegalArgumentException("Expected " + readers.length + " values for " + columns + ", got "
                + columnValues.length);
        Object[] row = new Object[readers.length];
        for (int i = 0; i < row.length; i++)
            row[i] = TypeUtils.toInternal(ctx, columnValues[i], readers[i].storageType());
        return run(row);
    }

    private Object run(Object[] row) {
        Object internal;
        try {
            internal = code.apply(row)[0];
        }
        catch (RuntimeException e) {
            throw new DerivedValueException(expression, e);
        }
        return TypeUtils.fromInternal(ctx, internal, resultType);
    }

    @Override public String toString() {
        return expression + " -> " + columnType;
    }
}
