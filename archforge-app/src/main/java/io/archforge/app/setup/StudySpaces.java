package io.archforge.app.setup;

import io.archforge.app.cli.UsageException;
import io.archforge.app.refine.RefinementAttributes;
import io.archforge.app.refine.RefinementJson;
import io.archforge.space.RecipeSpace;
import io.archforge.space.SearchSpace;
import io.archforge.space.SearchSpaces;
import io.archforge.space.declared.SpaceDefinition;
import io.archforge.study.StudyConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the space a stored study searches, the same way wherever it runs. It is the
 * space the configuration names, with the stored recipe ranges when the study tunes the
 * recipe, narrowed to the stored refinement when there is one.
 */
public final class StudySpaces {

    private StudySpaces() {
    }

    /**
     * Returns the space the architectures of {@code config} belong to, enough to parse and
     * evaluate them: the declared space stored with the study, if any, else a built-in one.
     * It ignores any stored refinement, which only narrows what a strategy proposes.
     *
     * @throws IllegalArgumentException when the configuration names no known space
     */
    public static SearchSpace parsing(StudyConfig config) {
        Optional<SpaceDefinition> declared = DeclaredSpaces.stored(config);
        if (declared.isPresent()) {
            return declared.get().toSpace();
        }
        if (config.space().equals(RecipeSpace.NAME)) {
            return recipeSpace(config);
        }
        return SearchSpaces.byName(config.space());
    }

    /**
     * Builds the {@value RecipeSpace#NAME} space of {@code config} from its stored options
     * ({@link RecipeSpace#fromOptions}), without an epochs choice when a scheduler sets the
     * epochs.
     *
     * @throws IllegalArgumentException when a stored range or the stored epochs are invalid
     */
    private static SearchSpace recipeSpace(StudyConfig config) {
        return RecipeSpace.fromOptions(config.evaluatorOptions(), config.scheduler().isEmpty());
    }

    /**
     * Returns the space a strategy searches for {@code config}: {@link #parsing} narrowed to the
     * refinement stored as {@value RefinementAttributes#REFINED_SPACE}, if any.
     *
     * @param attributes the study's stored attributes
     * @throws IllegalArgumentException when the configuration names no known space
     * @throws io.archforge.app.cli.UsageException when the stored refinement is invalid
     *     or does not fit the space
     */
    public static SearchSpace searched(StudyConfig config, Map<String, String> attributes) {
        SearchSpace space = parsing(config);
        String stored = attributes.get(RefinementAttributes.REFINED_SPACE);
        if (stored == null) {
            return space;
        }
        try {
            return RefinementJson.read(stored).apply(space);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the refined space stored with study '" + config.name()
                    + "' as '" + RefinementAttributes.REFINED_SPACE + "' cannot be used ("
                    + e.getMessage() + "); search a new study with --space-from");
        }
    }
}
