package io.archforge.app.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code archforge search}. Every field stays null unless given, so a
 * resumed study can tell explicit options (checked against the stored study) from
 * defaults (taken from it).
 */
final class SearchOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML study configuration: option names without dashes as keys, "
                    + "such as trials: 50, plus space: and evaluator: sections; options on "
                    + "the command line override it.")
    Path config;

    @Option(names = "--benchmark", paramLabel = "NAME",
            description = "Tabular benchmark to look architectures up in: nb201, "
                    + "nasbench-graph (graph networks) or hwgpt (HW-GPT-Bench language "
                    + "models).")
    String benchmark;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "cifar10, cifar100 or imagenet16-120 (with --benchmark nb201); "
                    + "cora, citeseer or pubmed (with --benchmark nasbench-graph); s, m or l "
                    + "(with --benchmark hwgpt). To train for real: fashion-mnist or idx:DIR "
                    + "(images); cora, citeseer or graph:DIR (graphs); etth1, etth2, "
                    + "exchange, illness, pm25 or csv:FILE (forecasting); jargon or "
                    + "text:FILE (characters). command:PROGRAM [ARGS] runs your own program "
                    + "for each trial.")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the four Fashion-MNIST IDX files (default: the system's "
                    + "copy, else the bundled subset); with command:PROGRAM, the directory the "
                    + "program runs in (default: the current directory or the --config folder).")
    Path data;

    @Option(names = "--space", paramLabel = "NAME",
            description = "Search space: nb201, macro, or macro+recipe as --tune-recipe "
                    + "searches; gnn, forecasting, gpt-tiny, nasbench-graph, hwgpt-s|m|l and "
                    + "the other table spaces (default: the data set's own, such as nb201 for "
                    + "the nb201 benchmark and macro for images).")
    String space;

    @Option(names = "--strategy", paramLabel = "NAME",
            completionCandidates = StrategyNames.class,
            description = "Search strategy: ${COMPLETION-CANDIDATES} (default: evolution).")
    String strategy;

    @Option(names = "--darts-order", paramLabel = "1|2",
            description = "darts and beta-darts: 1 for first-order architecture gradients"
                    + " (default), 2 for the unrolled second-order gradient.")
    Integer dartsOrder;

    @Option(names = "--supernet-search", paramLabel = "STRATEGY",
            description = "spos: the black-box strategy that searches the trained supernet"
                    + " (default: evolution).")
    String supernetSearch;

    @Option(names = "--strategy-option", paramLabel = "KEY=VALUE",
            description = "Strategy setting, repeatable, such as population=20 or "
                    + "learning_rate=0.05; the strategy rejects unknown keys.")
    List<String> strategyOptions;

    @Option(names = "--scheduler", paramLabel = "NAME",
            completionCandidates = SchedulerNames.class,
            description = "Multi-fidelity scheduler: ${COMPLETION-CANDIDATES}; sh, hyperband, "
                    + "asha and bohb run trials at rising fidelities and promote the best, "
                    + "median stops trials early from their reports (default: none).")
    String scheduler;

    @Option(names = "--scheduler-option", paramLabel = "KEY=VALUE",
            description = "Scheduler setting, repeatable, such as eta=3, min_fidelity=1 or "
                    + "percentile=50; the scheduler rejects unknown keys.")
    List<String> schedulerOptions;

    @Option(names = "--budget-epochs", paramLabel = "EPOCHS",
            description = "Training epochs the study may spend in all, summed over its "
                    + "trials' training_epochs (default: no limit).")
    Double budgetEpochs;

    @Option(names = "--proxy", paramLabel = "NAME",
            description = "Zero-cost proxy that helps a NAS-Bench-201 search: params, flops "
                    + "(from the cost model), synflow, snip, grad_norm, fisher, grasp, jacov or "
                    + "nwot (computed on each cell's untrained network) (default: none).")
    String proxy;

    @Option(names = "--proxy-use", paramLabel = "screen|warmup|surrogate|metric",
            description = "How the proxy helps: screen proposes the proxy's best of "
                    + "--proxy-pool candidates every trial, warmup does so for the first 20 "
                    + "trials only, surrogate adds it to a Bayesian strategy's model, metric "
                    + "records it with each trial under its name (default: screen).")
    String proxyUse;

    @Option(names = "--proxy-pool", paramLabel = "N",
            description = "Candidates the proxy compares per screened trial (default: 10 for "
                    + "screen, 150 for warmup).")
    Integer proxyPool;

    @Option(names = "--prune-risk", paramLabel = "P",
            description = "Turn learned pruning on: skip, without evaluating, each proposed "
                    + "architecture whose predicted probability of improving on the study's "
                    + "best (or of entering its Pareto front) is below P, between 0 and 1, "
                    + "such as 0.05 (default: no pruning).")
    Double pruneRisk;

    @Option(names = "--prune-predictor", paramLabel = "NAME",
            description = "Predictor of learned pruning, one per objective, by a name that "
                    + "'bench predictors --predictor' takes, such as gp or random-forest "
                    + "(default: gp).")
    String prunePredictor;

    @Option(names = "--prune-min-trials", paramLabel = "N",
            description = "Complete trials before learned pruning starts (default: 20).")
    Integer pruneMinTrials;

    @Option(names = "--population", paramLabel = "N",
            description = "Population of evolution, mo-evolution and nsga2 (default: 6 for "
                    + "real training with evolution, 20 otherwise).")
    Integer population;

    @Option(names = "--sample-size", paramLabel = "N",
            description = "Tournament sample size of evolution and mo-evolution (default: 3 "
                    + "for real training, 20 for the benchmark).")
    Integer sampleSize;

    @Option(names = "--trials", paramLabel = "N",
            description = "Total finished trials of the study, counting earlier runs "
                    + "(default: 100 for the benchmark without --time-limit, no limit for "
                    + "real training).")
    Integer trials;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "Wall-clock limit of this run, such as 90s, 10m or 2h "
                    + "(default: 5m for real training, none for the benchmark).")
    String timeLimit;

    @Option(names = "--seed", paramLabel = "N", description = "Study seed (default: 0).")
    Long seed;

    @Option(names = "--storage", paramLabel = "PATH",
            description = "Study store: PATH or sqlite:PATH (SQLite), or postgresql://... "
                    + "(default: ~/.archforge/studies.db).")
    String storage;

    @Option(names = "--study", paramLabel = "NAME",
            description = "Study name (default: derived from dataset, space, strategy and seed, "
                    + "so the same command resumes the same study).")
    String study;

    @Option(names = "--objective", paramLabel = "NAME:max|min",
            description = "Objective, repeatable; the first is primary (default: accuracy:max and "
                    + "latency_ms:min for real training, test_accuracy:max for the benchmark).")
    List<String> objectives;

    @Option(names = "--constraint", paramLabel = "METRIC<=BOUND[@DEVICE]",
            description = "Bound a trial must respect to be feasible, repeatable, such as "
                    + "latency_ms<=5@raspi4, params<=1.0 or accuracy>=85; @DEVICE reads the "
                    + "metric on that NAS-Bench-201 device or on this machine (local). "
                    + "Feasible trials rank first; with none feasible the result is the "
                    + "least-violating trials.")
    List<String> constraints;

    @Option(names = "--protocol", paramLabel = "test|valid12",
            description = "NAS-Bench-201 search signal: test searches on 200-epoch test "
                    + "accuracy; valid12 on 12-epoch validation accuracy and reports the "
                    + "chosen cell's test accuracy (default: test).")
    String protocol;

    @Option(names = "--device", paramLabel = "NAME",
            description = "Device whose latency becomes latency_ms: a NAS-Bench-201 table "
                    + "column such as pixel3 or 2080ti_1, or local to measure on this machine.")
    String device;

    @Option(names = "--trial-delay", paramLabel = "DURATION",
            description = "Tabular benchmark only: wait this long in every table look-up, so "
                    + "that the search takes time as training does; to try workers, executors "
                    + "and the recovery of dead workers' trials (default: none; stored with "
                    + "the study).")
    String trialDelay;

    @Option(names = "--trial-timeout", paramLabel = "DURATION",
            description = "Time limit of each trial, such as 90s or 10m: a trial still "
                    + "running then is asked to stop and ends FAILED, and the search goes on "
                    + "(default: none; stored with the study, so resumed runs and workers "
                    + "apply it; giving it again replaces it).")
    String trialTimeout;

    @Option(names = "--warm-start-from", paramLabel = "STUDY",
            description = "Earlier study in the same store to learn from, repeatable: its "
                    + "trials seed the strategy, weighted by how well their ranking agrees "
                    + "with this task's trials. They are stored as transferred knowledge and "
                    + "never counted as trials of this study.")
    List<String> warmStartFrom;

    @Option(names = "--space-from", paramLabel = "STUDY",
            description = "Search the refined space that 'archforge refine STUDY' stored, "
                    + "instead of the full space.")
    String spaceFrom;

    @Option(names = "--tune-recipe",
            description = "Real training: search the training recipe (learning rate, weight "
                    + "decay, batch size, epochs, optimizer, augmentation, dropout) together "
                    + "with the architecture.")
    Boolean tuneRecipe;

    @Option(names = "--recipe-range", paramLabel = "NAME=LOW:HIGH",
            description = "With --tune-recipe: the range of one numeric recipe setting, "
                    + "repeatable, such as learning_rate=0.001:0.3.")
    List<String> recipeRanges;

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
}
