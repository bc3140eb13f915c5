package io.archforge.app.setup;

import io.archforge.app.cli.UsageException;
import io.archforge.study.Constraint;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.torch.robust.Attack;
import io.archforge.torch.robust.RobustnessEvaluator;
import io.archforge.torch.train.TrainingEvaluator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attack of a real-training study, under which every trial also reports
 * {@value RobustnessEvaluator#ROBUST_ACCURACY}. It comes from {@code --attack} and
 * {@code --epsilon} and is stored with the evaluator options under {@value #ATTACK},
 * {@value #EPSILON} and, for PGD, {@value #STEPS}, so that a resumed search, a worker
 * and a cluster executor rebuild the same evaluator.
 */
public final class StudyAttack {

    /** Stored key of the attack name. */
    public static final String ATTACK = "attack";
    /** Stored key of epsilon on the [0, 1] pixel scale. */
    public static final String EPSILON = "epsilon";
    /** Stored key of the PGD step count. */
    public static final String STEPS = "attack_steps";
    /** The epsilon of an {@code --attack} given without {@code --epsilon}. */
    public static final double DEFAULT_EPSILON = 0.1;

    private static final String NAMES = "noise, fgsm or pgd, or the corruptions brightness"
            + " and contrast";

    private StudyAttack() {
    }

    /**
     * Reads {@code --attack} and {@code --epsilon}, either of which may be null.
     *
     * @return the attack, or empty when neither option is given
     * @throws UsageException for an unknown attack, an epsilon outside [0, 1] or not a
     *     number, or {@code --epsilon} without {@code --attack}
     */
    public static Optional<Attack> parse(String attack, Double epsilon) {
        if (attack == null) {
            if (epsilon != null) {
                throw new UsageException("--epsilon " + epsilon + " needs --attack: add "
                        + "--attack " + NAMES + ", or drop --epsilon");
            }
            return Optional.empty();
        }
        if (!Attack.names().contains(attack)) {
            throw new UsageException("unknown --attack '" + attack + "': use " + NAMES);
        }
        double size = epsilon != null ? epsilon : DEFAULT_EPSILON;
        try {
            Attack.requireEpsilon(size);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --epsilon " + epsilon + ": it must be a number"
                    + " from 0 to 1 on the [0, 1] pixel scale, such as " + DEFAULT_EPSILON, e);
        }
        return Optional.of(Attack.of(attack, size));
    }

    /**
     * Checks the attack of a new study or evaluation on {@code spec}: that it fits the data
     * set, and that an objective or constraint on
     * {@value RobustnessEvaluator#ROBUST_ACCURACY} comes with an attack.
     *
     * @throws UsageException for an attack on the NAS-Bench-201 benchmark, or
     *     {@value RobustnessEvaluator#ROBUST_ACCURACY} without an attack
     */
    public static void check(Optional<Attack> attack, DatasetSpec spec,
            List<Objective> objectives, List<Constraint> constraints) {
        if (attack.isPresent() && !(spec instanceof DatasetSpec.Training)) {
            throw new UsageException("--attack " + attack.get().name() + " applies only to real"
                    + " training (--dataset fashion-mnist or idx:DIR), not to --dataset "
                    + spec.label() + " of the nb201 benchmark, whose tables hold no"
                    + " trained networks to attack; drop --attack and --epsilon");
        }
        if (attack.isPresent()) {
            return;
        }
        for (Objective objective : objectives) {
            requireAttack("--objective " + objective, objective.metric());
        }
        for (Constraint constraint : constraints) {
            requireAttack("--constraint " + constraint, constraint.metric());
        }
    }

    /**
     * Returns whether an objective or constraint reads
     * {@value RobustnessEvaluator#ROBUST_ACCURACY}, which only an attack measures.
     */
    public static boolean readsRobustAccuracy(List<Objective> objectives,
            List<Constraint> constraints) {
        return objectives.stream().anyMatch(o -> isRobustAccuracy(o.metric()))
                || constraints.stream().anyMatch(c -> isRobustAccuracy(c.metric()));
    }

    private static boolean isRobustAccuracy(String metric) {
        return metric.equals(RobustnessEvaluator.ROBUST_ACCURACY);
    }

    private static void requireAttack(String option, String metric) {
        if (metric.equals(RobustnessEvaluator.ROBUST_ACCURACY)) {
            throw new UsageException(option + " reads " + RobustnessEvaluator.ROBUST_ACCURACY
                    + ", which only an attack measures: add --attack " + NAMES
                    + " (and --epsilon, default " + DEFAULT_EPSILON + "), or drop " + option);
        }
    }

    /** Returns the evaluator options that store {@code attack}: none when it is empty. */
    public static Map<String, String> toOptions(Optional<Attack> attack) {
        Map<String, String> options = new LinkedHashMap<>();
        attack.ifPresent(a -> {
            options.put(ATTACK, a.name());
            options.put(EPSILON, Double.toString(a.epsilon()));
            if (a instanceof Attack.Pgd pgd) {
                options.put(STEPS, Integer.toString(pgd.steps()));
            }
        });
        return options;
    }

    /**
     * Reads the attack stored with a study, or empty for a study without one.
     *
     * @throws UsageException naming the study and the invalid stored value
     */
    public static Optional<Attack> stored(StudyConfig config) {
        Map<String, String> options = config.evaluatorOptions();
        String name = options.get(ATTACK);
        if (name == null) {
            return Optional.empty();
        }
        try {
            double epsilon = Double.parseDouble(options.getOrDefault(EPSILON,
                    Double.toString(DEFAULT_EPSILON)));
            Attack attack = Attack.of(name, epsilon);
            if (attack instanceof Attack.Pgd && options.containsKey(STEPS)) {
                return Optional.of(new Attack.Pgd(epsilon, Integer.parseInt(options.get(STEPS))));
            }
            return Optional.of(attack);
        } catch (IllegalArgumentException e) {
            throw new UsageException("study '" + config.name() + "' stores an invalid attack "
                    + options + ": " + e.getMessage() + "; create a new study", e);
        }
    }

    /**
     * Wraps a training evaluator so that it also measures {@code attack} on its
     * validation images, or returns the setup unchanged when the attack is empty.
     *
     * @throws UsageException when the evaluator does not train
     */
    static EvaluatorFactory.Setup apply(EvaluatorFactory.Setup setup, Optional<Attack> attack) {
        if (attack.isEmpty()) {
            return setup;
        }
        if (!(setup.evaluator() instanceof TrainingEvaluator training)) {
            setup.close();
            throw new UsageException("--attack " + attack.get().name() + " needs real training"
                    + " (--dataset fashion-mnist or idx:DIR); drop --attack");
        }
        return new EvaluatorFactory.Setup(new RobustnessEvaluator(training,
                training.validationImages(), attack.get()), setup.dataSource());
    }
}
