package io.archforge.app.refine;

import io.archforge.app.cli.UsageException;
import io.archforge.app.setup.StudySpaces;
import io.archforge.app.setup.TrainingSettings;
import io.archforge.refine.Refinement;
import io.archforge.space.RecipeRanges;
import io.archforge.space.RecipeSpace;
import io.archforge.storage.Storage;
import io.archforge.study.StudyConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resolves {@code search --space-from STUDY}: the refinement stored with the source
 * study, copied into the attributes of the study being searched so that the study, when
 * resumed or joined by workers, searches the same refined space without the source.
 */
public final class SpaceSources {

    private SpaceSources() {
    }

    /**
     * Returns the attributes to store with {@code target} before its first trial:
     * {@value RefinementAttributes#REFINED_SPACE} and
     * {@value RefinementAttributes#REFINED_FROM}, or none when a resumed study already
     * stores the refinement of {@code source}.
     *
     * @param storage the store that contains both studies
     * @param source the study named by {@code --space-from}
     * @param target the configuration of the study being searched
     * @param resumed whether {@code target} exists in the store
     * @throws UsageException when the source study is missing, has no stored refinement,
     *     or was refined in another space, or when a resumed study searches another space
     */
    public static Map<String, String> copy(Storage storage, String source, StudyConfig target,
            boolean resumed) {
        String name = source.strip();
        if (name.isEmpty()) {
            throw new UsageException("--space-from is empty: name a study that "
                    + "'archforge refine' has refined");
        }
        if (name.equals(target.name())) {
            throw new UsageException("--space-from " + name + " names the study being "
                    + "searched; refine it, then search a new --study with --space-from "
                    + name);
        }
        String json = storedRefinement(storage, name);
        Refinement refinement = parse(name, json);
        requireSameSpace(storage, refinement, name, target);
        if (resumed) {
            return resumedCopy(storage, name, target, json);
        }
        return Map.of(RefinementAttributes.REFINED_SPACE, json,
                RefinementAttributes.REFINED_FROM, name);
    }

    private static String storedRefinement(Storage storage, String name) {
        if (storage.loadStudy(name).isEmpty()) {
            throw new UsageException("study '" + name + "' given to --space-from not found in "
                    + storage.location() + "; run 'archforge study list' to see the stored "
                    + "studies");
        }
        String json = storage.studyAttributes(name).get(RefinementAttributes.REFINEMENT);
        if (json == null) {
            throw new UsageException("study '" + name + "' has no stored refinement; run "
                    + "'archforge refine " + name + " --confidence 0.95' first");
        }
        return json;
    }

    private static Refinement parse(String name, String json) {
        try {
            return RefinementJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the refinement stored with study '" + name
                    + "' is invalid (" + e.getMessage() + "); run 'archforge refine " + name
                    + "' again");
        }
    }

    private static void requireSameSpace(Storage storage, Refinement refinement,
            String name, StudyConfig target) {
        if (!refinement.space().equals(target.space())) {
            throw new UsageException("study '" + name + "' was refined in space '"
                    + refinement.space() + "', but study '" + target.name() + "' searches space '"
                    + target.space() + "'; give --space " + refinement.space()
                    + ", or refine a study of space '" + target.space() + "'");
        }
        Optional<String> difference = refinement.difference(StudySpaces.parsing(target));
        if (difference.isPresent()) {
            throw new UsageException("the refinement of study '" + name + "' does not fit "
                    + "study '" + target.name() + "': " + difference.get() + "; "
                    + fittingAdvice(storage, name, target));
        }
    }

    /**
     * Returns what makes the target's space the source's: for a tuned recipe, the options
     * that set its ranges, else a new refinement.
     */
    private static String fittingAdvice(Storage storage, String name, StudyConfig target) {
        Optional<StudyConfig> source = storage.loadStudy(name);
        if (!target.space().equals(RecipeSpace.NAME) || source.isEmpty()) {
            return "run 'archforge refine " + name + "' again";
        }
        List<String> options = new ArrayList<>();
        Map<String, String> stored = source.get().evaluatorOptions();
        new TreeMap<>(stored).forEach((key, value) -> {
            if (key.startsWith(RecipeRanges.OPTION_PREFIX)) {
                options.add("--recipe-range "
                        + key.substring(RecipeRanges.OPTION_PREFIX.length()) + "=" + value);
            }
        });
        Optional.ofNullable(stored.get(TrainingSettings.EPOCHS))
                .ifPresent(epochs -> options.add("--epochs " + epochs));
        source.get().scheduler().ifPresent(scheduler -> options.add("--scheduler "
                + scheduler));
        if (options.isEmpty()) {
            return "search with the default recipe ranges and epochs, as study '" + name
                    + "' did";
        }
        return "search with the recipe options of study '" + name + "': "
                + String.join(" ", options);
    }

    /** Checks a resumed study against {@code --space-from}. */
    private static Map<String, String> resumedCopy(Storage storage, String name,
            StudyConfig target, String json) {
        Map<String, String> stored = storage.studyAttributes(target.name());
        Optional<String> from =
                Optional.ofNullable(stored.get(RefinementAttributes.REFINED_FROM));
        if (from.isPresent() && from.get().equals(name)) {
            return Map.of();
        }
        if (from.isPresent()) {
            throw new UsageException("study '" + target.name() + "' was created with "
                    + "--space-from " + from.get() + ", not " + name + "; repeat --space-from "
                    + from.get() + " or choose a new --study name");
        }
        // A study created a moment before its attributes were written has no trial yet.
        if (storage.counts(target.name()).nextNumber() == 0) {
            return Map.of(RefinementAttributes.REFINED_SPACE, json,
                    RefinementAttributes.REFINED_FROM, name);
        }
        throw new UsageException("study '" + target.name() + "' exists and searches the full "
                + "space; choose a new --study name to search the refined space of " + name);
    }
}
