package io.archforge.app.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One value of a YAML or JSON document with the line it starts on, so that errors can
 * name the line.
 *
 * @param value a {@code Map<String, ConfigNode>} (in document order), a
 *     {@code List<ConfigNode>}, a {@link String}, a {@link Number}, a {@link Boolean}, or
 *     null for an empty value
 * @param text the scalar as written, such as {@code yes} or {@code 007} where
 *     {@code value} is {@code true} or {@code 7}; null for a mapping, a list or an empty
 *     value
 * @param line the 1-based line of the value, or 0 when unknown
 * @param source the file or text the value was read from, for error messages
 */
public record ConfigNode(Object value, String text, int line, String source) {

    public ConfigNode {
        Objects.requireNonNull(source, "source");
    }

    /** Returns the position as {@code FILE line N}, for the start of an error message. */
    public String where() {
        return line > 0 ? source + " line " + line : source;
    }

    /** Returns whether the value is a mapping of keys to values. */
    public boolean isMap() {
        return value instanceof Map;
    }

    /** Returns whether the value is a list. */
    public boolean isList() {
        return value instanceof List;
    }

    /** Returns whether the value is a scalar: a string, a number or a boolean. */
    public boolean isScalar() {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /**
     * Returns the entries of a mapping.
     *
     * @param description the value's role for the error message, such as {@code a choice}
     * @throws io.archforge.app.cli.UsageException when the value is not a mapping
     */
    @SuppressWarnings("unchecked")
    public Map<String, ConfigNode> asMap(String description) {
        if (!isMap()) {
            throw ConfigErrors.at(this, description + " is " + describe()
                    + "; expected a mapping of keys to values");
        }
        return (Map<String, ConfigNode>) value;
    }

    /**
     * Returns the items of a list.
     *
     * @param description the value's role for the error message, such as {@code 'values'}
     * @throws io.archforge.app.cli.UsageException when the value is not a list
     */
    @SuppressWarnings("unchecked")
    public List<ConfigNode> asList(String description) {
        if (!isList()) {
            throw ConfigErrors.at(this, description + " is " + describe() + "; expected a list");
        }
        return (List<ConfigNode>) value;
    }

    /** Returns the value as a short phrase for error messages, such as {@code the text 'x'}. */
    public String describe() {
        if (value == null) {
            return "empty";
        }
        if (value instanceof String text) {
            return "the text '" + text + "'";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return "the " + (value instanceof Boolean ? "boolean" : "number") + " " + value;
        }
        return isList() ? "a list" : "a mapping";
    }
}
