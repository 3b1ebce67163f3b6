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

import java.nio.charset.StandardCharsets;
import java.util.List;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.autopilot.sql.expression.ProfileValidationException;

/**
 * Reads and writes {@link SchemaProfile} JSON. Reading is strict, because profiles may come from users: documents
 * over {@link #MAX_DOCUMENT_BYTES} are refused before parsing, unknown or duplicate fields and trailing content are
 * errors, and every error names the JSON path of the field it is about. Call {@link ProfileValidator} on the result
 * before storing it.
 */
public final class ProfileCodec {
    /** Largest profile document accepted: a real profile is a few kilobytes. */
    public static final int MAX_DOCUMENT_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(SerializationFeature.INDENT_OUTPUT);

    private ProfileCodec() {
    }

    /** @return the profile as JSON */
    public static String write(SchemaProfile profile) {
        try {
            return MAPPER.writeValueAsString(profile);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the profile of " + profile.table(), e);
        }
    }

    /**
     * @param json a profile document
     * @return the profile as written, not yet validated
     * @throws ProfileValidationException naming the field when the document is too big or not a profile
     */
    public static SchemaProfile read(String json) {
        if (json == null || json.isBlank())
            throw new ProfileValidationException("$", "an empty document is not a profile");
        if (json.length() > MAX_DOCUMENT_BYTES || json.getBytes(StandardCharsets.UTF_8).length > MAX_DOCUMENT_BYTES)
            throw new ProfileValidationException("$", "document larger than the limit of " + MAX_DOCUMENT_BYTES
                + " bytes");
        try {
            SchemaProfile p = MAPPER.readValue(json, SchemaProfile.class);
            if (p == null)
                throw new ProfileValidationException("$", "a JSON object is required");
            return p;
        }
        catch (UnrecognizedPropertyException e) {
            throw new ProfileValidationException(path(e), "unknown field");
        }
        catch (MismatchedInputException e) {
            throw new ProfileValidationException(path(e), "expected " + describe(e.getTargetType()));
        }
        catch (JsonMappingException e) {
            throw new ProfileValidationException(path(e), firstLine(e.getOriginalMessage()));
        }
        catch (JsonProcessingException e) {
            throw new ProfileValidationException("$", "malformed JSON: " + firstLine(e.getOriginalMessage())
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr()));
        }
    }

    /** @return the JSON path of the field an error is about, e.g. {@code derived_attributes[0].name} */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null)
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            else if (r.getIndex() >= 0)
                sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }

    /** @return what a field of {@code type} holds, in JSON's words rather than Java's */
    private static String describe(Class<?> type) {
        if (type == null)
            return "another value";
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class)
            return "a whole number";
        if (type == Double.class || type == double.class)
            return "a number";
        if (type == String.class)
            return "a string";
        if (List.class.isAssignableFrom(type))
            return "an array";
        return "an object";
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
