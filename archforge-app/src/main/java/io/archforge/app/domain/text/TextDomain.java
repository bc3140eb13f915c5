package io.archforge.app.domain.text;

import io.archforge.app.cli.UsageException;
import io.archforge.app.domain.Domain;
import io.archforge.app.domain.DomainRequest;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.provenance.DataInput;
import io.archforge.space.SearchSpace;
import io.archforge.space.TinyGptSpace;
import io.archforge.study.Objective;
import io.archforge.torch.text.CharLanguageModelEvaluator;
import io.archforge.torch.text.CharTrainingSettings;
import io.archforge.torch.text.TextCorpora;
import io.archforge.torch.text.TextCorpus;
import io.archforge.torch.text.TextDataException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Character-level language modelling: {@code --dataset jargon} (the Jargon File, see
 * {@link TextCorpora#jargon()}) or {@code --dataset text:FILE} (any UTF-8 text). Each
 * trial trains a tiny decoder-only transformer of the {@value TinyGptSpace#NAME} space
 * with DJL on the first 90% of the text and reports its perplexity per character on the
 * last 10% ({@link CharLanguageModelEvaluator}).
 *
 * <p>Accepts {@code --epochs} (passes of 100 optimizer steps, default 2), {@code
 * --batch-size} (windows of 64 characters per step, default 16) and {@code
 * --learning-rate} (Adam's, default 0.003). The default objective is
 * {@code perplexity:min}.
 */
public final class TextDomain implements Domain {

    /** The evaluator name stored with a study. */
    public static final String EVALUATOR = "text";

    private static final String EPOCHS = "--epochs";
    private static final String BATCH_SIZE = "--batch-size";
    /** The maximum number of windows per training step, which bounds its memory. */
    private static final int MAX_BATCH_SIZE = 1024;
    private static final String LEARNING_RATE = "--learning-rate";
    private static final Set<String> TRAINING_OPTIONS = Set.of(EPOCHS, BATCH_SIZE, LEARNING_RATE);

    @Override
    public String evaluator() {
        return EVALUATOR;
    }

    @Override
    public boolean claims(DomainRequest request) {
        return request.benchmark().isEmpty() && (request.dataset().equals(TextCorpora.JARGON)
                || request.dataset().startsWith(TextSettings.PREFIX));
    }

    @Override
    public DatasetSpec.Domain parse(DomainRequest request) {
        rejectUnused(request);
        String dataset = request.dataset();
        Optional<Path> file = Optional.empty();
        if (dataset.startsWith(TextSettings.PREFIX)) {
            file = Optional.of(file(dataset));
            dataset = TextSettings.PREFIX + file.get();
        }
        TextSettings settings = new TextSettings(dataset, file, training(request));

        // Read the text now, so a bad file fails before the study starts
        corpus(settings);
        return spec(settings);
    }

    private static void rejectUnused(DomainRequest request) {
        request.device().filter(device -> !device.equals(DatasetSpec.LOCAL_DEVICE))
                .ifPresent(device -> {
                    throw new UsageException("--device " + device + " does not apply to"
                            + " --dataset " + request.dataset() + ", whose latency is measured"
                            + " on this machine; drop --device");
                });
        request.data().ifPresent(data -> {
            throw new UsageException("--data " + data + " does not apply to --dataset "
                    + request.dataset() + "; give a text file as --dataset text:FILE instead");
        });
        request.requireDomainOptionsAmong(Set.of());
        for (String option : request.training().keySet()) {
            if (!TRAINING_OPTIONS.contains(option)) {
                throw new UsageException(option + " " + request.training().get(option)
                        + " does not apply to --dataset " + request.dataset() + ", which"
                        + " trains on random windows of the text; use only --epochs,"
                        + " --batch-size and --learning-rate");
            }
        }
    }

    private static Path file(String dataset) {
        String name = dataset.substring(TextSettings.PREFIX.length());
        if (name.isBlank()) {
            throw new UsageException("--dataset " + dataset + " names no file: use"
                    + " --dataset text:FILE with a UTF-8 text file");
        }
        return Path.of(name).toAbsolutePath().normalize();
    }

    private static CharTrainingSettings training(DomainRequest request) {
        CharTrainingSettings defaults = CharTrainingSettings.defaults();
        int epochs = positive(request, EPOCHS, defaults.epochs());
        int batchSize = positive(request, BATCH_SIZE, defaults.batchSize());
        if (batchSize > MAX_BATCH_SIZE) {
            throw new UsageException("invalid " + BATCH_SIZE + " " + batchSize + ": use at"
                    + " most " + MAX_BATCH_SIZE + " windows per step; each window holds the"
                    + " logits of every character and position, so memory grows with it");
        }
        float learningRate = request.trainingOption(LEARNING_RATE)
                .map(value -> ((Number) value).floatValue()).orElse(defaults.learningRate());
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new UsageException("invalid " + LEARNING_RATE + " " + learningRate
                    + ": use a positive number, such as 0.003");
        }
        return new CharTrainingSettings(epochs, defaults.stepsPerEpoch(), batchSize,
                defaults.context(), learningRate);
    }

    private static int positive(DomainRequest request, String option, int fallback) {
        int value = request.trainingOption(option).map(v -> ((Number) v).intValue())
                .orElse(fallback);
        if (value < 1) {
            throw new UsageException("invalid " + option + " " + value + ": use 1 or more");
        }
        return value;
    }

    private static DatasetSpec.Domain spec(TextSettings settings) {
        String label = settings.file().map(file -> DomainRequest.fileLabel("text", file))
                .orElse(TextCorpora.JARGON);
        return new DatasetSpec.Domain(EVALUATOR, settings.toOptions(), label,
                settings.dataset(), TinyGptSpace.NAME, false);
    }

    @Override
    public DatasetSpec.Domain restore(Map<String, String> options) {
        return spec(TextSettings.fromOptions(options));
    }

    @Override
    public EvaluatorFactory.Setup create(DatasetSpec.Domain spec, SearchSpace space) {
        TextSettings settings;
        try {
            settings = TextSettings.fromOptions(spec.evaluatorOptions());
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid text evaluator settings: " + e.getMessage(), e);
        }
        String searched = space.unrestricted().name();
        if (!searched.equals(TinyGptSpace.NAME)) {
            throw new UsageException("--space " + searched + " does not fit --dataset "
                    + settings.dataset() + ", which trains character transformers; use"
                    + " --space " + TinyGptSpace.NAME + " or drop --space");
        }
        TextCorpus corpus = corpus(settings);
        CharLanguageModelEvaluator evaluator =
                CharLanguageModelEvaluator.standard(corpus, settings.training());
        return new EvaluatorFactory.Setup(evaluator, Optional.of(corpus.source()));
    }

    /** Lists the text file: the {@code text:} file or the Jargon File's. */
    @Override
    public List<DataInput> dataInputs(DatasetSpec.Domain spec) {
        TextSettings settings;
        try {
            settings = TextSettings.fromOptions(spec.evaluatorOptions());
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid text evaluator settings: " + e.getMessage(), e);
        }
        return List.of(settings.file().map(DataInput::file)
                .orElseGet(TextCorpora::jargonInput));
    }

    private static TextCorpus corpus(TextSettings settings) {
        try {
            return settings.corpus();
        } catch (TextDataException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Returns {@code perplexity:min}. */
    @Override
    public List<Objective> defaultObjectives(DatasetSpec.Domain spec) {
        return List.of(Objective.minimize("perplexity"));
    }
}
