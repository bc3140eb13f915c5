package io.archforge.predictors.text;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Describes an architecture of a choice space by listing every choice and its value,
 * for example {@code "An architecture with 10 choices. s1: depth 2, width 32, kernel 3,
 * expansion 4, residual on. s2: ..."}.
 *
 * <p>A choice name with a dot, such as {@code s1.depth}, is split at its last dot, and
 * consecutive choices that share the part before it are listed under it once. Real
 * values are rounded to {@value #SIGNIFICANT_DIGITS} significant digits.
 */
final class ChoiceDescription {

    /** Significant digits of real-valued choices. */
    static final int SIGNIFICANT_DIGITS = 4;

    private ChoiceDescription() {
    }

    /** Describes {@code architecture}, which must belong to {@code space}. */
    static String of(ChoiceSpace space, Architecture architecture) {
        List<Choice> choices = space.choices();
        StringBuilder text = new StringBuilder("An architecture with ").append(choices.size())
                .append(choices.size() == 1 ? " choice." : " choices.");
        String group = null;
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            String name = choice.name();
            int dot = name.lastIndexOf('.');
            String prefix = dot > 0 ? name.substring(0, dot) : null;
            String key = dot > 0 ? name.substring(dot + 1) : name;
            boolean sameGroup = prefix != null && prefix.equals(group);

            // A new group, or an ungrouped choice, starts a new sentence.
            if (sameGroup) {
                text.append(", ");
            } else {
                text.append(i == 0 ? " " : ". ");
                if (prefix != null) {
                    text.append(words(prefix)).append(": ");
                }
            }
            text.append(words(key)).append(' ').append(value(choice, architecture, i));
            group = prefix;
        }
        if (!choices.isEmpty()) {
            text.append('.');
        }
        return text.toString();
    }

    private static String words(String name) {
        return name.replace('_', ' ').replace('.', ' ');
    }

    private static String value(Choice choice, Architecture architecture, int gene) {
        if (choice instanceof Choice.Categorical categorical) {
            return words(categorical.options().get(architecture.intGene(gene)));
        }
        if (choice instanceof Choice.IntRange) {
            return Integer.toString(architecture.intGene(gene));
        }
        double number = architecture.doubleGene(gene);
        if (!Double.isFinite(number)) {
            return Double.toString(number);
        }
        BigDecimal rounded = new BigDecimal(number)
                .round(new MathContext(SIGNIFICANT_DIGITS));
        return rounded.stripTrailingZeros().toPlainString();
    }
}
