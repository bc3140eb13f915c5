package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A real failed native allocation: PyTorch cannot allocate a float tensor of 2^46
 * elements (256 TiB), whatever the kernel's overcommit setting, because it is at least
 * the whole user address space with 48-bit addresses: 128 TiB on x86-64, 256 TiB on
 * AArch64. The trial ends FAILED with the native-memory reason and the study goes on.
 */
class NativeMemoryTest {

    private static final long ELEMENTS = 1L << 46;

    /** Allocates the huge tensor in trial 0 and a small one in the others. */
    private static final class AllocatingEvaluator implements Evaluator {
        @Override
        public Set<String> metrics() {
            return Set.of("accuracy");
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            long elements = context.trialNumber() == 0 ? ELEMENTS : 1024;
            try (NDManager manager = DjlRuntime.engine().newBaseManager();
                    NDArray tensor = manager.create(new Shape(elements), DataType.FLOAT32)) {
                return Evaluation.of(Map.of("accuracy", (double) tensor.size()));
            }
        }
    }

    @Test
    void hugeTensorFailsWithNativeReason() {
        StudyConfig config = new StudyConfig("native", "nb201", "allocating", Map.of(),
                "random", Map.of(), List.of(Objective.maximize("accuracy")), 5);
        Study study = Study.open(new InMemoryStorage(), config, CellSpace.nb201(),
                Strategies.create("random", Map.of()));

        Study.StopReason reason = study.optimize(new AllocatingEvaluator(), Budget.trials(2),
                StudyListener.NONE);

        assertThat(reason).isEqualTo(Study.StopReason.TRIAL_BUDGET);
        List<FrozenTrial> trials = study.trials();
        assertThat(trials.get(0).state()).isEqualTo(TrialState.FAILED);
        assertThat(trials.get(0).error()).get().asString()
                .startsWith("out of native memory (")
                .contains("DefaultCPUAllocator", "smaller network", "--batch-size");
        assertThat(trials.get(1).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trials.get(1).metrics()).containsEntry("accuracy", 1024.0);
    }
}
