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
