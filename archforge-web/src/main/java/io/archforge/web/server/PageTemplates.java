package io.archforge.web.server;

import io.archforge.web.view.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's HTML pages, read from the class path. A page marks each value with
 * {@code {{key}}}; {@link #render} replaces it with the value escaped for HTML text and
 * attributes.
 */
final class PageTemplates {

    private static final String FOLDER = "/io/archforge/web/pages/";

    private static final Pattern MARKER = Pattern.compile("\\{\\{(\\w+)}}");

    private final Map<String, String> pages = new ConcurrentHashMap<>();

    /** Returns page {@code name} with every {@code {{key}}} of {@code values} filled in. */
    String render(String name, Map<String, String> values) {
        String page = pages.computeIfAbsent(name, PageTemplates::load);
        // One pass, so a value that itself contains {{key}} is left as it is.
        Matcher marker = MARKER.matcher(page);
        StringBuilder filled = new StringBuilder(page.length());
        while (marker.find()) {
            String value = values.get(marker.group(1));
            if (value == null) {
                throw new IllegalArgumentException("page " + name + " needs a value for {{"
                        + marker.group(1) + "}}");
            }
            marker.appendReplacement(filled, Matcher.quoteReplacement(Html.escape(value)));
        }
        marker.appendTail(filled);
        return filled.toString();
    }

    private static String load(String name) {
        String path = FOLDER + name;
        try (InputStream in = PageTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("page " + path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading page " + path + " failed", e);
        }
    }
}
