package io.archforge.app.web;

import io.archforge.app.cli.ExitCodes;
import io.archforge.app.cli.UsageException;
import io.archforge.app.cli.Verbosity;
import io.archforge.store.jdbc.JdbcStorage;
import io.archforge.web.server.AccessToken;
import io.archforge.web.server.Dashboard;
import io.archforge.web.server.DashboardSettings;
import io.archforge.web.server.PortInUseException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge dashboard}: serves the studies of a store as web pages until the
 * process is stopped. Prints the address on stdout once the server listens; SIGINT or
 * SIGTERM stops the server and closes the store.
 *
 * <p>On an address other than loopback, every request must carry an access token: the
 * one {@code --token} gives, or a random one, which the printed address then contains as
 * {@code ?token=...}. On loopback, {@code --token} is optional and enforced when given.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Serve a web dashboard of the stored studies: trials, optimisation "
                + "history, intermediate values, Pareto front, parameter importance and "
                + "architecture drawings, refreshed while a study runs. Stop it with Ctrl-C.")
public final class DashboardCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--storage", paramLabel = "PATH",
            description = "Study store: PATH or sqlite:PATH (SQLite), or postgresql://... "
                    + "(default: ~/.archforge/studies.db).")
    String storage;

    @Option(names = "--host", paramLabel = "ADDRESS",
            defaultValue = DashboardSettings.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine "
                    + "only; 0.0.0.0 lets other machines connect, with the access token).")
    String host;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Access token that every request must carry: at least "
                    + AccessToken.MIN_LENGTH + " letters, digits, '-', '_', '.' or '~'"
                    + " (default: none on a loopback address; a random 128-bit token, printed"
                    + " in the address, on any other).")
    String token;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free "
                    + "port).")
    int port;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between the updates of an open page (default: "
                    + "${DEFAULT-VALUE}; 0 turns updates off).")
    double pollSeconds;

    @Option(names = "--verbose", description = "Log at DEBUG and print stack traces with errors.")
    void verbose(boolean on) {
        Verbosity.set(on);
    }

    @Override
    public Integer call() throws InterruptedException {
        DashboardSettings settings = settings();
        ExistingStore.Opened opened = ExistingStore.open(storage);
        JdbcStorage store = opened.storage();
        Dashboard dashboard = start(store, settings);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.close();
            store.close();
            stopped.countDown();
        }, "dashboard-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(address(dashboard, settings));
        out.flush();
        LOG.info("Dashboard of {} running; stop it with Ctrl-C", opened.location());
        stopped.await();
        return ExitCodes.OK;
    }

    /** Checks the options; the store is not touched before they are valid. */
    private DashboardSettings settings() {
        if (port < 0 || port > 65535) {
            throw new UsageException("invalid --port " + port
                    + ": use 1 to 65535, or 0 for any free port");
        }
        if (!(pollSeconds >= 0) || pollSeconds > 3600) {
            throw new UsageException("invalid --poll-interval " + pollSeconds
                    + ": use seconds from 0 (no updates) to 3600, such as 2");
        }
        if (host.isBlank()) {
            throw new UsageException("--host is empty: pass an address such as "
                    + DashboardSettings.DEFAULT_HOST);
        }
        requireLocalAddress(host.strip());
        DashboardSettings settings = new DashboardSettings(host.strip(), port,
                Duration.ofMillis(Math.round(pollSeconds * 1000)));
        return accessToken(settings.isLoopback()).map(settings::withToken).orElse(settings);
    }

    /**
     * Returns the token of {@code --token}, a random one when the host is not loopback,
     * or empty.
     *
     * @throws UsageException when {@code --token} is too short or has other characters
     */
    private Optional<AccessToken> accessToken(boolean loopback) {
        if (token != null) {
            try {
                return Optional.of(new AccessToken(token));
            } catch (IllegalArgumentException e) {
                String generated = loopback ? "" : " to have one generated";
                throw new UsageException("invalid --token: " + e.getMessage() + "; pass at least "
                        + AccessToken.MIN_LENGTH + " random letters and digits, or leave out"
                        + " --token" + generated, e);
            }
        }
        return loopback ? Optional.empty() : Optional.of(AccessToken.random());
    }

    /** Returns the address to open: with {@code ?token=...} when the dashboard has a token. */
    private static String address(Dashboard dashboard, DashboardSettings settings) {
        return dashboard.uri() + settings.token().map(t -> "?token=" + t.value()).orElse("");
    }

    /**
     * Checks that {@code host} names an address of this machine, the only kind a server
     * can bind, before the server tries.
     *
     * @throws UsageException naming the host and the fix
     */
    private static void requireLocalAddress(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null) {
                return;
            }
        } catch (UnknownHostException | SocketException e) {
            // Reported below with the same fix.
        }
        throw new UsageException("invalid --host '" + host + "': it is not an address of this "
                + "machine; use " + DashboardSettings.DEFAULT_HOST + " (this machine only) or "
                + "0.0.0.0 (every interface)");
    }

    /** Starts the server, closing the store and reporting bad input when that fails. */
    private static Dashboard start(JdbcStorage store, DashboardSettings settings) {
        try {
            return Dashboard.start(store, settings);
        } catch (PortInUseException e) {
            store.close();
            int other = e.port() < 65535 ? e.port() + 1 : DashboardSettings.DEFAULT_PORT;
            throw new UsageException("port " + e.port() + " on " + e.host()
                    + " is already in use: stop the program that holds it, or pass another"
                    + " port with --port, such as --port " + other
                    + " (--port 0 picks a free one)", e);
        } catch (IllegalArgumentException e) {
            store.close();
            throw new UsageException("invalid --host: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
