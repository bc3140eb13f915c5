package io.archforge.app.refine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archforge.refine.ChoiceEvidence;
import io.archforge.refine.Refinement;
import io.archforge.refine.ValueEvidence;

/** The chat messages that ask a language model for design rules from a refinement. */
final class RulePrompt {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The instruction, which fixes the reply format. */
    static final String SYSTEM = "You analyse the results of a neural architecture search. "
            + "Reply with one JSON object and nothing else, of the form "
            + "{\"rules\": [\"...\"], \"constraints\": [{\"choice\": \"NAME\", \"remove\": "
            + "[\"VALUE\"], \"reason\": \"...\"}]}. Each rule is one sentence stating a design "
            + "rule that the evidence supports. Each constraint proposes values to remove from "
            + "one choice. Use only the choice names and values given, and never remove a "
            + "value of the best architecture.";

    private RulePrompt() {
    }

    /** Builds the chat request body for {@code model}. */
    static ObjectNode request(String model, Refinement refinement) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", evidence(refinement));
        return body;
    }

    /** States the evidence: the setting in words, the choices and values in JSON. */
    static String evidence(Refinement refinement) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("space", refinement.space());
        json.put("objective", refinement.objective().toString());
        json.put("trials", refinement.trials());
        json.put("top_trials", refinement.topTrials());
        json.put("best_architecture", refinement.bestArchitecture());
        ArrayNode choices = json.putArray("choices");
        for (ChoiceEvidence choice : refinement.choices()) {
            ObjectNode entry = choices.addObject();
            entry.put("choice", choice.choice());
            entry.put("importance", round(choice.importance()));
            ArrayNode values = entry.putArray("values");
            for (ValueEvidence value : choice.values()) {
                ObjectNode row = values.addObject();
                row.put("value", value.value());
                row.put("trials", value.trials());
                row.put("top_trials", value.topTrials());
                if (!Double.isNaN(value.adjustedPValue())) {
                    row.put("adjusted_p_value", round(value.adjustedPValue()));
                }
                row.put("decision", value.decision().id());
            }
        }
        return "A search over space '" + refinement.space() + "' ranked " + refinement.trials()
                + " trials by " + refinement.objective() + ". The top group is the best "
                + refinement.topTrials() + ". For each choice, 'importance' is the share of "
                + "the objective's variance it explains alone, and for each value "
                + "'adjusted_p_value' is a Holm-adjusted one-sided p-value that the value is "
                + "rarer in the top group than chance. State the design rules this evidence "
                + "supports and propose constraints.\n" + json;
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
