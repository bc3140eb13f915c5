package io.archforge.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads parts of a page's serialised DOM, as Chromium's --dump-dom writes it. */
final class Dom {

    /** The path ECharts' SVG renderer draws a circle symbol with, one per data point. */
    private static final String CIRCLE = "d=\"M1 0A1 1 0 1 1 1 -0.0001\"";

    private Dom() {
    }

    /**
     * Returns the part of {@code dom} from the element with id {@code id} to the end of
     * the first SVG inside it, which is where ECharts puts a chart.
     */
    static String chart(String dom, String id) {
        int start = dom.indexOf("id=\"" + id + "\"");
        if (start < 0) {
            throw new AssertionError("no element with id '" + id + "' in the page");
        }
        int end = dom.indexOf("</svg>", start);
        if (end < 0) {
            throw new AssertionError("element '" + id + "' holds no SVG");
        }
        return dom.substring(start, end);
    }

    /** Counts the circle symbols filled with {@code color} in {@code svg}. */
    static int circles(String svg, String color) {
        Matcher matcher = Pattern.compile("<path " + Pattern.quote(CIRCLE) + "[^>]*fill=\""
                + Pattern.quote(color) + "\"").matcher(svg);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Counts all circle symbols in {@code svg}. */
    static int circles(String svg) {
        return count(svg, "<path " + CIRCLE);
    }

    /** Returns the part of {@code dom} inside the element with id {@code id}. */
    static String element(String dom, String id) {
        Matcher open = Pattern.compile("<(\\w+)[^>]*id=\"" + Pattern.quote(id) + "\"")
                .matcher(dom);
        if (!open.find()) {
            throw new AssertionError("no element with id '" + id + "' in the page");
        }
        String tag = open.group(1);
        int end = dom.indexOf("</" + tag + ">", open.end());
        return dom.substring(open.end(), end < 0 ? dom.length() : end);
    }

    /** Counts the occurrences of {@code text} in {@code dom}. */
    static int count(String dom, String text) {
        int count = 0;
        for (int at = dom.indexOf(text); at >= 0; at = dom.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
    }

    /** Returns group 1 of every match of {@code regex} in {@code dom}, in order. */
    static List<String> all(String dom, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(dom);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
