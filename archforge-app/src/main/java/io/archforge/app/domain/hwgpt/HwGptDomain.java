package io.archforge.app.domain.hwgpt;

import io.archforge.app.cli.UsageException;
import io.archforge.app.domain.Domain;
import io.archforge.app.domain.DomainRequest;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.benchmarks.hwgpt.HwGptDevice;
import io.archforge.benchmarks.hwgpt.HwGptEvaluator;
import io.archforge.benchmarks.hwgpt.HwGptTable;
import io.archforge.provenance.DataInput;
import io.archforge.space.HwGptSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.Objective;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The language-model tables of HW-GPT-Bench: {@code --benchmark hwgpt --dataset s|m|l
 * [--device DEVICE]}. A search looks each GPT architecture up in the table of its size
 * ({@link HwGptTable}) and proposes only the 10,000 networks the benchmark measured,
 * because the default spaces {@code hwgpt-s}, {@code hwgpt-m} and {@code hwgpt-l} are
 * narrowed to them.
 *
 * <p>Perplexity and token accuracy are measured for every network of s, but for 5,245
 * of m and 429 of l. The evaluators of m and l therefore do not report them, and an
 * objective or constraint on them is rejected there; search m or l for hardware metrics
 * and size, such as {@code latency_ms} with {@code --device}, or {@code params}.
 */
public final class HwGptDomain implements Domain {

    /** The evaluator name stored with a study, also the {@code --benchmark} value. */
    public static final String EVALUATOR = "hwgpt";

    /** The evaluator option holding the size as the command line names it. */
    public static final String DATASET = "dataset";
    /** The evaluator option holding the device name, absent without one. */
    public static final String DEVICE = "device";

    @Override
    public String evaluator() {
        return EVALUATOR;
    }

    @Override
    public boolean claims(DomainRequest request) {
        return request.benchmark().filter(EVALUATOR::equals).isPresent();
    }

    @Override
    public DatasetSpec.Domain parse(DomainRequest request) {
        rejectUnused(request);
        HwGptSpace.Size size = size(request.dataset());
        Optional<HwGptDevice> device = request.device().map(HwGptDomain::device);
        return spec(size, device);
    }

    private static void rejectUnused(DomainRequest request) {
        request.data().ifPresent(data -> {
            throw new UsageException("--data " + data + " does not apply to --benchmark "
                    + EVALUATOR + ", whose tables are bundled; drop --data");
        });
        if (!request.options().isEmpty()) {
            String option = request.options().keySet().iterator().next();
            throw new UsageException(option + " " + request.options().get(option)
                    + " does not apply to --benchmark " + EVALUATOR + "; drop " + option);
        }
        if (!request.training().isEmpty()) {
            String option = request.training().keySet().iterator().next();
            throw new UsageException(option + " " + request.training().get(option)
                    + " does not apply to --benchmark " + EVALUATOR + ", which looks results"
                    + " up instead of training; drop " + option);
        }
    }

    private static HwGptSpace.Size size(String dataset) {
        try {
            return HwGptSpace.Size.parse(dataset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --dataset '" + dataset + "' for --benchmark "
                    + EVALUATOR + ": use s, m or l (the GPT-S, GPT-M and GPT-L spaces)");
        }
    }

    private static HwGptDevice device(String name) {
        return HwGptDevice.find(name).orElseThrow(() -> new UsageException("unknown --device '"
                + name + "' for --benchmark " + EVALUATOR + ": use a GPU ("
                + String.join(", ", names(true)) + ") or a CPU ("
                + String.join(", ", names(false)) + "; processor names inferred from the "
                + "benchmark's data)"));
    }

    private static List<String> names(boolean gpu) {
        return HwGptDevice.ALL.stream().filter(d -> d.gpu() == gpu).map(HwGptDevice::name)
                .toList();
    }

    private static DatasetSpec.Domain spec(HwGptSpace.Size size, Optional<HwGptDevice> device) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DATASET, size.letter());
        device.ifPresent(d -> options.put(DEVICE, d.name()));
        String label = EVALUATOR + device.map(d -> "-" + d.name()).orElse("");
        return new DatasetSpec.Domain(EVALUATOR, options, label, size.letter(),
                size.spaceName(), true);
    }

    @Override
    public DatasetSpec.Domain restore(Map<String, String> options) {
        String dataset = options.get(DATASET);
        if (dataset == null) {
            throw new IllegalArgumentException("hwgpt evaluator options lack '" + DATASET
                    + "': " + options);
        }
        Optional<HwGptDevice> device = Optional.ofNullable(options.get(DEVICE))
                .map(name -> HwGptDevice.find(name).orElseThrow(() ->
                        new IllegalArgumentException("unknown hwgpt device '" + name + "'")));
        return spec(HwGptSpace.Size.parse(dataset), device);
    }

    @Override
    public EvaluatorFactory.Setup create(DatasetSpec.Domain spec, SearchSpace space) {
        DatasetSpec.Domain stored = restore(spec.evaluatorOptions());
        HwGptSpace.Size size = HwGptSpace.Size.parse(stored.displayName());
        if (!space.name().equals(size.spaceName())) {
            throw new UsageException("--space " + space.name() + " does not fit --benchmark "
                    + EVALUATOR + " --dataset " + size.letter() + ", whose table covers only"
                    + " the " + size.spaceName() + " space; use --space " + size.spaceName());
        }
        Optional<HwGptDevice> device = Optional.ofNullable(
                spec.evaluatorOptions().get(DEVICE)).flatMap(HwGptDevice::find);
        return new EvaluatorFactory.Setup(new HwGptEvaluator(HwGptTable.of(size), device),
                Optional.empty());
    }

    /** Lists the shipped table of the size. */
    @Override
    public List<DataInput> dataInputs(DatasetSpec.Domain spec) {
        HwGptSpace.Size size = HwGptSpace.Size.parse(
                restore(spec.evaluatorOptions()).displayName());
        return List.of(DataInput.resource(HwGptTable.class,
                String.format(HwGptTable.RESOURCE_PATTERN, size.letter())));
    }

    /**
     * Returns {@code perplexity:min} for s.
     *
     * @throws UsageException for m and l, which do not report perplexity
     */
    @Override
    public List<Objective> defaultObjectives(DatasetSpec.Domain spec) {
        HwGptSpace.Size size = HwGptSpace.Size.parse(spec.displayName());
        if (size != HwGptSpace.Size.S) {
            HwGptTable table = HwGptTable.of(size);
            throw new UsageException("--benchmark " + EVALUATOR + " --dataset " + size.letter()
                    + " has no default objective: the table has perplexity for only "
                    + table.perplexityCount() + " of its " + table.rows() + " networks, so it"
                    + " does not report perplexity; name one with --objective, such as"
                    + " latency_ms@a100:min or params:min");
        }
        return List.of(Objective.minimize(HwGptEvaluator.PERPLEXITY));
    }
}
