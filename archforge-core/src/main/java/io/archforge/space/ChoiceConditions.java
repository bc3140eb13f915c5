package io.archforge.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks, activity and canonical genes that {@link ChoiceCondition}s give a space. */
final class ChoiceConditions {

    private ChoiceConditions() {
    }

    /**
     * Checks that each condition names a choice of the space, at most one condition per
     * choice, and a controller that is an unconditioned integer choice.
     *
     * @throws IllegalArgumentException naming the space, the condition and the rule broken
     */
    static void check(String space, List<Choice> choices, List<ChoiceCondition> conditions) {
        List<String> names = choices.stream().map(Choice::name).toList();
        Set<String> conditioned = new HashSet<>();
        for (ChoiceCondition condition : conditions) {
            if (!names.contains(condition.choice())) {
                throw invalid(space, condition, "the space has no choice '" + condition.choice()
                        + "'; valid choices are " + names);
            }
            if (!conditioned.add(condition.choice())) {
                throw invalid(space, condition, "the choice already has a condition");
            }
            int controller = names.indexOf(condition.controller());
            if (controller < 0 || !(choices.get(controller) instanceof Choice.IntRange)) {
                throw invalid(space, condition, "the controller must be an integer choice of "
                        + names);
            }
        }
        for (ChoiceCondition condition : conditions) {
            if (conditioned.contains(condition.controller())) {
                throw invalid(space, condition, "the controller '" + condition.controller()
                        + "' has a condition of its own");
            }
        }
    }

    private static IllegalArgumentException invalid(String space, ChoiceCondition condition,
            String reason) {
        return new IllegalArgumentException("invalid condition " + condition + " in space '"
                + space + "': " + reason);
    }

    /** Returns whether choice {@code index} is active in the architecture with these genes. */
    static boolean isActive(ChoiceSpace space, List<? extends Number> genes, int index) {
        String name = space.choices().get(index).name();
        for (ChoiceCondition condition : space.conditions()) {
            if (condition.choice().equals(name)) {
                int controller = space.indexOf(condition.controller());
                return genes.get(controller).intValue() >= condition.minimum();
            }
        }
        return true;
    }

    /** Returns the genes with every inactive choice set to its first value. */
    static List<Number> canonical(ChoiceSpace space, List<Number> genes) {
        if (space.conditions().isEmpty()) {
            return genes;
        }
        List<Number> canonical = new ArrayList<>(genes);
        for (int i = 0; i < genes.size(); i++) {
            if (!isActive(space, genes, i)) {
                canonical.set(i, firstValue(space.choices().get(i)));
            }
        }
        return canonical;
    }

    private static Number firstValue(Choice choice) {
        if (choice instanceof Choice.FloatRange range) {
            return range.low();
        }
        return ChoiceValues.discreteValues(choice).get(0);
    }

    /**
     * Counts the distinct canonical gene vectors: for each combination of controller
     * values, the product of the value counts of the choices active under it. Returns -1
     * when an active choice is real-valued, and {@link Long#MAX_VALUE} on overflow.
     */
    static long count(ChoiceSpace space) {
        List<Integer> controllers = controllerIndexes(space);
        List<Number> genes = new ArrayList<>(firstGenes(space));
        try {
            return countFrom(space, controllers, 0, genes);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long countFrom(ChoiceSpace space, List<Integer> controllers, int depth,
            List<Number> genes) {
        if (depth == controllers.size()) {
            return activeProduct(space, controllers, genes);
        }
        int index = controllers.get(depth);
        long total = 0;
        for (Number value : ChoiceValues.discreteValues(space.choices().get(index))) {
            genes.set(index, value);
            long count = countFrom(space, controllers, depth + 1, genes);
            if (count < 0) {
                return -1;
            }
            total = Math.addExact(total, count);
        }
        return total;
    }

    private static long activeProduct(ChoiceSpace space, List<Integer> controllers,
            List<Number> genes) {
        long product = 1;
        for (int i = 0; i < genes.size(); i++) {
            if (controllers.contains(i) || !isActive(space, genes, i)) {
                continue;
            }
            long count = ChoiceValues.count(space.choices().get(i));
            if (count < 0) {
                return -1;
            }
            product = Math.multiplyExact(product, count);
        }
        return product;
    }

    private static List<Integer> controllerIndexes(ChoiceSpace space) {
        return space.conditions().stream().map(ChoiceCondition::controller).distinct()
                .map(space::indexOf).toList();
    }

    private static List<Number> firstGenes(ChoiceSpace space) {
        return space.choices().stream().map(ChoiceConditions::firstValue).toList();
    }
}
