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

package dev.autopilot.sql.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The text of a configuration bean for the node's log: every instance field, in declaration order, read by reflection
 * so that a property added later can never be missing from it (a hand-written list missed eight).
 */
public final class BeanText {
    private BeanText() {
    }

    /** @return {@code Name [p1=v1, p2=v2, ...]}, nested beans by their own {@code toString()} */
    public static String of(Object bean) {
        StringBuilder out = new StringBuilder(bean.getClass().getSimpleName()).append(" [");
        String separator = "";
        for (Field f : bean.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()))
                continue;
            try {
                f.setAccessible(true);
                out.append(separator).append(f.getName()).append('=').append(f.get(bean));
            }
            catch (IllegalAccessException | RuntimeException e) {
                out.append(separator).append(f.getName()).append("=?");
            }
            separator = ", ";
        }
        return out.append(']').toString();
    }
}
