package io.archforge.web.server;

import io.archforge.storage.Storage;
import io.archforge.storage.StorageException;
import io.archforge.web.view.Json;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A web server that shows the studies of one store: a page listing them, a page per
 * study with its trials, charts and architecture drawings, and the JSON API those
 * pages poll. Every script and style sheet, ECharts included, is served by the
 * server itself, so the pages load nothing from the network.
 *
 * <p>The dashboard reads the store and never writes it. It does not own the store:
 * the caller closes it after {@link #close()}.
 *
 * <p>With an {@link AccessToken} in its settings, the dashboard serves a request only
 * when it carries the token (see {@link TokenGate}), and a dashboard on an address other
 * than loopback must have one. Without a token, it serves only requests whose
 * {@code Host} header names this machine (see {@link HostGate}). Every response carries
 * the headers of {@link SecurityHeaders}.
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private static final String NO_SUCH_PAGE = "The dashboard has no page or file at this"
            + " address. The list of studies is at /.";

    private final Javalin app;
    private final URI uri;

    private Dashboard(Javalin app, URI uri) {
        this.app = app;
        this.uri = uri;
    }

    /**
     * Starts serving {@code storage} with {@code settings}.
     *
     * @throws PortInUseException when another process uses the port
     * @throws IllegalArgumentException when the host is no address of this machine, or is
     *     not a loopback address and the settings have no access token
     */
    public static Dashboard start(Storage storage, DashboardSettings settings) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(settings, "settings");
        requireTokenOffLoopback(settings);
        requireFreePort(settings);
        DashboardApi api = new DashboardApi(storage);
        DashboardPages pages = new DashboardPages(storage, settings);
        Javalin app = Javalin.create(config -> configure(config, settings, api, pages));
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            app.stop();
            throw listenFailure(settings, e);
        }
        URI uri = uri(settings.host(), app.port());
        LOG.info("Dashboard of {} serving on {}{}", storage.location(), uri,
                settings.token().isPresent() ? " to requests with the access token" : "");
        return new Dashboard(app, uri);
    }

    /**
     * Rejects settings that would let every machine that reaches the host read the store.
     *
     * @throws IllegalArgumentException when the host is not loopback and there is no token
     */
    private static void requireTokenOffLoopback(DashboardSettings settings) {
        if (settings.token().isEmpty() && !settings.isLoopback()) {
            throw new IllegalArgumentException("a dashboard on " + settings.host()
                    + ", which is not a loopback address, needs an access token: set one with"
                    + " DashboardSettings.withToken, or listen on "
                    + DashboardSettings.DEFAULT_HOST);
        }
    }

    private static void configure(JavalinConfig config, DashboardSettings settings,
            DashboardApi api, DashboardPages pages) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        // Before handlers run in this order, ahead of every route and static file.
        config.routes.before(SecurityHeaders::set);
        if (settings.token().isPresent()) {
            config.routes.before(new TokenGate(settings.token().get()));
        } else {
            config.routes.before(new HostGate(settings.host()));
        }
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/io/archforge/web/static";
            files.location = Location.CLASSPATH;
        });
        config.routes.get("/", pages::studies);
        config.routes.get("/study", pages::study);
        config.routes.get("/api/studies", api::studies);
        config.routes.get("/api/study", api::study);
        config.routes.get("/api/trials", api::trials);
        config.routes.get("/api/graph", api::graph);
        RepeatLimiter storeWarnings = new RepeatLimiter(Duration.ofMinutes(1));
        config.routes.exception(RequestFailure.class, (e, ctx) -> {
            // The path only, because the query may contain the access token.
            LOG.debug("Request {} {} failed with status {}: {}", ctx.method(), ctx.path(),
                    e.status(), e.getMessage());
            fail(ctx, pages, e.status(), e.getMessage());
        });
        // Javalin's own responses, such as the one to an unknown path, as dashboard pages.
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                fail(ctx, pages, e.getStatus(), e.getStatus() == 404 ? NO_SUCH_PAGE
                        : "The dashboard cannot serve this request."));
        config.routes.exception(StorageException.class, (e, ctx) -> {
            if (storeWarnings.shouldLog(e.getMessage(), Instant.now())) {
                LOG.warn("Reading the store for {} failed ({} repeats left out before): {}",
                        ctx.path(), storeWarnings.takeSuppressed(), e.getMessage());
            }
            fail(ctx, pages, 503, "Reading the store failed: " + e.getMessage());
        });
    }

    /** Sends a failure as JSON on API routes and as an HTML page elsewhere. */
    private static void fail(Context ctx, DashboardPages pages, int status, String message) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(status).contentType("application/json")
                    .result(Json.compact(Map.of("error", message)));
        } else {
            pages.failure(ctx, status, title(status), message);
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 401 -> "Access token required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            default -> "Error " + status;
        };
    }

    /**
     * Binds the address once and lets it go, so that a port in use or a foreign host is
     * reported before Javalin starts, which would log the failure as an error of its own.
     * Another process may still take the port in between; Javalin's failure is then
     * translated by {@link #listenFailure}.
     */
    private static void requireFreePort(DashboardSettings settings) {
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(settings.host(), settings.port()));
        } catch (IOException e) {
            throw listenFailure(settings, new UncheckedIOException(e));
        }
    }

    /** Turns a failed start into {@link PortInUseException} or a message about the host. */
    private static RuntimeException listenFailure(DashboardSettings settings, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (isPortInUse(cause)) {
                return new PortInUseException(settings.host(), settings.port(), e);
            }
            if (cause instanceof SocketException || cause instanceof UnknownHostException) {
                return new IllegalArgumentException("cannot listen on " + settings.host() + ":"
                        + settings.port() + " (" + cause.getMessage()
                        + "): pass an address of this machine, such as 127.0.0.1", e);
            }
        }
        return e;
    }

    /** Returns whether {@code error} is the "Address already in use" of a bind. */
    private static boolean isPortInUse(Throwable error) {
        return error instanceof BindException
                && String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("in use");
    }

    private static URI uri(String host, int port) {
        try {
            return new URI("http", null, host, port, "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid dashboard host '" + host + "': "
                    + e.getMessage(), e);
        }
    }

    /** Returns the address of the list of studies, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return uri;
    }

    /** Returns the port the server listens on, which the system chose when the settings gave 0. */
    public int port() {
        return app.port();
    }

    /** Stops the server. */
    @Override
    public void close() {
        app.stop();
        LOG.info("Dashboard on {} stopped", uri);
    }
}
