package io.archforge.refine;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.RefinedSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.Constraint;
import io.archforge.study.Constraints;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Narrows a study's space to the values that its trials do not show to be poor.
 *
 * <p>The complete, full-fidelity trials with a finite value of the objective are
 * ranked as {@link Study#bestOf} ranks them: least constraint violation first, then by
 * the objective, then by trial number. The best {@code ceil(topFraction * N)} of the
 * {@code N} trials form the top group. For each value of each categorical or integer
 * choice, {@code n} trials take the value and {@code t} of them are in the top group.
 * If the value had no bearing on the rank, {@code t} would follow the hypergeometric
 * distribution of {@code n} draws from {@code N} trials with {@code K} in the top
 * group, so the one-sided p-value that the value is depleted in the top group is
 * {@code P(X <= t)}.
 *
 * <p>A space has many values, and testing each at level {@code 1 - C} would remove
 * some good values by chance alone: with the 30 values of NAS-Bench-201 and C = 0.95,
 * about 1.5 under the null hypothesis. Removing a good value can make the optimum
 * unreachable, while keeping a poor one costs only some trials, so the p-values are
 * adjusted with Holm's method over every tested value (those with at least one trial),
 * and a value is removed when its adjusted p-value is below {@code 1 - C}. The chance
 * that any value without bearing on the rank is removed is then at most {@code 1 - C}.
 *
 * <p>Three rules override the test: a value of the best trial's architecture is always
 * kept (even one the searched space had excluded), a value no trial takes is kept for
 * lack of evidence, and a choice whose values would all be removed keeps the one of
 * highest adjusted p-value. Real-valued choices are left whole.
 *
 * <p>The importance of a choice is epsilon squared (see {@link EpsilonSquared}): the
 * share of the objective's variance across the trials that the choice explains on its
 * own, with real-valued choices grouped by quartile. It is a main effect only, and
 * trials from a strategy that concentrates on good regions confound choices.
 *
 * <p>NOTE: the test treats trials as exchangeable. Trials of a model-guided strategy such
 * as evolution are correlated (children resemble their parents), so the p-values are
 * approximate and tend to be too small for values the strategy explored around one
 * parent.
 */
public final class SpaceRefiner {

    private final RefinerSettings settings;

    public SpaceRefiner(RefinerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The settings. */
    public RefinerSettings settings() {
        return settings;
    }

    /**
     * Refines {@code space} from the trials of an unconstrained study.
     *
     * @see #refine(String, SearchSpace, Objective, List, List)
     */
    public Refinement refine(String study, SearchSpace space, Objective objective,
            List<FrozenTrial> trials) {
        return refine(study, space, objective, List.of(), trials);
    }

    /**
     * Refines {@code space} from the study's trials. When {@code space} is a
     * {@link RefinedSpace}, the values it excludes stay excluded.
     *
     * @param study the study name, recorded in the refinement
     * @param space the space the study searched; every trial's architecture must parse in it
     * @param objective the objective that ranks the trials, normally the primary one
     * @param constraints the study's constraints, which rank infeasible trials last
     * @param trials the study's trials in any state; only complete full-fidelity ones
     *     with a finite value of the objective count
     * @throws TooFewTrialsException naming the study and the counts when fewer than
     *     {@link RefinerSettings#minTrials()} trials count
     */
    public Refinement refine(String study, SearchSpace space, Objective objective,
            List<Constraint> constraints, List<FrozenTrial> trials) {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(objective, "objective");
        List<FrozenTrial> ranked = rank(trials, objective, constraints);
        requireEnough(study, objective, ranked.size());
        int top = topCount(ranked.size());
        List<Architecture> architectures =
                ranked.stream().map(t -> space.parse(t.architecture())).toList();
        double[] values = ranked.stream()
                .mapToDouble(t -> t.metrics().get(objective.metric())).toArray();

        // Count each value's trials and top trials, then test them together.
        List<Choice> choices = space.choices();
        List<ValueCounts> counts = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            counts.add(ValueCounts.of(space, i, architectures, top));
        }
        adjust(counts, ranked.size(), top);

        // Decide per choice.
        Decisions decisions = new Decisions(settings.alpha(), ranked.size(), top,
                ranked.get(0).number());
        List<ChoiceEvidence> evidence = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            double importance = EpsilonSquared.of(values, groups(architectures, i, choice));
            ChoiceEvidence.Kind kind = ChoiceEvidence.Kind.of(choice);
            List<ValueEvidence> decided = kind == ChoiceEvidence.Kind.REAL ? List.of()
                    : decisions.decide(counts.get(i));
            evidence.add(new ChoiceEvidence(choice.name(), kind, importance, decided));
        }
        return new Refinement(study, space.name(), objective, settings.confidence(),
                settings.topFraction(), ranked.size(), top, ranked.get(0).number(),
                architectures.get(0).text(), evidence);
    }

    /** The trials that count, best first. */
    private static List<FrozenTrial> rank(List<FrozenTrial> trials, Objective objective,
            List<Constraint> constraints) {
        Objects.requireNonNull(trials, "trials");
        Comparator<FrozenTrial> order = Comparator
                .comparingDouble((FrozenTrial t) -> Constraints.violation(t, constraints))
                .thenComparingDouble(t -> objective.direction()
                        .toMinimized(t.metrics().get(objective.metric())))
                .thenComparingInt(FrozenTrial::number);
        return trials.stream()
                .filter(t -> t.hasValues(List.of(objective)) && Study.isFullFidelity(t))
                .filter(t -> Double.isFinite(t.metrics().get(objective.metric())))
                .sorted(order)
                .toList();
    }

    private void requireEnough(String study, Objective objective, int count) {
        if (count == 0) {
            throw new TooFewTrialsException("study '" + study + "' has no complete trial "
                    + "with a value of " + objective.metric() + ", so there is nothing to "
                    + "refine from; run the study first", count, settings.minTrials());
        }
        if (count < settings.minTrials()) {
            throw new TooFewTrialsException("study '" + study + "' has " + count
                    + " complete trials with a value of " + objective.metric()
                    + ", fewer than the minimum of " + settings.minTrials()
                    + "; run more trials or lower the minimum", count, settings.minTrials());
        }
    }

    private int topCount(int trials) {
        return (int) Math.max(1, Math.min(trials, Math.ceil(settings.topFraction() * trials)));
    }

    /** Computes the p-values of every tested value and adjusts them together. */
    private static void adjust(List<ValueCounts> counts, int trials, int top) {
        Hypergeometric distribution = new Hypergeometric(trials);
        List<int[]> tested = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            ValueCounts choice = counts.get(i);
            choice.test(distribution, top);
            for (int j = 0; j < choice.size(); j++) {
                if (choice.tested(j)) {
                    tested.add(new int[] {i, j});
                    pValues.add(choice.pValue(j));
                }
            }
        }
        double[] adjusted = Holm.adjust(pValues.stream().mapToDouble(p -> p).toArray());
        for (int k = 0; k < adjusted.length; k++) {
            int[] test = tested.get(k);
            counts.get(test[0]).setAdjustedPValue(test[1], adjusted[k]);
        }
    }

    /** The group of each trial for the importance: its value, or quartile when real. */
    private static List<Integer> groups(List<Architecture> architectures, int index,
            Choice choice) {
        if (!(choice instanceof Choice.FloatRange)) {
            return architectures.stream().map(a -> a.intGene(index)).toList();
        }
        double[] sorted = architectures.stream().mapToDouble(a -> a.doubleGene(index))
                .sorted().toArray();
        double[] quartiles = new double[3];
        for (int q = 0; q < 3; q++) {
            quartiles[q] = sorted[(int) Math.floor((q + 1) * (sorted.length - 1) / 4.0)];
        }
        List<Integer> groups = new ArrayList<>(architectures.size());
        for (Architecture architecture : architectures) {
            double value = architecture.doubleGene(index);
            groups.add((int) Arrays.stream(quartiles).filter(q -> value > q).count());
        }
        return groups;
    }
}
