package io.archforge.app.refine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The design rules and proposed constraints that a language model read from a
 * refinement's evidence, the constraints checked against the space. Both are proposals: they are stored
 * and printed, but never change the refined space.
 *
 * @param model the model that wrote them
 * @param rules stated design rules, one sentence each
 * @param constraints the proposed constraints that passed the checks
 * @param dropped the proposed constraints that failed a check, with the reason
 */
public record DesignRules(String model, List<String> rules, List<Constraint> constraints,
        List<Dropped> dropped) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public DesignRules {
        Objects.requireNonNull(model, "model");
        rules = List.copyOf(rules);
        constraints = List.copyOf(constraints);
        dropped = List.copyOf(dropped);
    }

    /**
     * A proposal to remove values from one choice.
     *
     * @param choice the choice name
     * @param remove the values to remove, as the string form writes them
     * @param reason the model's reason, possibly empty
     */
    public record Constraint(String choice, List<String> remove, String reason) {

        public Constraint {
            Objects.requireNonNull(choice, "choice");
            remove = List.copyOf(remove);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A proposed constraint that was dropped.
     *
     * @param proposal the proposal as the model wrote it, in JSON
     * @param note why it was dropped
     */
    public record Dropped(String proposal, String note) {

        public Dropped {
            Objects.requireNonNull(proposal, "proposal");
            Objects.requireNonNull(note, "note");
        }
    }

    /** Returns the JSON form stored as {@value RefinementAttributes#LLM_RULES}. */
    public ObjectNode toJson() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("model", model);
        ArrayNode ruleArray = json.putArray("rules");
        rules.forEach(ruleArray::add);
        ArrayNode constraintArray = json.putArray("constraints");
        for (Constraint constraint : constraints) {
            ObjectNode entry = constraintArray.addObject();
            entry.put("choice", constraint.choice());
            ArrayNode remove = entry.putArray("remove");
            constraint.remove().forEach(remove::add);
            entry.put("reason", constraint.reason());
        }
        ArrayNode droppedArray = json.putArray("dropped");
        for (Dropped entry : dropped) {
            droppedArray.addObject().put("proposal", entry.proposal()).put("note", entry.note());
        }
        return json;
    }

    /** Returns the rules and constraints as indented lines for the terminal. */
    public String toText() {
        StringBuilder text = new StringBuilder("Design rules from language model '" + model
                + "' (proposals; the refined space above does not use them):\n");
        if (rules.isEmpty()) {
            text.append("  (none)\n");
        }
        rules.forEach(rule -> text.append("  - ").append(rule).append('\n'));
        text.append("Proposed constraints:\n");
        if (constraints.isEmpty()) {
            text.append("  (none)\n");
        }
        for (Constraint constraint : constraints) {
            text.append("  - remove ").append(String.join(", ", constraint.remove()))
                    .append(" from ").append(constraint.choice());
            if (!constraint.reason().isBlank()) {
                text.append(": ").append(constraint.reason());
            }
            text.append('\n');
        }
        if (!dropped.isEmpty()) {
            text.append("Dropped proposals:\n");
            dropped.forEach(entry -> text.append("  - ").append(entry.proposal()).append(": ")
                    .append(entry.note()).append('\n'));
        }
        return text.toString();
    }
}
