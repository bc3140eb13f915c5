package io.archforge.app.setup;

import io.archforge.app.config.SpaceDefinitions;
import io.archforge.app.domain.command.CommandSettings;
import io.archforge.space.SearchSpace;
import io.archforge.space.StoredSpaceProvider;
import io.archforge.space.declared.SpaceDefinition;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds a space declared in YAML from the definition a study stores, for readers of
 * the study outside this module, such as the dashboard.
 */
public final class DeclaredSpaceProvider implements StoredSpaceProvider {

    @Override
    public Optional<SearchSpace> space(String name, Map<String, String> evaluatorOptions) {
        return SpaceDefinitions.stored(evaluatorOptions, CommandSettings.SPACE_DEFINITION,
                        "the space definition stored as " + CommandSettings.SPACE_DEFINITION)
                .filter(definition -> definition.name().equals(name))
                .map(SpaceDefinition::toSpace);
    }
}
