package io.archforge.app.setup;

import io.archforge.app.config.SpaceDefinitions;
import io.archforge.app.domain.command.CommandSettings;
import io.archforge.space.declared.SpaceDefinition;
import io.archforge.study.StudyConfig;
import java.util.Optional;

/** Finds the declared space stored with a study, so it is rebuilt without its file. */
public final class DeclaredSpaces {

    private DeclaredSpaces() {
    }

    /**
     * Returns the space definition stored with {@code config} when the study searches it.
     *
     * @throws IllegalArgumentException when the stored definition is invalid
     */
    public static Optional<SpaceDefinition> stored(StudyConfig config) {
        return SpaceDefinitions.stored(config.evaluatorOptions(),
                CommandSettings.SPACE_DEFINITION,
                "the space definition stored with study '" + config.name() + "'")
                .filter(definition -> definition.name().equals(config.space()));
    }

    /**
     * Returns the space definition that {@code spec} carries, such as the one a command
     * evaluator read from {@code --space-file}.
     *
     * @throws IllegalArgumentException when the definition is invalid
     */
    public static Optional<SpaceDefinition> of(DatasetSpec spec) {
        return SpaceDefinitions.stored(spec.evaluatorOptions(), CommandSettings.SPACE_DEFINITION,
                "the space definition of " + spec.displayName());
    }
}
