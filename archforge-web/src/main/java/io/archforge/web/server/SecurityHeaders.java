package io.archforge.web.server;

import io.javalin.http.Context;

/**
 * The response headers that keep a browser from running anything the dashboard did not
 * serve itself, from showing the dashboard inside another site's frame, and from sending
 * its addresses, access token included, to another site.
 */
final class SecurityHeaders {

    /**
     * Scripts, style sheets and API calls come from the dashboard only, and no inline
     * script runs. Inline styles are allowed because ECharts sets style attributes on the
     * SVG it draws; images may be {@code data:} URIs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
            + " object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** Sets the headers on the response of {@code ctx}. */
    static void set(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
