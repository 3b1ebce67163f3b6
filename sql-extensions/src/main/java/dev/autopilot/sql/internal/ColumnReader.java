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
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.internal.processors.query.GridQueryProperty;
import org.apache.ignite.internal.processors.query.GridQueryTypeDescriptor;
import org.apache.ignite.internal.processors.query.QueryUtils;
import org.apache.ignite.internal.processors.query.calcite.schema.ColumnDescriptor;

/**
 * Reads one table column from a cache entry as Ignite's table scan does: a field of the binary key or value, or the
 * whole key (value) where the column is the single-column primary key (or the value) itself.
 */
final class ColumnReader {
    private final String name;
    private final Type storageType;
    private final Source source;

    private ColumnReader(String name, Type storageType, Source source) {
        this.name = name;
        this.storageType = storageType;
        this.source = source;
    }

    static ColumnReader of(GridQueryTypeDescriptor type, ColumnDescriptor column) {
        String name = column.name();
        Source source;
        if (name.equals(QueryUtils.KEY_FIELD_NAME) || name.equals(type.keyFieldAlias()))
            source = (key, val) -> key;
        else if (name.equals(QueryUtils.VAL_FIELD_NAME) || name.equals(type.valueFieldAlias()))
            source = (key, val) -> val;
        else {
            GridQueryProperty property = type.property(name);
            source = property::value;
        }
        return new ColumnReader(name, column.storageType(), source);
    }

    String name() {
        return name;
    }

    /** @return the Java type SQL returns for the column, which Ignite's row conversion expects */
    Type storageType() {
        return storageType;
    }

    Object read(Object key, Object val) {
        try {
            return source.read(key, val);
        }
        catch (IgniteCheckedException e) {
            throw new IllegalArgumentException("Cannot read column " + name + " from key " + key + ", value " + val, e);
        }
    }

    @FunctionalInterface
    private interface Source {
        Object read(Object key, Object val) throws IgniteCheckedException;
    }
}
