package io.archforge.web;

import io.archforge.space.SearchSpace;
import io.archforge.space.StoredSpaceProvider;
import io.archforge.space.declared.ChoiceDefinition;
import io.archforge.space.declared.SpaceDefinition;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A SQLite store whose every user-supplied string is markup or script: study names, the
 * space and its decisions, evaluator and strategy names and options, metric names,
 * architectures, trial and study attributes, errors, and the store's own file name. Each
 * script, if a page ran it, would set {@code window.__pwned} and the document title; each
 * {@code <u>} element, if a page parsed it as markup, would appear in the DOM.
 *
 * <p>The space is a declared space that {@link Provider} rebuilds, so the dashboard draws
 * its architectures and computes the importance of its decisions.
 */
public final class HostileStudy {

    /** Closes a title, a text area and a style sheet, then injects an image with a handler. */
    static final String CLOSING_TAGS = "</textarea></title></style><img src=x"
            + " onerror=window.__pwned=4>";

    /** Breaks out of a double-quoted attribute with an image whose handler runs. */
    static final String ATTRIBUTE = "\"><img src=x onerror=\"window.__pwned=2;"
            + "document.title='pwned'\">";

    /** A script element. */
    static final String SCRIPT = "<script>window.__pwned=1;document.title='pwned'</script>";

    /** Breaks out of a single-quoted attribute with an SVG whose handler runs. */
    static final String SVG = "'><svg onload=window.__pwned=3>";

    /** A study name that a link would run as script if used as its address. */
    static final String JAVASCRIPT_URL = "javascript:window.__pwned=5//";

    /** Template markers, a template expression and unicode line separators in a script. */
    static final String TEMPLATE = "{{storage}}{{constructor.constructor('window.__pwned=6')()}}"
            + "\u2028\u2029</script><script>window.__pwned=7</script>";

    /** A string literal break-out with a backslash, and entities that must stay text. */
    static final String QUOTES = "\\\"';window.__pwned=9;// &amp; &lt;u&gt;";

    /**
     * The main study's name: several of the above at once, within the 200 characters a
     * study name may have.
     */
    static final String NAME = SCRIPT + ATTRIBUTE + "{{storage}}\u2028\u2029" + QUOTES;

    /** A second study, named to break out of attributes and tags. */
    static final String NAME_2 = SVG + CLOSING_TAGS;

    /**
     * The declared space's name and decisions. Declared names may not contain ',' or '=',
     * so these use {@code <u>} markers and a script that needs neither.
     */
    static final String SPACE = "<u>space</u>";
    static final String DECISION_1 = "<u>depth</u>";
    static final String DECISION_2 = "<script>eval(atob('d2luZG93Ll9fcHduZWQ9MTA7'))</script>";
    static final List<String> VALUES_1 = List.of("\"><u>wide</u>", "</textarea><u>x</u>");
    static final List<String> VALUES_2 = List.of("'q'", "<u>deep</u>");

    /** The metric names: both objectives and the one reported while a trial runs. */
    static final String METRIC_1 = "\"><img src=x onerror=window.__pwned=12>";
    static final String METRIC_2 = "<u>cost</u>";
    static final String CURVE = SCRIPT;

    /** The number of complete trials, enough for parameter importance. */
    static final int COMPLETE = 12;

    /** Every hostile string, for checks that none appears unescaped. */
    static final List<String> ALL = List.of(CLOSING_TAGS, ATTRIBUTE, SCRIPT, SVG, TEMPLATE,
            SPACE, DECISION_1, DECISION_2, VALUES_1.get(0), VALUES_1.get(1), VALUES_2.get(1),
            METRIC_1, METRIC_2);

    private HostileStudy() {
    }

    /** Returns the declared space. */
    static SpaceDefinition space() {
        return new SpaceDefinition(SPACE, List.of(
                new ChoiceDefinition.Categorical(DECISION_1, VALUES_1),
                new ChoiceDefinition.Categorical(DECISION_2, VALUES_2)), List.of());
    }

    /**
     * Creates the store in {@code dir}, its file name hostile too, and returns its path.
     * It contains study {@link #NAME}, of {@value #COMPLETE} complete trials and a failed
     * one, and study {@link #NAME_2} and study {@link #JAVASCRIPT_URL} of one trial each.
     */
    static Path create(Path dir) {
        Path file = dir.resolve("<u>store</u> \"'&.db");
        try (Storage storage = Storages.open("sqlite:" + file)) {
            storage.createStudy(config(NAME));
            fill(storage);
            for (String other : List.of(NAME_2, JAVASCRIPT_URL)) {
                storage.createStudy(config(other));
                int number = storage.createTrial(other, SCRIPT, 0, Map.of(CLOSING_TAGS, SVG));
                storage.finishTrial(other, number, TrialState.COMPLETE,
                        Map.of(METRIC_1, 1.0, METRIC_2, 2.0), Map.of(), Optional.empty());
            }
        }
        return file;
    }

    private static StudyConfig config(String name) {
        return new StudyConfig(name, SPACE, "<u>evaluator</u>", Map.of(ATTRIBUTE, CLOSING_TAGS),
                SVG, Map.of(SCRIPT, TEMPLATE),
                List.of(Objective.maximize(METRIC_1), Objective.minimize(METRIC_2)), 3);
    }

    private static void fill(Storage storage) {
        SearchSpace space = space().toSpace();
        Random random = new Random(5);
        storage.setStudyAttribute(NAME, TEMPLATE, SCRIPT);
        storage.setStudyAttribute(NAME, "note", ATTRIBUTE + QUOTES);
        for (int i = 0; i < COMPLETE; i++) {
            String architecture = space.sample(random).text();
            int number = storage.createTrial(NAME, architecture, i,
                    Map.of(CLOSING_TAGS, ATTRIBUTE));
            for (int step = 0; step < 3; step++) {
                storage.reportIntermediate(NAME, number, step, CURVE, 0.1 * step + i / 100.0);
            }
            storage.finishTrial(NAME, number, TrialState.COMPLETE,
                    Map.of(METRIC_1, 0.5 + random.nextDouble() / 2, METRIC_2, 1.0 + i % 4),
                    Map.of("note", SVG + QUOTES), Optional.empty());
        }
        int failed = storage.createTrial(NAME, SCRIPT + ATTRIBUTE, 99, Map.of());
        storage.finishTrial(NAME, failed, TrialState.FAILED, Map.of(), Map.of(),
                Optional.of(CLOSING_TAGS + TEMPLATE));
    }

    /** Rebuilds the declared space of the hostile study for the dashboard and the report. */
    public static final class Provider implements StoredSpaceProvider {

        @Override
        public Optional<SearchSpace> space(String name, Map<String, String> evaluatorOptions) {
            return name.equals(SPACE) ? Optional.of(HostileStudy.space().toSpace())
                    : Optional.empty();
        }
    }
}
