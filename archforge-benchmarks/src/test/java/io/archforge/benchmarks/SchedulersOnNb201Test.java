package io.archforge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.CostMetrics;
import io.archforge.fidelity.Fidelity;
import io.archforge.schedule.RungScheduler;
import io.archforge.schedule.Scheduler;
import io.archforge.schedule.Schedulers;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schedulers driving real studies over the NAS-Bench-201 table's two fidelities. */
class SchedulersOnNb201Test {

    private static Nb201Table table;

    @BeforeAll
    static void loadTable() {
        table = Nb201Table.load();
    }

    private static StudyConfig config(String name, String strategy) {
        return new StudyConfig(name, "nb201", "nb201", Map.of("dataset", "cifar10"), strategy,
                Map.of(), List.of(Objective.maximize(Nb201Evaluator.TEST_ACCURACY)), 7);
    }

    private static Study open(InMemoryStorage storage, String strategy) {
        return Study.open(storage, config("multi-fidelity", strategy), table.space(),
                Strategies.create(strategy, Map.of()));
    }

    private static Nb201Evaluator evaluator() {
        return new Nb201Evaluator(table, Nb201Dataset.CIFAR10, Optional.empty());
    }

    @Test
    void hyperbandPromotesTheBestShortRunAndChargesBothRuns() {
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = open(storage, "random");
            Scheduler hyperband = Schedulers.create("hyperband", Map.of());
            study.optimize(evaluator(), Budget.trials(20), StudyListener.NONE, Optional.of(hyperband));

            List<FrozenTrial> trials = study.trials();
            assertThat(trials).hasSize(20);
            // Bracket 0 screens 3 cells for 12 epochs and promotes the best to 200.
            List<FrozenTrial> screened = trials.subList(0, 3);
            FrozenTrial promoted = trials.get(3);
            assertThat(screened).allSatisfy(t -> {
                assertThat(t.attributes()).containsEntry(Fidelity.ATTRIBUTE, "epochs:12")
                        .containsEntry(Study.FULL_FIDELITY, "false");
                assertThat(t.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 12.0);
            });
            FrozenTrial bestShort = screened.stream()
                    .max((a, b) -> Double.compare(a.metrics().get("test_accuracy"),
                            b.metrics().get("test_accuracy")))
                    .orElseThrow();
            assertThat(promoted.attributes())
                    .containsEntry(RungScheduler.PROMOTED_FROM, Integer.toString(bestShort.number()))
                    .containsEntry(Fidelity.ATTRIBUTE, "epochs:200");
            assertThat(promoted.architecture()).isEqualTo(bestShort.architecture());
            int index = table.indexOf(table.space().parse(promoted.architecture()));
            assertThat(promoted.metrics().get("test_accuracy"))
                    .isEqualTo(table.testAccuracy(index, Nb201Dataset.CIFAR10));
            assertThat(bestShort.metrics().get("test_accuracy"))
                    .isEqualTo(table.testAccuracy12(index, Nb201Dataset.CIFAR10));

            double spent = trials.stream().mapToDouble(t -> t.metrics().get(CostMetrics.TRAINING_EPOCHS)).sum();
            assertThat(study.spentCost()).isEqualTo(spent);
            // The best trial is a full-fidelity result, never a 12-epoch one.
            assertThat(study.best()).isPresent();
            assertThat(Study.isFullFidelity(study.best().get())).isTrue();
        }
    }

    @Test
    void aCostBudgetStopsTheStudyOnceSpent() {
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = open(storage, "evolution");
            Study.StopReason reason = study.optimize(evaluator(), Budget.epochs(3000),
                    StudyListener.NONE, Optional.of(Schedulers.create("asha", Map.of())));
            assertThat(reason).isEqualTo(Study.StopReason.COST_BUDGET);
            double spent = study.spentCost();
            FrozenTrial last = study.trials().get(study.trials().size() - 1);
            assertThat(spent).isGreaterThanOrEqualTo(3000);
            assertThat(spent - last.metrics().get(CostMetrics.TRAINING_EPOCHS)).isLessThan(3000);
        }
    }

    @Test
    void aResumedStudyContinuesItsBrackets() {
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Scheduler sh = Schedulers.create("sh", Map.of("bracket_size", "6"));
            open(storage, "random").optimize(evaluator(), Budget.trials(4), StudyListener.NONE,
                    Optional.of(sh));
            Study resumed = open(storage, "random");
            resumed.optimize(evaluator(), Budget.trials(16), StudyListener.NONE, Optional.of(sh));
            List<FrozenTrial> trials = resumed.trials();
            // Each bracket: 6 short runs, then floor(6 / 3) = 2 promotions.
            for (int bracket = 0; bracket < 2; bracket++) {
                String id = Integer.toString(bracket);
                assertThat(trials.stream().filter(t -> id.equals(t.attributes().get(RungScheduler.BRACKET))
                        && "0".equals(t.attributes().get(RungScheduler.RUNG)))).hasSize(6);
                assertThat(trials.stream().filter(t -> id.equals(t.attributes().get(RungScheduler.BRACKET))
                        && "1".equals(t.attributes().get(RungScheduler.RUNG)))).hasSize(2);
            }
        }
    }

    @Test
    void aStaleShortRunIsEvaluatedAgainOnResume() {
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Scheduler asha = Schedulers.create("asha", Map.of());
            open(storage, "random").optimize(evaluator(), Budget.trials(3), StudyListener.NONE,
                    Optional.of(asha));
            // A short run left RUNNING by a killed process, with no live worker.
            String cell = table.architecture(4321).text();
            int stale = storage.createTrial("multi-fidelity", cell, 0, Map.of(
                    Fidelity.ATTRIBUTE, "epochs:12", RungScheduler.RUNG, "0",
                    RungScheduler.BRACKET, "0", Study.FULL_FIDELITY, "false"));

            Study resumed = open(storage, "random");
            resumed.optimize(evaluator(), Budget.trials(8), StudyListener.NONE, Optional.of(asha));

            assertThat(resumed.trials().get(stale).state()).isEqualTo(TrialState.STALE);
            assertThat(resumed.trials()).anySatisfy(t -> {
                assertThat(t.attributes()).containsEntry("retry_of", Integer.toString(stale));
                assertThat(t.architecture()).isEqualTo(cell);
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            });
        }
    }

    @Test
    void theMedianRulePrunesWeakCellsAfterTheirShortRun() {
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = open(storage, "random");
            study.optimize(evaluator(), Budget.trials(40), StudyListener.NONE,
                    Optional.of(Schedulers.create("median", Map.of("min_peers", "5"))));
            List<FrozenTrial> trials = study.trials();
            List<FrozenTrial> pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).toList();
            List<FrozenTrial> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
            assertThat(pruned).isNotEmpty();
            assertThat(complete).hasSizeGreaterThan(5);
            assertThat(pruned).allSatisfy(t ->
                    assertThat(t.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 12.0));
            assertThat(complete).allSatisfy(t ->
                    assertThat(t.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 212.0));
            // The first five have too few peers to be judged.
            assertThat(trials.subList(0, 5)).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        }
    }

    @Test
    void aRungSchedulerNeedsAnEvaluatorWithFidelities() {
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = open(storage, "random");
            Nb201Evaluator lookup = evaluator();
            io.archforge.eval.Evaluator fixed = new io.archforge.eval.Evaluator() {
                @Override
                public java.util.Set<String> metrics() {
                    return lookup.metrics();
                }

                @Override
                public io.archforge.eval.Evaluation evaluate(io.archforge.space.Architecture a,
                        io.archforge.eval.EvaluationContext context) {
                    return lookup.evaluate(a, context);
                }
            };
            assertThatThrownBy(() -> study.optimize(fixed, Budget.trials(3), StudyListener.NONE,
                    Optional.of(Schedulers.create("hyperband", Map.of()))))
                    .hasMessageContaining("hyperband").hasMessageContaining("one fidelity");
        }
    }

    @Test
    void aFidelityKindTheEvaluatorLacksIsRejectedWithTheOneItHas() {
        RungScheduler byData = (RungScheduler) Schedulers.create("asha", Map.of("fidelity", "data_fraction"));
        assertThat(byData.kind()).hasValue(io.archforge.fidelity.FidelityKind.DATA_FRACTION);
        assertThatThrownBy(() -> Schedulers.range(byData, evaluator()))
                .hasMessageContaining("data_fraction").hasMessageContaining("fidelity=epochs");
        RungScheduler byEpochs = (RungScheduler) Schedulers.create("asha", Map.of("fidelity", "epochs"));
        assertThat(Schedulers.range(byEpochs, evaluator()).levels()).containsExactly(12.0, 200.0);
    }

    @Test
    void bohbAndEvolutionUnderHyperbandSpendLessThanFullFidelityEvolution() {
        MultiFidelityBenchmark benchmark = new MultiFidelityBenchmark(table);
        int seeds = 12;
        double budget = 20_000;
        List<FidelityMethod> methods = List.of(FidelityMethod.parse("evolution"),
                FidelityMethod.parse("bohb"));
        List<CostRow> rows = benchmark.run(new MultiFidelityBenchmark.Settings(methods,
                List.of(Nb201Dataset.CIFAR10), seeds, budget, 2));
        double[] evolution = CostStatistics.bestAt(rows, "evolution", Nb201Dataset.CIFAR10, seeds, budget);
        double[] bohbHalf = CostStatistics.bestAt(rows, "bohb", Nb201Dataset.CIFAR10, seeds, budget / 2);
        double evolutionMean = java.util.Arrays.stream(evolution).average().orElseThrow();
        double bohbMean = java.util.Arrays.stream(bohbHalf).filter(v -> !Double.isNaN(v)).average().orElseThrow();
        // BOHB with half the epochs comes within 0.1 points of evolution with all of them.
        assertThat(bohbMean).isGreaterThan(evolutionMean - 0.1);
    }
}
