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

package dev.autopilot.adaptation.derive;

import java.util.ArrayList;
import java.util.List;
import dev.autopilot.sql.derived.DerivedValueFunction;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.binary.BinaryObjectBuilder;

/**
 * Sets a table's derived fields on a row about to be written, from the row's own columns, computed as Ignite SQL
 * computes them. One instance serves one layout version of one table, from any thread.
 */
public final class RowDeriver {
    /** One derived field: its column name, how to compute it, and the class it is stored as. */
    record Field(String name, DerivedValueFunction function, Class<?> storedAs) {
    }

    private final IgniteBinary binary;
    private final List<Field> fields;

    private RowDeriver(IgniteBinary binary, List<Field> fields) {
        this.binary = binary;
        this.fields = List.copyOf(fields);
    }

    /**
     * @param binary the node's binary facade
     * @param compiler compiles an expression as Ignite SQL does
     * @param layout the layout whose derived columns, in their order, every write sets
     * @return the deriver of the layout's derived columns
     */
    public static RowDeriver compile(IgniteBinary binary, FunctionCompiler compiler, PartitionLayout layout) {
        String qualified = layout.table().table();
        int dot = qualified.indexOf('.');
        String schema = qualified.substring(0, dot);
        String table = qualified.substring(dot + 1);
        List<Field> fields = new ArrayList<>();
        for (DerivedColumn c : layout.derived()) {
            DerivedValueFunction f = compiler.compile(schema, table, c.storedSql());
            fields.add(new Field(c.name(), f, FieldClasses.of(f.columnType())));
        }
        return new RowDeriver(binary, fields);
    }

    /**
     * @param key the entry's key (a {@code BinaryObject} for a composite key)
     * @param value the value about to be written, binary or not
     * @return the value with every derived field set
     * @throws dev.autopilot.sql.derived.DerivedValueException where SQL would fail on the same row; the write fails
     */
    public BinaryObject derive(Object key, Object value) {
        BinaryObject row = value instanceof BinaryObject b ? b : binary.toBinary(value);
        BinaryObjectBuilder out = row.toBuilder();
        for (Field f : fields)
            out.setField(f.name(), f.function().evaluate(key, row), cast(f.storedAs()));
        return out.build();
    }

    /** @return the derived column names, in the order they are set */
    public List<String> columns() {
        return fields.stream().map(Field::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> cast(Class<?> c) {
        return (Class<Object>)c;
    }
}
