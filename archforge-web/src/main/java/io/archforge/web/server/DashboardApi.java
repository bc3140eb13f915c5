package io.archforge.web.server;

import io.archforge.space.ArchitectureFormatException;
import io.archforge.space.SearchSpace;
import io.archforge.storage.Storage;
import io.archforge.study.FrozenTrial;
import io.archforge.web.analysis.StudySnapshot;
import io.archforge.web.drawing.ArchitectureDrawings;
import io.archforge.web.view.DrawingViews;
import io.archforge.web.view.Json;
import io.archforge.web.view.StudyViews;
import io.archforge.web.view.TrialViews;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON API the dashboard pages fetch. Every route reads the store afresh, so a
 * poll gets the trials a running study has added since.
 * <ul>
 *   <li>{@code GET /api/studies}: every study with its trial counts by state;</li>
 *   <li>{@code GET /api/study?name=N}: one study's configuration and analyses;</li>
 *   <li>{@code GET /api/trials?study=N}: every trial of a study;</li>
 *   <li>{@code GET /api/graph?study=N&trial=K}: the drawing of one trial's architecture.</li>
 * </ul>
 * Query parameters carry study names, so a name may contain any character.
 */
final class DashboardApi {

    private static final String GRAPH_EXAMPLE = "/api/graph?study=NAME&trial=0";

    private final Storage storage;

    DashboardApi(Storage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    void studies(Context ctx) {
        send(ctx, StudyViews.studies(storage));
    }

    void study(Context ctx) {
        send(ctx, StudyViews.study(snapshot(required(ctx, "name", "/api/study?name=NAME"))));
    }

    void trials(Context ctx) {
        StudySnapshot study = snapshot(required(ctx, "study", "/api/trials?study=NAME"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("study", study.name());
        view.put("trials", study.trials().stream().map(TrialViews::full).toList());
        send(ctx, view);
    }

    void graph(Context ctx) {
        String name = required(ctx, "study", GRAPH_EXAMPLE);
        int number = trialNumber(required(ctx, "trial", GRAPH_EXAMPLE));
        StudySnapshot study = snapshot(name);
        FrozenTrial trial = storage.trial(name, number).orElseThrow(() -> new RequestFailure(
                404, "Trial " + number + " not found in study '" + name + "'."));
        SearchSpace space = study.space().orElseThrow(() -> new RequestFailure(404,
                "Cannot draw trial " + number + ": space '" + study.config().space()
                        + "' is not a built-in space."));
        try {
            send(ctx, DrawingViews.drawing(number,
                    ArchitectureDrawings.of(space, trial.architecture())));
        } catch (ArchitectureFormatException e) {
            throw new RequestFailure(422, "Cannot draw trial " + number + ": " + e.getMessage());
        }
    }

    /** Reads study {@code name}, or fails with 404 when the store does not hold it. */
    StudySnapshot snapshot(String name) {
        return StudySnapshot.read(storage, name)
                .orElseThrow(() -> RequestFailure.unknownStudy(name, storage.location()));
    }

    /** Returns query parameter {@code parameter}, or fails with 400 naming {@code example}. */
    static String required(Context ctx, String parameter, String example) {
        String value = ctx.queryParam(parameter);
        if (value == null || value.isEmpty()) {
            throw RequestFailure.missingParameter(parameter, example);
        }
        return value;
    }

    private static int trialNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RequestFailure(400, "Invalid trial number '" + text
                    + "': use a whole number such as 0.");
        }
    }

    private static void send(Context ctx, Object view) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(Json.compact(view));
    }
}
