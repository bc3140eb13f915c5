package io.archforge.web.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through only when it carries the dashboard's access token: in an
 * {@code Authorization: Bearer TOKEN} header, as query parameter {@value #PARAMETER}, or
 * in the cookie that a request with the query parameter sets. The cookie is HttpOnly and
 * SameSite=Strict, so the page's own API calls and static files carry it, while scripts
 * cannot read it and other sites cannot make the browser send it. Its name contains the
 * port, because browsers share the cookies of one host between its ports.
 */
final class TokenGate implements Handler {

    /** The query parameter that carries the token. */
    static final String PARAMETER = "token";

    /** The start of the cookie's name, which ends with the server's port. */
    static final String COOKIE_PREFIX = "archforge_token_";

    /** The message of a rejected request, which names nothing of the store. */
    static final String HOW_TO = "This dashboard requires its access token. Open the address"
            + " that 'archforge dashboard' printed, which ends in ?token=..., or send the"
            + " header 'Authorization: Bearer TOKEN'.";

    private static final Logger LOG = LoggerFactory.getLogger(TokenGate.class);

    private static final Pattern BEARER = Pattern.compile("Bearer\\s+(\\S+)\\s*",
            Pattern.CASE_INSENSITIVE);

    private final AccessToken token;
    private final RepeatLimiter warnings = new RepeatLimiter(Duration.ofMinutes(1));

    TokenGate(AccessToken token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public void handle(Context ctx) {
        if (token.matches(bearer(ctx))) {
            return;
        }
        if (token.matches(ctx.queryParam(PARAMETER))) {
            setCookie(ctx);
            return;
        }
        if (token.matches(ctx.cookie(cookieName(ctx)))) {
            return;
        }
        reject(ctx);
    }

    /** Returns the name of the cookie for the port that {@code ctx} came in on. */
    static String cookieName(Context ctx) {
        return COOKIE_PREFIX + ctx.req().getLocalPort();
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        Matcher matcher = BEARER.matcher(header);
        return matcher.matches() ? matcher.group(1) : null;
    }

    private void setCookie(Context ctx) {
        // Written by hand, so that every attribute is certain whatever Javalin's defaults.
        ctx.res().addHeader("Set-Cookie", cookieName(ctx) + "=" + token.value()
                + "; Path=/; HttpOnly; SameSite=Strict");
    }

    private void reject(Context ctx) {
        String client = ctx.ip();
        if (warnings.shouldLog(client, Instant.now())) {
            LOG.warn("Rejected {} {} from {} without a valid access token ({} repeats left out"
                    + " before)", ctx.method(), ctx.path(), client, warnings.takeSuppressed());
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"archforge dashboard\"");
        throw new RequestFailure(401, HOW_TO);
    }
}
