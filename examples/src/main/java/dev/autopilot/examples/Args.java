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

package dev.autopilot.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code key=value} command-line arguments over defaults; an unknown key is an error that lists the known ones. */
public final class Args {
    private Args() {
    }

    /** @return {@code defaults} with the values the arguments give */
    public static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> out = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !defaults.containsKey(kv[0])) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'; expected key=value with key one of "
                    + defaults.keySet());
            }
            out.put(kv[0], kv[1]);
        }
        return out;
    }
}
