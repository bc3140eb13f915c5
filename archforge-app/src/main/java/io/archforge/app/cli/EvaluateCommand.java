package io.archforge.app.cli;

import io.archforge.app.output.Json;
import io.archforge.app.output.TextTable;
import io.archforge.app.output.TrialViews;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.app.setup.StudyAttack;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.space.ArchitectureFormatException;
import io.archforge.space.SearchSpace;
import io.archforge.space.SearchSpaces;
import io.archforge.study.Seeds;
import io.archforge.torch.robust.Attack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archforge evaluate ARCH}: the metrics of one architecture, looked up or trained. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {
            "Evaluate one architecture: a table look-up with --benchmark nb201 --dataset "
                + "cifar10|cifar100|imagenet16-120, or real training with --dataset "
                + "fashion-mnist [--data DIR] or --dataset idx:DIR.",
            "ARCH is the space's string form, such as "
                + "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+"
                + "|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2| for nb201."})
public final class EvaluateCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "ARCH", description = "The architecture string.")
    String architecture;

    @Option(names = "--benchmark", paramLabel = "NAME", description = "Tabular benchmark: nb201, nasbench-graph or hwgpt.")
    String benchmark;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "cifar10, cifar100 or imagenet16-120 (nb201); cora, citeseer or pubmed "
                    + "(nasbench-graph); s, m or l (hwgpt); fashion-mnist, idx:DIR, cora, "
                    + "citeseer, graph:DIR, etth1, etth2, exchange, illness, pm25, csv:FILE, "
                    + "jargon or text:FILE to train; command:PROGRAM to run your own program "
                    + "(required, here or in --config).")
    String dataset;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML study configuration, as for search: its data set, space: and "
                    + "evaluator: sections apply; options on the command line override it.")
    Path config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the Fashion-MNIST IDX files; with command:PROGRAM, "
                    + "the directory the program runs in.")
    Path data;

    @Option(names = "--space", paramLabel = "NAME",
            description = "Search space of ARCH (default: nb201 for the benchmark, macro for "
                    + "training).")
    String space;

    @Option(names = "--device", paramLabel = "NAME",
            description = "NAS-Bench-201 device whose latency becomes latency_ms.")
    String device;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the training run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--attack", paramLabel = "noise|fgsm|pgd|brightness|contrast",
            description = "Real training: also measure robust_accuracy (percent) under "
                    + "Gaussian noise, FGSM, PGD or the brightness or contrast corruption of "
                    + "size --epsilon on the validation images.")
    String attack;

    @Option(names = "--epsilon", paramLabel = "E",
            description = "Size of --attack on the [0, 1] pixel scale: the L-infinity bound "
                    + "of fgsm and pgd, the standard deviation of noise, the value added to "
                    + "every pixel by brightness, the fraction by which contrast moves each "
                    + "pixel towards the image's mean (default: 0.1).")
    Double epsilon;

    @Mixin
    TrainingOptions training;

    @Mixin
    DomainOptions domain;

    @Override
    public Integer call() {
        io.archforge.app.config.StudyConfigFile.apply(spec, config,
                CommandLines.create(new SearchCommand()).getCommandSpec());
        if (dataset == null) {
            throw new UsageException("missing --dataset: name the data set, or give a --config"
                    + " file with a dataset key or an evaluator section");
        }
        DatasetSpec datasetSpec =
                training.applyTo(DatasetSpec.parse(benchmark, dataset, data, device, null,
                        domain.given(), training.given()));
        Optional<Attack> parsedAttack = StudyAttack.parse(attack, epsilon);
        StudyAttack.check(parsedAttack, datasetSpec, List.of(), List.of());
        String spaceName = space != null ? space : datasetSpec.defaultSpace();
        SearchSpace searchSpace = io.archforge.app.setup.DeclaredSpaces.of(datasetSpec)
                .filter(definition -> definition.name().equals(spaceName))
                .<SearchSpace>map(definition -> definition.toSpace())
                .orElseGet(() -> space(spaceName));
        Architecture parsed = parse(searchSpace);
        try (EvaluatorFactory.Setup setup = EvaluatorFactory.create(datasetSpec, searchSpace,
                List.of(), parsedAttack)) {
            LOG.info("Evaluating {} on {}", parsed.text(), datasetSpec.displayName());
            Evaluation evaluation;
            try {
                evaluation = setup.evaluator().evaluate(parsed, new SingleContext(seed));
            } catch (IllegalArgumentException e) {
                // A table rejects an architecture it has no result for, and its message names the fix.
                throw new UsageException("cannot evaluate " + parsed.text() + " on "
                        + datasetSpec.displayName() + ": " + e.getMessage(), e);
            }
            print(parsed, datasetSpec, setup, evaluation);
        }
        return ExitCodes.OK;
    }

    private static SearchSpace space(String name) {
        try {
            return SearchSpaces.byName(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --space '" + name + "': use one of "
                    + String.join(", ", SearchSpaces.names()));
        }
    }

    private Architecture parse(SearchSpace searchSpace) {
        try {
            return searchSpace.parse(architecture);
        } catch (ArchitectureFormatException e) {
            throw new UsageException(e.getMessage() + " (space " + searchSpace.name()
                    + "; pick the space with --space)", e);
        }
    }

    private void print(Architecture parsed, DatasetSpec datasetSpec, EvaluatorFactory.Setup setup,
            Evaluation evaluation) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("architecture", parsed.text());
            json.put("space", parsed.space());
            json.put("dataset", datasetSpec.displayName());
            json.put("metrics", new TreeMap<>(evaluation.metrics()));
            json.put("attributes", new TreeMap<>(evaluation.attributes()));
            setup.dataSource().ifPresent(source -> json.put("data_source", source));
            out.println(Json.write(json));
        } else {
            out.println("Architecture: " + parsed.text());
            setup.dataSource().ifPresent(source -> out.println("Data source: " + source));
            TextTable table = new TextTable(List.of("metric", "#value"));
            new TreeMap<>(evaluation.metrics())
                    .forEach((name, value) -> table.add(List.of(name, TrialViews.number(value))));
            out.print(table.render());
        }
        out.flush();
    }

    /**
     * The context of a one-off evaluation: trial 0, seeded from {@code --seed}, never stopped
     * early.
     */
    private record SingleContext(long studySeed) implements EvaluationContext {
        @Override
        public int trialNumber() {
            return 0;
        }

        @Override
        public long seed() {
            return Seeds.trialSeed(studySeed, 0);
        }

        @Override
        public void report(int step, String metric, double value) {
            LOG.info("Step {}: {} = {}", step, metric, value);
        }

        @Override
        public boolean shouldStop() {
            return false;
        }
    }
}
