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

package dev.autopilot.adaptation.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import dev.autopilot.sql.expression.ProfileValidationException;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.expression.DerivedNames;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;

/**
 * Decides whether a profile may be stored: every field present and in range, every name a plain SQL identifier,
 * every expression re-parsed against the columns of the profile's own table, every index column a table column or
 * one of the profile's derived attributes, nothing twice. The first problem found is thrown, naming its field; what
 * passes comes back with expressions and types in canonical form.
 */
public final class ProfileValidator {
    /** Most derived attributes, and most indexes, one profile may hold. */
    public static final int MAX_STRUCTURES = 64;

    /** Most columns of one index. */
    public static final int MAX_INDEX_COLUMNS = 16;

    /** Longest {@code reason} text kept. */
    public static final int MAX_REASON = 2000;

    /** Largest {@code INLINE_SIZE} Ignite accepts. */
    public static final int MAX_INLINE_SIZE = 2048;

    private final Function<String, TableSchema> tables;

    /** @param tables the schema of a managed table by {@code SCHEMA.TABLE}, {@code null} for an unknown table */
    public ProfileValidator(Function<String, TableSchema> tables) {
        this.tables = tables;
    }

    /**
     * @param json a profile document, from a user or from storage
     * @return the profile, validated and in canonical form: the only form that may be stored
     * @throws ProfileValidationException naming the first field that is wrong
     */
    public SchemaProfile read(String json) {
        return validate(ProfileCodec.read(json));
    }

    /**
     * @param p a profile as read from JSON
     * @return the same profile with canonical expressions and inferred types
     * @throws ProfileValidationException naming the first field that is wrong
     */
    public SchemaProfile validate(SchemaProfile p) {
        if (p == null)
            throw new ProfileValidationException("$", "a JSON object is required");
        text(p.partitionId(), "partition_id", 256);
        text(p.table(), "table", 512);
        TableSchema table = tables.apply(p.table());
        if (table == null)
            throw new ProfileValidationException("table", "unknown table " + p.table());
        if (p.version() == null || p.version() < 0)
            throw new ProfileValidationException("version", "a version of 0 or more is required");
        basedOn(p.basedOn());

        List<DerivedAttribute> derived = derived(orEmpty(p.derivedAttributes()), table);
        Set<String> derivedNames = new HashSet<>();
        derived.forEach(d -> derivedNames.add(d.name()));

        List<IndexRecommendation> in = orEmpty(p.indexes());
        if (in.size() > MAX_STRUCTURES)
            throw new ProfileValidationException("indexes", "more than " + MAX_STRUCTURES + " indexes");
        List<IndexRecommendation> indexes = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String at = "indexes[" + i + "]";
            IndexRecommendation idx = in.get(i);
            if (idx == null)
                throw new ProfileValidationException(at, "an object is required");
            String name = identifier(idx.name(), at + ".name");
            if (!indexNames.add(name))
                throw new ProfileValidationException(at + ".name", "duplicate index name " + name);
            List<String> columns = columns(idx.columns(), at + ".columns", table, derivedNames, false);
            if (idx.inlineSize() != null && (idx.inlineSize() < 0 || idx.inlineSize() > MAX_INLINE_SIZE))
                throw new ProfileValidationException(at + ".inline_size", "must be 0 to " + MAX_INLINE_SIZE
                    + ", was " + idx.inlineSize());
            reason(idx.reason(), at + ".reason");
            indexes.add(new IndexRecommendation(name, columns, idx.inlineSize(), idx.reason(), idx.benefit()));
        }
        List<String> composite = columns(p.compositeIndex(), "composite_index", table, derivedNames, true);

        return new SchemaProfile(p.partitionId(), p.table(), p.version(), p.basedOn(), derived, indexes, composite,
            p.expectedBenefit());
    }

    private static List<DerivedAttribute> derived(List<DerivedAttribute> in, TableSchema table) {
        if (in.size() > MAX_STRUCTURES)
            throw new ProfileValidationException("derived_attributes", "more than " + MAX_STRUCTURES + " attributes");
        List<DerivedAttribute> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> expressions = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String at = "derived_attributes[" + i + "]";
            DerivedAttribute d = in.get(i);
            if (d == null)
                throw new ProfileValidationException(at, "an object is required");
            String name = identifier(d.name(), at + ".name");
            if (table.type(name) != null)
                throw new ProfileValidationException(at + ".name", name + " is already a column of "
                    + table.simpleName());
            if (!names.add(name))
                throw new ProfileValidationException(at + ".name", "duplicate derived attribute " + name);
            DerivedExpression e = DerivedExpression.parse(d.expression(), table, at + ".expression");
            if (e.plainColumn())
                throw new ProfileValidationException(at + ".expression", "is just column " + e.canonical()
                    + ", which needs no derived attribute");
            if (!expressions.add(e.canonical()))
                throw new ProfileValidationException(at + ".expression", "same expression as another attribute: "
                    + e.canonical());
            if (d.type() != null)
                checkType(d.type(), e.type(), at + ".type");
            reason(d.reason(), at + ".reason");
            out.add(new DerivedAttribute(name, e.canonical(), e.type().toString(), d.reason(), d.benefit()));
        }
        return out;
    }

    private static void checkType(String declared, ColumnType inferred, String at) {
        ColumnType t;
        try {
            t = ColumnType.parse(declared);
        }
        catch (IllegalArgumentException e) {
            throw new ProfileValidationException(at, "unknown SQL type " + declared);
        }
        if (t.name() != inferred.name())
            throw new ProfileValidationException(at, "declared " + declared + " but the expression is " + inferred);
    }

    /** @return the column names, upper-cased as SQL resolves unquoted names */
    private static List<String> columns(List<String> cols, String at, TableSchema table, Set<String> derived,
        boolean optional) {
        if (cols == null || cols.isEmpty()) {
            if (optional)
                return List.of();
            throw new ProfileValidationException(at, "at least one column is required");
        }
        if (cols.size() > MAX_INDEX_COLUMNS)
            throw new ProfileValidationException(at, "more than " + MAX_INDEX_COLUMNS + " columns");
        List<String> out = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            String cat = at + "[" + j + "]";
            String c = identifier(cols.get(j), cat);
            if (table.type(c) == null && !derived.contains(c))
                throw new ProfileValidationException(cat, "unknown column " + c + " in table " + table.simpleName()
                    + " and not a derived attribute of the profile");
            if (out.contains(c))
                throw new ProfileValidationException(cat, "column " + c + " appears twice");
            out.add(c);
        }
        return out;
    }

    private static void basedOn(BasedOn b) {
        if (b == null)
            return;
        if (b.windowStart() == null || b.windowEnd() == null || b.windowEnd() < b.windowStart())
            throw new ProfileValidationException("based_on", "window_start and window_end are required, "
                + "window_end not before window_start");
        if (b.queries() == null || b.queries() < 0)
            throw new ProfileValidationException("based_on.queries", "a count of 0 or more is required");
    }

    /** @return {@code name} upper-cased, as SQL resolves an unquoted identifier */
    private static String identifier(String name, String at) {
        String upper = name == null ? null : name.toUpperCase(Locale.ROOT);
        if (upper == null || !DerivedNames.IDENTIFIER.matcher(upper).matches())
            throw new ProfileValidationException(at, "must be a SQL identifier (a letter, then letters, digits or _; "
                + "at most 64 characters), was " + shorten(name));
        return upper;
    }

    private static void reason(String reason, String at) {
        if (reason != null && reason.length() > MAX_REASON)
            throw new ProfileValidationException(at, "longer than " + MAX_REASON + " characters");
    }

    private static void text(String value, String at, int max) {
        if (value == null || value.isBlank())
            throw new ProfileValidationException(at, "required");
        if (value.length() > max)
            throw new ProfileValidationException(at, "longer than " + max + " characters");
    }

    private static String shorten(String s) {
        return s == null ? "nothing" : s.length() > 80 ? '"' + s.substring(0, 80) + "...\"" : '"' + s + '"';
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
