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

/**
 * A schema profile, or one of its expressions, that Autopilot refuses: the message starts with the field it is about
 * (a JSON path such as {@code derived_attributes[0].expression}) and says why, so that whoever wrote the profile can
 * fix it without reading our code.
 */
public final class ProfileValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    /**
     * @param field the JSON path of the offending field ({@code $} for the whole document)
     * @param reason what is wrong with it
     */
    public ProfileValidationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** @return the JSON path of the offending field */
    public String field() {
        return field;
    }

    /** @return what is wrong with it */
    public String reason() {
        return reason;
    }
}
