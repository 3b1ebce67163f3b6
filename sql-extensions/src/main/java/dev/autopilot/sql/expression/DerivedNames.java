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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names derived columns and recommended indexes so that the same canonical expression (or column list) always gets
 * the same name on every node and in every profile version: {@code AP_} + a readable slug + {@code _} + 8 hex digits
 * of a hash of the canonical text, at most {@link #MAX_LENGTH} characters, a valid unquoted SQL identifier.
 */
public final class DerivedNames {
    /** Longest name produced. */
    public static final int MAX_LENGTH = 30;

    /** What a name in a profile must look like: an unquoted SQL identifier. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private static final Pattern WORD = Pattern.compile("[A-Z][A-Z0-9]*|[0-9]+");

    private static final Pattern HASH = Pattern.compile("(?=.*[0-9])[0-9A-F]{8}");

    private static final Pattern INDEX_NAME = Pattern.compile("AP_IDX_(?:[A-Z0-9_]+_)?[0-9A-F]{8}");

    private static final Set<String> NOISE = Set.of("FROM", "AS", "CAST", "EXTRACT", "CASE", "WHEN", "THEN", "ELSE",
        "END", "AND", "OR", "NOT", "IS", "NULL", "FOR");

    private DerivedNames() {
    }

    /** @return the stable name of the derived column holding {@code canonical} */
    public static String nameOf(String canonical) {
        return name("AP_", canonical, canonical);
    }

    /** @return the stable name of an index over {@code columns} of {@code table} */
    public static String indexName(String table, List<String> columns) {
        return name("AP_IDX_", String.join(" ", columns), table + '(' + String.join(",", columns) + ')');
    }

    /** @return whether {@code name} is one {@link #indexName} gives */
    public static boolean isIndexName(String name) {
        return INDEX_NAME.matcher(name).matches();
    }

    private static String name(String prefix, String slugText, String hashText) {
        String hash = String.format("%08x", fnv1a(hashText));
        int room = MAX_LENGTH - prefix.length() - hash.length() - 1;
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(slugText.toUpperCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            // Drop keywords, one-letter table prefixes such as the L of L_QUANTITY, and the AP_ and hash of our names.
            if (!NOISE.contains(w) && w.length() > 1 && !w.equals("AP") && !HASH.matcher(w).matches())
                words.add(w);
        }
        String slug = String.join("_", words);
        if (slug.length() > room)
            slug = slug.substring(0, room);
        slug = slug.replaceAll("_+$", "");
        return slug.isEmpty() ? prefix + hash.toUpperCase(Locale.ROOT)
            : prefix + slug + '_' + hash.toUpperCase(Locale.ROOT);
    }

    private static int fnv1a(String text) {
        int h = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }
}
