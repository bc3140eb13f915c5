package io.archforge.app.domain.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.SearchSpace;
import io.archforge.space.declared.SpaceDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The JSON object that describes the architecture the trial program trains:
 *
 * <pre>
 * {"space": "mlp", "architecture": "layers=2,activation=relu,...",
 *  "choices": {"layers": 2, "activation": "relu"},
 *  "cells": {"normal": [{"from": 0, "to": 1, "operation": "conv3x3"}, ...]},
 *  "trial": 7, "seed": 123456789, "epochs": 3}
 * </pre>
 *
 * <p>{@code cells} appears only for a declared space with cells, whose edge choices it
 * lists instead of {@code choices}; {@code epochs} only when the study sets epochs or a
 * scheduler picks a fidelity.
 */
final class TrialInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrialInput() {
    }

    /** Returns the input as one line of JSON. */
    static String json(Architecture architecture, SearchSpace space,
            Optional<SpaceDefinition> definition, int trial, long seed, OptionalInt epochs) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("space", architecture.space());
        input.put("architecture", architecture.text());
        boolean declared = definition.isPresent()
                && definition.get().name().equals(architecture.space());
        if (declared) {
            input.put("choices", definition.get().choiceValues(architecture));
            if (!definition.get().cells().isEmpty()) {
                input.put("cells", cells(definition.get(), architecture));
            }
        } else {
            input.put("choices", choiceValues(space.unrestricted(), architecture));
        }
        input.put("trial", trial);
        input.put("seed", seed);
        epochs.ifPresent(value -> input.put("epochs", value));
        try {
            return JSON.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the input of " + architecture, e);
        }
    }

    private static Map<String, Object> cells(SpaceDefinition definition,
            Architecture architecture) {
        Map<String, Object> cells = new LinkedHashMap<>();
        definition.cellEdges(architecture).forEach((cell, edges) -> cells.put(cell,
                edges.stream().map(edge -> Map.of("from", edge.source(), "to", edge.target(),
                        "operation", edge.operation())).toList()));
        return cells;
    }

    /** Returns each choice's value by name for a built-in space: option names and numbers. */
    private static Map<String, Object> choiceValues(SearchSpace space,
            Architecture architecture) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Choice> choices = space.choices();
        for (int i = 0; i < choices.size(); i++) {
            Number gene = architecture.genes().get(i);
            if (choices.get(i) instanceof Choice.Categorical categorical) {
                values.put(categorical.name(), categorical.options().get(gene.intValue()));
            } else {
                values.put(choices.get(i).name(), gene);
            }
        }
        return values;
    }
}
