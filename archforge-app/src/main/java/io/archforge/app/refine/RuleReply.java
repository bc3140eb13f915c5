package io.archforge.app.refine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.refine.ChoiceEvidence;
import io.archforge.refine.Decision;
import io.archforge.refine.Refinement;
import io.archforge.refine.ValueEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a language model's chat reply into {@link DesignRules}, checking each proposed
 * constraint against the refined space: the choice must exist and not be real-valued,
 * every value must be a value of it, no value of the best architecture may be removed,
 * and the choice must keep a value. A constraint that fails a check is dropped with a
 * note; a reply that is not the requested JSON fails as a whole.
 */
final class RuleReply {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RuleReply() {
    }

    /**
     * Parses the body of an OpenAI-style chat completion.
     *
     * @throws LanguageModelException when the body or the message in it is not the
     *     requested JSON
     */
    static DesignRules parse(String body, String model, Refinement refinement) {
        JsonNode content = readTree(body, "the reply body").at("/choices/0/message/content");
        if (!content.isTextual()) {
            throw new LanguageModelException("the language model's reply has no "
                    + "choices[0].message.content text");
        }

        // The message itself: a JSON object, possibly fenced as Markdown.
        JsonNode answer = readTree(stripFence(content.asText()), "the message content");
        if (!answer.isObject()) {
            throw new LanguageModelException("the language model's message is not a JSON "
                    + "object: " + shorten(content.asText()));
        }

        // Rules: every non-blank string.
        List<String> rules = new ArrayList<>();
        JsonNode ruleArray = answer.path("rules");
        if (!ruleArray.isMissingNode() && !ruleArray.isArray()) {
            throw new LanguageModelException("the language model's 'rules' is not an array");
        }
        ruleArray.forEach(rule -> {
            if (rule.isTextual() && !rule.asText().isBlank()) {
                rules.add(rule.asText().strip());
            }
        });

        // Constraints: kept when they pass the checks, dropped with a note otherwise.
        List<DesignRules.Constraint> constraints = new ArrayList<>();
        List<DesignRules.Dropped> dropped = new ArrayList<>();
        for (JsonNode proposal : answer.path("constraints")) {
            Optional<String> problem = problem(proposal, refinement);
            if (problem.isPresent()) {
                dropped.add(new DesignRules.Dropped(proposal.toString(), problem.get()));
            } else {
                constraints.add(constraint(proposal));
            }
        }
        return new DesignRules(model, rules, constraints, dropped);
    }

    private static JsonNode readTree(String text, String what) {
        try {
            JsonNode json = MAPPER.readTree(text);
            if (json == null) {
                throw new LanguageModelException(what + " is empty");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new LanguageModelException(what + " is not JSON (" + e.getOriginalMessage()
                    + "): " + shorten(text));
        }
    }

    /** Removes a Markdown code fence around the JSON, which chat models often add. */
    private static String stripFence(String text) {
        String stripped = text.strip();
        if (stripped.startsWith("```")) {
            int start = stripped.indexOf('\n');
            int end = stripped.lastIndexOf("```");
            if (start > 0 && end > start) {
                return stripped.substring(start + 1, end);
            }
        }
        return stripped;
    }

    /** Returns why a proposed constraint cannot be used, or empty when it can. */
    private static Optional<String> problem(JsonNode proposal, Refinement refinement) {
        if (!proposal.isObject() || !proposal.path("choice").isTextual()) {
            return Optional.of("it has no 'choice' name");
        }
        String name = proposal.get("choice").asText();
        Optional<ChoiceEvidence> found = refinement.choices().stream()
                .filter(c -> c.choice().equals(name)).findFirst();
        if (found.isEmpty()) {
            return Optional.of("space '" + refinement.space() + "' has no choice '" + name + "'");
        }
        ChoiceEvidence choice = found.get();

        // The choice exists: check the values it would lose.
        if (choice.kind() == ChoiceEvidence.Kind.REAL) {
            return Optional.of("choice '" + name + "' is real-valued and stays whole");
        }
        JsonNode remove = proposal.path("remove");
        if (!remove.isArray() || remove.isEmpty()) {
            return Optional.of("it has no 'remove' list of values");
        }
        List<String> removed = new ArrayList<>();
        for (JsonNode value : remove) {
            Optional<ValueEvidence> evidence = choice.values().stream()
                    .filter(v -> v.value().equals(value.asText())).findFirst();
            if ((!value.isTextual() && !value.isNumber()) || evidence.isEmpty()) {
                return Optional.of("'" + value.asText() + "' is not a value of choice '" + name
                        + "', whose values are " + choice.values().stream()
                                .map(ValueEvidence::value).toList());
            }
            if (evidence.get().decision() == Decision.KEPT_IN_BEST) {
                return Optional.of("the best architecture uses '" + value.asText() + "' on '"
                        + name + "'");
            }
            removed.add(value.asText());
        }
        if (removed.containsAll(choice.keptValues())) {
            return Optional.of("it would leave choice '" + name + "' without a value");
        }
        return Optional.empty();
    }

    private static DesignRules.Constraint constraint(JsonNode proposal) {
        List<String> remove = new ArrayList<>();
        proposal.get("remove").forEach(value -> remove.add(value.asText()));
        String reason = proposal.path("reason").isTextual()
                ? proposal.get("reason").asText().strip() : "";
        return new DesignRules.Constraint(proposal.get("choice").asText(), remove, reason);
    }

    /** Returns the first 200 characters of a text on one line, for error messages. */
    static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
