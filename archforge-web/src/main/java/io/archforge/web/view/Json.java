package io.archforge.web.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes the views of this package as JSON text. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Writes {@code value} on one line. */
    public static String compact(Object value) {
        return write(value, false);
    }

    /** Writes {@code value} indented, for files people read. */
    public static String pretty(Object value) {
        return write(value, true);
    }

    private static String write(Object value, boolean indent) {
        try {
            return MAPPER.copy().configure(SerializationFeature.INDENT_OUTPUT, indent)
                    .writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view could not be written as JSON: "
                    + e.getMessage(), e);
        }
    }
}
