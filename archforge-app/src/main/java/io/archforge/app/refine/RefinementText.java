package io.archforge.app.refine;

import io.archforge.app.output.TextTable;
import io.archforge.refine.ChoiceEvidence;
import io.archforge.refine.Refinement;
import io.archforge.refine.ValueEvidence;
import java.util.List;
import java.util.Locale;

/** The text form of a refinement: a summary, one table row per value, the kept values. */
final class RefinementText {

    private RefinementText() {
    }

    static String render(Refinement refinement) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Study '%s' (space %s): %d complete trials; the "
                + "top group is the best %d by %s; confidence %s.%n", refinement.study(),
                refinement.space(), refinement.trials(), refinement.topTrials(),
                refinement.objective(), refinement.confidence()));
        text.append("Best trial #").append(refinement.bestTrial()).append(": ")
                .append(refinement.bestArchitecture()).append('\n');
        text.append("Refined space: ").append(size(refinement.sizeAfter())).append(" of ")
                .append(size(refinement.sizeBefore())).append(" architectures, ")
                .append(refinement.removedCount()).append(" value(s) removed.\n\n");
        text.append(table(refinement)).append('\n');
        text.append("Allowed values:\n");
        for (ChoiceEvidence choice : refinement.choices()) {
            text.append("  ").append(choice.choice()).append(": ");
            List<String> kept = choice.keptValues();
            text.append(choice.kind() == ChoiceEvidence.Kind.REAL ? "whole range"
                    : String.join(", ", kept)).append('\n');
        }
        return text.toString();
    }

    private static String table(Refinement refinement) {
        TextTable table = new TextTable(List.of("choice", "#importance", "value", "#trials",
                "#top", "#p", "#adjusted p", "decision", "reason"));
        for (ChoiceEvidence choice : refinement.choices()) {
            String importance = String.format(Locale.ROOT, "%.3f", choice.importance());
            if (choice.values().isEmpty()) {
                table.add(List.of(choice.choice(), importance, "(real)", "", "", "", "",
                        "kept", "Real-valued choices are left whole."));
            }
            boolean first = true;
            for (ValueEvidence value : choice.values()) {
                table.add(List.of(first ? choice.choice() : "", first ? importance : "",
                        value.value(), Integer.toString(value.trials()),
                        Integer.toString(value.topTrials()), probability(value.pValue()),
                        probability(value.adjustedPValue()), value.decision().id(),
                        value.reason()));
                first = false;
            }
        }
        return table.render();
    }

    private static String probability(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value != 0 && value < 0.001 ? String.format(Locale.ROOT, "%.1e", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String size(long size) {
        return size < 0 ? "infinitely many (a real-valued choice)"
                : String.format(Locale.ROOT, "%,d", size);
    }
}
