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

import java.lang.reflect.Field;

/**
 * Reads and replaces a private field of an Ignite object, for hooks Ignite offers no API for. A field that is not
 * there fails loudly, naming it: a newer Ignite moved it, and the hook must be checked against that version.
 */
final class PrivateField {
    private final Field field;

    private PrivateField(Field field) {
        this.field = field;
    }

    /**
     * @param declaring the class that declares the field
     * @param name the field's name
     * @return the field, made accessible
     * @throws IllegalStateException when {@code declaring} has no such field
     */
    static PrivateField of(Class<?> declaring, String name) {
        try {
            Field f = declaring.getDeclaredField(name);
            f.setAccessible(true);
            return new PrivateField(f);
        }
        catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException("No accessible field " + declaring.getName() + '.' + name, e);
        }
    }

    /** @return the field's value in {@code owner} */
    Object get(Object owner) {
        try {
            return field.get(owner);
        }
        catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }

    /** Sets the field of {@code owner} to {@code value}, final or not. */
    void set(Object owner, Object value) {
        try {
            field.set(owner, value);
        }
        catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot replace " + field, e);
        }
    }
}
