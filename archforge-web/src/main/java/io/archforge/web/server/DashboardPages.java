package io.archforge.web.server;

import io.archforge.storage.Storage;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard's HTML pages. They hold no data: their scripts fetch it from
 * {@link DashboardApi} and poll for changes.
 */
final class DashboardPages {

    private final Storage storage;
    private final DashboardSettings settings;
    private final PageTemplates templates = new PageTemplates();

    DashboardPages(Storage storage, DashboardSettings settings) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** {@code GET /}: the list of studies. */
    void studies(Context ctx) {
        ctx.html(templates.render("studies.html", Map.of(
                "storage", storage.location(),
                "poll_ms", pollMillis())));
    }

    /** {@code GET /study?name=N}: one study; 404 when the store does not hold it. */
    void study(Context ctx) {
        String name = DashboardApi.required(ctx, "name", "/study?name=NAME");
        if (storage.loadStudy(name).isEmpty()) {
            throw RequestFailure.unknownStudy(name, storage.location());
        }
        ctx.html(templates.render("study.html", Map.of(
                "study", name,
                "storage", storage.location(),
                "poll_ms", pollMillis())));
    }

    /** Sends an HTML page that states why a page request failed. */
    void failure(Context ctx, int status, String title, String message) {
        ctx.status(status).html(templates.render("message.html", Map.of(
                "title", title,
                "message", message)));
    }

    private String pollMillis() {
        return Long.toString(settings.pollInterval().toMillis());
    }
}
