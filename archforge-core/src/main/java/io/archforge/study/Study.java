package io.archforge.study;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.CostMetrics;
import io.archforge.eval.EvaluationFailures;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TimeLimitedEvaluator;
import io.archforge.eval.TrialPrunedException;
import io.archforge.eval.cache.CachingEvaluator;
import io.archforge.execution.TrialExecutor;
import io.archforge.execution.TrialOutcome;
import io.archforge.fidelity.Fidelity;
import io.archforge.schedule.RungScheduler;
import io.archforge.schedule.Scheduler;
import io.archforge.schedule.StoppingRule;
import io.archforge.pareto.ParetoRanking;
import io.archforge.predictor.prune.CandidatePruner;
import io.archforge.predictor.prune.PruneDecision;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.storage.Storage;
import io.archforge.storage.StorageException;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.Proposal;
import io.archforge.strategy.Strategy;
import io.archforge.storage.TrialCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A search: a space, a strategy, objectives and the stored trials.
 *
 * <p>{@link #ask()} and {@link #tell} are the core loop; {@link #optimize} runs them
 * with an evaluator until a budget is spent. Opening a study that already exists in
 * the store resumes it: trials left RUNNING by a killed process become STALE and
 * their architectures are evaluated again first, numbering continues, and the
 * strategy's state is rebuilt by replaying every finished trial through
 * {@link Strategy#tell}.
 *
 * <p>Deduplication: unless repeats are allowed, no two trials of a study evaluate
 * isomorphic architectures (STALE trials evaluated again excepted). Strategies see
 * the evaluated classes through {@link AskContext#isEvaluated}; should one still
 * propose a repeat, the study replaces it with a random architecture not yet
 * evaluated, while one exists. Repeats are allowed by {@link #allowRepeats}, and
 * during {@link #optimize} with an evaluator that declares itself noisy
 * ({@link Evaluator#isNoisy()}), where a second evaluation adds information; then
 * strategies see no architecture as evaluated.
 *
 * <p>Pruning: with a {@link CandidatePruner} ({@link #usePruner}), each strategy proposal
 * is screened before it is evaluated. A skipped candidate becomes a
 * {@link TrialState#SKIPPED} trial. It takes a trial number and counts as evaluated for
 * deduplication, but it is not passed to {@link Strategy#tell} and counts towards no
 * budget. A strategy that proposes a skipped candidate again gets it judged again by
 * the refitted predictor, not replaced by a random draw as an evaluated one is. After
 * {@link CandidatePruner#maxSkipsInARow()} skips in a row the study evaluates the one
 * of them with the highest improvement probability.
 *
 * <p>Not thread-safe: one thread drives a study object. Several processes may
 * share a store, each with its own study object.
 */
public final class Study {

    /** The trial attribute that is {@code false} for an evaluation below full fidelity. */
    public static final String FULL_FIDELITY = "fidelity_full";
    /**
     * The attribute of a trial that evaluates a candidate the pruner skipped before: the
     * number of its SKIPPED trial. It is set when a streak of skips reached the pruner's
     * maximum, or when the strategy proposed the candidate again and the refitted
     * predictor kept it.
     */
    public static final String SKIPPED_AS_ATTRIBUTE = "skipped_as";

    /** The default interval at which a running trial writes a heartbeat to the store. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(10);
    /** The default time a running trial may go without a heartbeat before it counts as stale. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(60);
    /** The attribute of a trial that evaluates a stale trial again: the stale trial's number. */
    public static final String RETRY_OF_ATTRIBUTE = "retry_of";

    private static final Logger LOG = LoggerFactory.getLogger(Study.class);
    private static final int CLAIM_ATTEMPTS = 1000;
    private static final long WAIT_MILLIS = 1000;
    private static final int REPEAT_DRAWS = 1000;
    private static final long REPEAT_SALT = 0x52455045415453L;

    private final Storage storage;
    private final StudyConfig config;
    private final SearchSpace space;
    private final Strategy strategy;
    private final Set<String> evaluatedKeys = new HashSet<>();
    /** The SKIPPED trial number of each skipped and not yet evaluated isomorphism class. */
    private final Map<String, Integer> skippedKeys = new HashMap<>();
    private final Deque<String> retryQueue = new ArrayDeque<>();
    private final Map<String, Integer> retryOf = new HashMap<>();
    /** The seed of each stale trial queued for evaluation again, by its number. */
    private final Map<Integer, Long> staleSeeds = new HashMap<>();
    /** The numbers of the trials that evaluate a stale trial again, this process's and others'. */
    private final Set<Integer> retryNumbers = new HashSet<>();
    /** Attributes stored with every trial this object creates, such as its provenance. */
    private final Map<String, String> trialAttributes = new HashMap<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** The numbers of the finished trials passed to {@link Strategy#tell}. */
    private final Set<Integer> learnedNumbers = new HashSet<>();
    /** The next trial number as this object last saw it; another value means other workers. */
    private int seenNextNumber;
    /** The lowest trial number that may still change: catching up reads from here on. */
    private int syncFrom;
    private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
    private Duration staleAfter = DEFAULT_STALE_AFTER;
    private Instant nextStaleCheck = Instant.MIN;
    /** The maximum number of trials running or finished: the running loop's trial budget. */
    private int activeLimit = Integer.MAX_VALUE;
    private boolean repeatsAllowed;
    private Optional<CandidatePruner> pruner = Optional.empty();
    /** The time limit of each evaluation of {@link #evaluateOne}, or empty for none. */
    private Optional<Duration> trialTimeout = Optional.empty();
    private Duration trialTimeoutGrace = TimeLimitedEvaluator.DEFAULT_GRACE;
    /** Finished trials recorded but not yet passed to the strategy; null when none are deferred. */
    private List<FrozenTrial> deferredResults;
    private boolean learnInTrialOrder = true;

    private Study(Storage storage, StudyConfig config, SearchSpace space, Strategy strategy) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.config = Objects.requireNonNull(config, "config");
        this.space = Objects.requireNonNull(space, "space");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /**
     * Creates the study in the store, or resumes it when a study of that name exists.
     *
     * @throws IllegalArgumentException when the stored study has another space or evaluator
     */
    public static Study open(Storage storage, StudyConfig config, SearchSpace space, Strategy strategy) {
        if (!config.space().equals(space.name())) {
            throw new IllegalArgumentException("study config names space '" + config.space()
                    + "' but space '" + space.name() + "' was given");
        }
        Optional<StudyConfig> stored = storage.loadStudy(config.name());
        if (stored.isEmpty()) {
            try {
                storage.createStudy(config);
                LOG.info("Created study '{}' in {}", config.name(), storage.location());
                return new Study(storage, config, space, strategy);
            } catch (StorageException e) {
                // Another process may have created the same study a moment ago: join it.
                stored = storage.loadStudy(config.name());
                if (stored.isEmpty()) {
                    throw e;
                }
            }
        }
        checkCompatible(stored.get(), config);
        Study study = new Study(storage, stored.get(), space, strategy);
        study.resume();
        return study;
    }

    private static void checkCompatible(StudyConfig stored, StudyConfig requested) {
        if (!stored.space().equals(requested.space())
                || !stored.evaluator().equals(requested.evaluator())
                || !stored.evaluatorOptions().equals(requested.evaluatorOptions())
                || !stored.objectives().equals(requested.objectives())
                || !stored.constraints().equals(requested.constraints())) {
            throw new IllegalArgumentException("study '" + stored.name()
                    + "' exists with another setup (space " + stored.space() + ", evaluator "
                    + stored.evaluator() + " " + stored.evaluatorOptions() + ", objectives "
                    + stored.objectives() + ", constraints " + stored.constraints() + "); choose a new --study name or repeat the original options");
        }
    }

    private void resume() {
        int stale = markAbandonedTrialsStale();
        List<FrozenTrial> trials = storage.trials(config.name());
        Set<String> finishedKeys = new HashSet<>();
        int replayed = 0;
        for (FrozenTrial trial : trials) {
            noteRetry(trial);
            if (trial.state().isFinished()) {
                replayed++;
                learnedNumbers.add(trial.number());
                Architecture architecture = space.parse(trial.architecture());
                evaluatedKeys.add(architecture.isomorphismKey());
                finishedKeys.add(architecture.isomorphismKey());
                strategy.tell(trial);
            }
        }
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.STALE) {
                Architecture architecture = space.parse(trial.architecture());
                if (finishedKeys.add(architecture.isomorphismKey())) {
                    queueRetry(trial);
                    evaluatedKeys.add(architecture.isomorphismKey());
                }
            }
        }
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.RUNNING || trial.state() == TrialState.SKIPPED) {
                String key = space.parse(trial.architecture()).isomorphismKey();
                if (trial.state() == TrialState.SKIPPED && !finishedKeys.contains(key)) {
                    skippedKeys.put(key, trial.number());
                }
                evaluatedKeys.add(key);
            }
        }
        seenNextNumber = storage.counts(config.name()).nextNumber();
        LOG.info("Resumed study '{}': {} finished trials replayed, {} stale trials marked now, "
                + "{} to evaluate again", config.name(), replayed, stale, retryQueue.size());
    }

    /**
     * Marks STALE every RUNNING trial whose worker is gone: a process on this host
     * that has exited, a trial this JVM no longer evaluates, or a trial with no
     * worker recorded. Trials of live processes on this host are left to them, and
     * trials of workers on other hosts to the heartbeat rule.
     *
     * @return the number of trials marked
     */
    private int markAbandonedTrialsStale() {
        int marked = 0;
        // Every running trial lies in the catch-up window, which is the whole study on open.
        for (FrozenTrial trial : storage.trialsFrom(config.name(), syncFrom)) {
            if (trial.state() != TrialState.RUNNING) {
                continue;
            }
            boolean alive = Worker.parse(trial.attributes().get(Worker.ATTRIBUTE))
                    .map(w -> w.isEvaluating(storage.location(), config.name(), trial.number()))
                    .orElse(false);
            if (alive) {
                LOG.info("Trial {} is running in live process {}; leaving it to that process",
                        trial.number(), trial.attributes().get(Worker.ATTRIBUTE));
                continue;
            }
            storage.markStale(config.name(), trial.number());
            marked++;
        }
        return marked;
    }

    /**
     * Catches up with the other workers of the study. It marks STALE the trials whose
     * heartbeats stopped, passes the trials others finished to the strategy, counts the
     * architectures they run as evaluated, and queues stale trials for evaluation again.
     * The trials are read only when the counts show work this object has not seen, so a
     * study with one worker pays one query.
     */
    private void syncWithOtherWorkers() {
        boolean marked = markSilentTrialsStale();
        TrialCounts counts = storage.counts(config.name());
        if (!marked && counts.finished() == learnedNumbers.size() && counts.nextNumber() == seenNextNumber) {
            return;
        }

        // Trials below the window were finished at the last catch-up and cannot change.
        List<FrozenTrial> trials = storage.trialsFrom(config.name(), syncFrom);
        Set<String> liveKeys = new HashSet<>();
        int learned = learnFrom(trials, liveKeys);
        int queued = queueStale(trials, liveKeys);

        seenNextNumber = counts.nextNumber();
        syncFrom = trials.stream().filter(t -> t.state() == TrialState.RUNNING)
                .mapToInt(FrozenTrial::number).min()
                .orElse(trials.isEmpty() ? syncFrom : trials.get(trials.size() - 1).number() + 1);
        LOG.debug("Study '{}': learned {} trials finished by other workers, queued {} stale "
                + "trials to evaluate again", config.name(), learned, queued);
    }

    /**
     * Counts the architectures of {@code trials} as evaluated, adds those of live trials to
     * {@code liveKeys}, and passes the finished ones the strategy has not seen to it.
     *
     * @return how many finished trials the strategy learned
     */
    private int learnFrom(List<FrozenTrial> trials, Set<String> liveKeys) {
        int learned = 0;
        for (FrozenTrial trial : trials) {
            noteRetry(trial);
            if (trial.state() == TrialState.STALE) {
                continue;
            }
            String key = space.parse(trial.architecture()).isomorphismKey();
            evaluatedKeys.add(key);
            if (trial.state() != TrialState.SKIPPED) {
                liveKeys.add(key);
            }
            if (trial.state().isFinished() && learnedNumbers.add(trial.number())) {
                strategy.tell(trial);
                learned++;
            }
        }
        return learned;
    }

    /**
     * Queues for evaluation again the STALE trials of {@code trials} that no trial retries
     * and whose architecture no live trial evaluates.
     *
     * @return how many were queued
     */
    private int queueStale(List<FrozenTrial> trials, Set<String> liveKeys) {
        Set<Integer> retried = new HashSet<>(retryOf.values());
        for (FrozenTrial trial : trials) {
            Optional.ofNullable(trial.attributes().get(RETRY_OF_ATTRIBUTE))
                    .ifPresent(number -> retried.add(Integer.valueOf(number)));
        }
        int queued = 0;
        for (FrozenTrial trial : trials) {
            // A rung scheduler plans stale promotions afresh from the stored trials.
            if (trial.state() != TrialState.STALE || retried.contains(trial.number())
                    || trial.attributes().containsKey(RungScheduler.PROMOTED_FROM)
                    || retryOf.containsKey(trial.architecture())) {
                continue;
            }
            if (liveKeys.add(space.parse(trial.architecture()).isomorphismKey())) {
                queueRetry(trial);
                queued++;
            }
        }
        return queued;
    }

    /** Queues a STALE trial for evaluation again under its own seed. */
    private void queueRetry(FrozenTrial stale) {
        retryQueue.add(stale.architecture());
        retryOf.put(stale.architecture(), stale.number());
        staleSeeds.put(stale.number(), stale.seed());
    }

    /** Counts {@code trial} among the retries when it evaluates a stale trial again. */
    private void noteRetry(FrozenTrial trial) {
        if (trial.attributes().containsKey(RETRY_OF_ATTRIBUTE)) {
            retryNumbers.add(trial.number());
        }
    }

    /**
     * Returns the place of trial {@code number} among the study's proposals: its number
     * less the retries of stale trials before it. Proposals draw their random numbers and
     * trial seeds by this place, so a run killed and resumed proposes the same
     * architectures, with the same seeds, as one that never stopped.
     */
    private int proposalIndex(int number) {
        int before = (int) retryNumbers.stream().filter(n -> n < number).count();
        return number - before;
    }


    /**
     * Marks STALE the running trials whose last heartbeat is older than the stale
     * limit, and those of processes on this host that have exited, at most once per
     * heartbeat interval.
     *
     * @return whether any trial was marked
     */
    private boolean markSilentTrialsStale() {
        Instant now = Instant.now();
        if (now.isBefore(nextStaleCheck)) {
            return false;
        }
        nextStaleCheck = now.plus(heartbeatInterval);
        List<Integer> marked = storage.markStaleWithoutHeartbeat(config.name(), staleAfter);
        if (!marked.isEmpty()) {
            LOG.warn("Trials {} of study '{}' sent no heartbeat for {} s: their workers count "
                    + "as dead, and the trials will be evaluated again", marked, config.name(),
                    staleAfter.toSeconds());
        }
        // A dead process on this host is known at once, before its heartbeats run out.
        int dead = storage.counts(config.name()).running() > 0 ? markAbandonedTrialsStale() : 0;
        return !marked.isEmpty() || dead > 0;
    }

    /**
     * Sets how often each running trial sends a heartbeat to the store, and after how
     * long without one a trial of any worker counts as stale and is evaluated again.
     * The defaults are {@link #DEFAULT_HEARTBEAT_INTERVAL} and
     * {@link #DEFAULT_STALE_AFTER}; the limit should be several intervals, so that a
     * slow store does not make live trials stale.
     *
     * @throws IllegalArgumentException when the interval is not positive or the limit is
     *     not longer than the interval
     */
    public void useHeartbeats(Duration interval, Duration staleAfter) {
        if (interval.isNegative() || interval.isZero() || staleAfter.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("heartbeat interval " + interval + " and stale "
                    + "limit " + staleAfter + ": the interval must be positive and the limit "
                    + "longer than it, such as 10 s and 60 s");
        }
        this.heartbeatInterval = interval;
        this.staleAfter = staleAfter;
        this.nextStaleCheck = Instant.MIN;
    }

    /** The stored configuration. */
    public StudyConfig config() {
        return config;
    }

    /** The search space. */
    public SearchSpace space() {
        return space;
    }

    /** The objectives, the first one primary. */
    public List<Objective> objectives() {
        return config.objectives();
    }

    /**
     * Allows or forbids evaluating an architecture isomorphic to one evaluated before.
     * Forbidden by default; {@link #optimize} allows it while it runs with a noisy
     * evaluator, whatever this setting.
     */
    public void allowRepeats(boolean allowed) {
        this.repeatsAllowed = allowed;
    }

    /** Returns whether repeats are allowed now. */
    public boolean repeatsAllowed() {
        return repeatsAllowed;
    }

    /**
     * Screens every later strategy proposal with {@code pruner}. A candidate it skips is
     * stored as a {@link TrialState#SKIPPED} trial with the proposal's attributes and the
     * decision's ({@link PruneDecision#attributes}), and the strategy proposes again.
     * Stale trials evaluated again are not screened. The pruner is not stored with the
     * study, so a resumed study needs this call again.
     */
    public void usePruner(CandidatePruner pruner) {
        this.pruner = Optional.of(Objects.requireNonNull(pruner, "pruner"));
    }

    /**
     * Stores {@code attributes} with every trial this object creates from now on, such as
     * the program version, configuration digest, data checksums and machine that make a
     * trial's result traceable. The attributes a trial is created with take precedence.
     */
    public void addTrialAttributes(Map<String, String> attributes) {
        trialAttributes.putAll(attributes);
    }

    /**
     * Starts a trial: stale architectures from an interrupted run first, then the
     * strategy's proposal, which a pruner may skip first (see {@link #usePruner}). The
     * trial is stored as RUNNING before it is returned.
     */
    public Trial ask() {
        return ask(Map.of());
    }

    /**
     * Starts a trial as {@link #ask()} does, storing {@code extra} attributes with it,
     * such as the fidelity a scheduler chose.
     */
    Trial ask(Map<String, String> extra) {
        syncWithOtherWorkers();
        while (!retryQueue.isEmpty()) {
            String text = retryQueue.poll();
            Integer staleNumber = retryOf.remove(text);
            Architecture architecture = space.parse(text);
            Map<String, String> attributes = new HashMap<>(extra);
            attributes.put(RETRY_OF_ATTRIBUTE, Integer.toString(staleNumber));
            evaluatedKeys.add(architecture.isomorphismKey());
            // Repeats allowed, the stale trial's number still makes the retry unique.
            Optional<String> claim = repeatsAllowed
                    ? Optional.of(RETRY_OF_ATTRIBUTE + ":" + staleNumber)
                    : claimFor(architecture, attributes);
            Long staleSeed = staleSeeds.remove(staleNumber);
            long seed = staleSeed != null ? staleSeed
                    : proposalSeed(storage.counts(config.name()).nextNumber());
            Optional<Trial> retry = create(seed, architecture, attributes, claim, true);
            if (retry.isPresent()) {
                retryNumbers.add(retry.get().number());
                LOG.info("Trial {} evaluates stale trial {} again: {}", retry.get().number(),
                        staleNumber, text);
                return retry.get();
            }
            LOG.debug("Stale trial {} is being evaluated again by another worker", staleNumber);
        }
        // Skipped trials change nothing a pruner learns from, so one read of the trials
        // serves every proposal of this call.
        List<FrozenTrial> known = pruner.isPresent() ? trials() : List.of();
        Skipped mostPromising = null;
        int skips = 0;
        for (int attempt = 0; ; attempt++) {
            int number = storage.counts(config.name()).nextNumber();
            Map<String, String> notes = new HashMap<>();
            Architecture architecture = propose(number, notes);
            String key = architecture.isomorphismKey();
            Integer skippedAs = skippedKeys.get(key);
            boolean knownRepeat = evaluatedKeys.contains(key) && skippedAs == null;
            evaluatedKeys.add(key);
            Optional<PruneDecision> skip = pruner.map(p -> p.decide(architecture, known,
                    config.objectives())).filter(PruneDecision::skip);
            if (skip.isEmpty()) {
                Map<String, String> attributes = new HashMap<>(extra);
                attributes.putAll(notes);
                if (skippedAs != null) {
                    // Skipped before, judged again with the predictor refitted since.
                    skippedKeys.remove(key);
                    attributes.put(SKIPPED_AS_ATTRIBUTE, Integer.toString(skippedAs));
                }
                // A repeat the strategy could not avoid is evaluated again, unclaimed.
                Optional<String> claim = !knownRepeat && attempt < CLAIM_ATTEMPTS
                        ? claimFor(architecture, attributes) : Optional.empty();
                Optional<Trial> trial = create(proposalSeed(number), architecture, attributes,
                        claim, true);
                if (trial.isPresent()) {
                    return trial.get();
                }
                LOG.debug("Trial {}: another worker claimed {} first; proposing again", number,
                        architecture.text());
                syncWithOtherWorkers();
                continue;
            }
            int stored = skippedAs != null ? skippedAs
                    : storeSkipped(number, architecture, notes, skip.get());
            skippedKeys.put(key, stored);
            if (mostPromising == null || skip.get().improvementProbability()
                    > mostPromising.decision().improvementProbability()) {
                mostPromising = new Skipped(stored, architecture, notes, skip.get());
            }
            skips++;
            if (skips >= pruner.orElseThrow().maxSkipsInARow()) {
                Optional<Trial> promising = evaluateMostPromising(mostPromising, skips, extra);
                if (promising.isPresent()) {
                    return promising.get();
                }
                mostPromising = null;
                skips = 0;
            }
        }
    }

    /** A candidate the pruner skipped, as stored. */
    private record Skipped(int number, Architecture architecture, Map<String, String> notes,
            PruneDecision decision) {
    }

    /**
     * Starts a trial for the skipped candidate with the highest improvement probability
     * once {@code skips} candidates in a row were skipped, so the search cannot stall.
     * The trial stores the number of the skipped one as {@value #SKIPPED_AS_ATTRIBUTE}.
     */
    private Optional<Trial> evaluateMostPromising(Skipped candidate, int skips,
            Map<String, String> extra) {
        LOG.debug("{} candidates skipped in a row; evaluating the most promising, {} "
                + "(improvement probability {})", skips, candidate.architecture().text(),
                candidate.decision().improvementProbability());
        Map<String, String> attributes = new HashMap<>(extra);
        attributes.putAll(candidate.notes());
        attributes.put(SKIPPED_AS_ATTRIBUTE, Integer.toString(candidate.number()));
        skippedKeys.remove(candidate.architecture().isomorphismKey());
        int number = storage.counts(config.name()).nextNumber();
        return create(proposalSeed(number), candidate.architecture(), attributes,
                claimFor(candidate.architecture(), attributes), true);
    }

    /**
     * Asks the strategy for trial {@code number}'s architecture, replacing a repeat, and
     * adds the proposal's notes to {@code notes}.
     */
    private Architecture propose(int number, Map<String, String> notes) {
        AskContext context = new AskContext(space, config.objectives(), config.constraints(),
                Seeds.strategyRandom(config.seed(), proposalIndex(number)), number,
                a -> !repeatsAllowed && evaluatedKeys.contains(a.isomorphismKey()));
        Proposal proposal = strategy.propose(context);
        Architecture architecture = proposal.architecture();
        notes.putAll(proposal.attributes());
        String key = architecture.isomorphismKey();
        // A skipped candidate proposed again is judged again rather than replaced.
        if (!repeatsAllowed && evaluatedKeys.contains(key) && !skippedKeys.containsKey(key)) {
            architecture = replaceRepeat(architecture, number, notes);
        }
        return architecture;
    }

    /**
     * Stores a candidate the pruner skipped as a SKIPPED trial with the strategy's
     * {@code notes} and the decision. Attributes of the request, such as a scheduler's
     * rung, are left out because the trial ran at no fidelity.
     */
    private int storeSkipped(int number, Architecture architecture, Map<String, String> notes,
            PruneDecision decision) {
        // NOTE: the trial is created RUNNING and then ended in a second write. A process
        // killed in between leaves it RUNNING, so the next resume marks it STALE and
        // evaluates it.
        Map<String, String> attributes = new HashMap<>(notes);
        attributes.putAll(decision.attributes(pruner.orElseThrow().risk()));
        Trial trial = create(proposalSeed(number), architecture, attributes, Optional.empty(),
                false).orElseThrow();
        storage.finishTrial(config.name(), trial.number(), TrialState.SKIPPED, Map.of(),
                Map.of(), Optional.empty());
        LOG.debug("Trial {} skipped: {} has improvement probability {}, below the risk {}",
                trial.number(), architecture.text(), decision.improvementProbability(),
                pruner.orElseThrow().risk());
        return trial.number();
    }

    /**
     * Starts a trial that evaluates the architecture of {@code source} again with
     * {@code attributes}, such as a higher fidelity; deduplication does not apply, but
     * the trial claims the architecture at its fidelity, so that of several workers only
     * one promotes a trial.
     *
     * @return the trial, or empty when another worker claimed it first
     */
    Optional<Trial> repeat(FrozenTrial source, Map<String, String> attributes) {
        int number = storage.counts(config.name()).nextNumber();
        Architecture architecture = space.parse(source.architecture());
        Map<String, String> copy = new HashMap<>(attributes);
        return create(proposalSeed(number), architecture, copy, claimFor(architecture, copy),
                true);
    }

    /**
     * Stores a RUNNING trial with {@code seed} that owns {@code claimKey} when one is
     * given, within the running budget's limit on active trials when {@code capped}.
     *
     * @return the trial, or empty when another trial owns the claim key
     * @throws TrialBudgetTakenException when the budget's last trials are all taken
     */
    private Optional<Trial> create(long seed, Architecture architecture,
            Map<String, String> attributes, Optional<String> claimKey, boolean capped) {
        trialAttributes.forEach(attributes::putIfAbsent);
        attributes.put("strategy", strategy.name());
        attributes.put(Worker.ATTRIBUTE, Worker.current().toString());
        int limit = capped ? activeLimit : Integer.MAX_VALUE;
        OptionalInt stored = storage.claimTrial(config.name(), architecture.text(),
                claimKey.orElse(null), seed, attributes, limit);
        if (stored.isEmpty()) {
            TrialCounts counts = storage.counts(config.name());
            if (counts.finished() + counts.running() >= limit) {
                throw new TrialBudgetTakenException();
            }
            return Optional.empty();
        }
        if (stored.getAsInt() == seenNextNumber) {
            seenNextNumber++;
        }
        // The stored seed, so the evaluator and the store agree even when another
        // process took the number this one expected.
        return Optional.of(new Trial(stored.getAsInt(), architecture, seed, attributes));
    }

    /** Returns the seed of a new proposal that is to be trial {@code number}. */
    private long proposalSeed(int number) {
        return Seeds.trialSeed(config.seed(), proposalIndex(number));
    }

    /** Returns the claim key of a new evaluation: none while repeats are allowed. */
    private Optional<String> claimFor(Architecture architecture, Map<String, String> attributes) {
        return repeatsAllowed ? Optional.empty() : Optional.of(claimKey(architecture, attributes));
    }

    /**
     * Returns what a trial may evaluate only once in the study: the architecture's
     * isomorphism class, at the trial's fidelity when it has one.
     */
    private static String claimKey(Architecture architecture, Map<String, String> attributes) {
        String fidelity = attributes.get(Fidelity.ATTRIBUTE);
        return architecture.isomorphismKey() + (fidelity == null ? "" : "@" + fidelity);
    }

    /**
     * A random architecture not evaluated yet in place of a repeat the strategy
     * proposed, or the repeat itself when {@value #REPEAT_DRAWS} draws find none.
     */
    private Architecture replaceRepeat(Architecture repeat, int number,
            Map<String, String> attributes) {
        RandomGenerator random = Seeds.strategyRandom(config.seed() ^ REPEAT_SALT,
                proposalIndex(number));
        for (int draw = 0; draw < REPEAT_DRAWS; draw++) {
            Architecture candidate = space.sample(random);
            if (!evaluatedKeys.contains(candidate.isomorphismKey())) {
                LOG.debug("Trial {}: {} proposed {}, already evaluated; drawing {} instead",
                        number, strategy.name(), repeat.text(), candidate.text());
                attributes.put("replaced_repeat", repeat.text());
                return candidate;
            }
        }
        LOG.warn("Trial {}: {} random draws found only evaluated architectures; "
                + "evaluating {} again", number, REPEAT_DRAWS, repeat.text());
        return repeat;
    }

    /** Completes a trial with its metrics and tells the strategy. */
    public FrozenTrial tell(Trial trial, Evaluation evaluation) {
        evaluation.artifacts().forEach((name, content) ->
                storage.putArtifact(config.name(), trial.number(), name, content));
        return finish(trial, TrialState.COMPLETE, evaluation.metrics(), evaluation.attributes(), Optional.empty());
    }

    /**
     * Ends a trial as FAILED and passes it to the strategy. The stored error is the
     * reason that {@link EvaluationFailures#reason} returns. For a resource fault, such as
     * an exhausted heap or a time-out, it names the resource and the fix, and otherwise
     * the error's class and message.
     */
    public FrozenTrial fail(Trial trial, Throwable error) {
        String message = EvaluationFailures.reason(error);
        return finish(trial, TrialState.FAILED, Map.of(), Map.of(), Optional.of(message));
    }

    /**
     * Forgets the stale trials queued for evaluation again that {@code drop} selects; a
     * rung scheduler plans the work of stale promotions afresh from the stored trials.
     *
     * @return how many were dropped
     */
    int dropRetries(java.util.function.Predicate<FrozenTrial> drop) {
        int dropped = 0;
        for (java.util.Iterator<String> it = retryQueue.iterator(); it.hasNext(); ) {
            String text = it.next();
            Optional<FrozenTrial> stale = storage.trial(config.name(), retryOf.get(text));
            if (stale.isPresent() && drop.test(stale.get())) {
                it.remove();
                staleSeeds.remove(retryOf.remove(text));
                dropped++;
            }
        }
        return dropped;
    }

    /** Ends a trial as PRUNED with the metrics measured before it stopped, and passes it to the strategy. */
    public FrozenTrial prune(Trial trial, Map<String, Double> metrics) {
        return finish(trial, TrialState.PRUNED, metrics, Map.of(), Optional.empty());
    }

    private FrozenTrial finish(Trial trial, TrialState state, Map<String, Double> metrics,
            Map<String, String> attributes, Optional<String> error) {
        storage.finishTrial(config.name(), trial.number(), state, metrics, attributes,
                error.map(Study::printable));
        FrozenTrial frozen = storage.trial(config.name(), trial.number()).orElseThrow();
        if (frozen.state().isFinished() && learnedNumbers.add(frozen.number())) {
            if (deferredResults != null) {
                deferredResults.add(frozen);
            } else {
                strategy.tell(frozen);
            }
        }
        return frozen;
    }

    /**
     * Returns {@code text} with every control character but tab and line breaks replaced
     * by U+FFFD. An error may quote a program's output, and a NUL byte in it cannot be
     * stored in PostgreSQL, while terminal escapes would reach the user's terminal.
     */
    static String printable(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean kept = c == '\t' || c == '\n' || c == '\r' || !Character.isISOControl(c);
            clean.appendCodePoint(kept ? c : 0xFFFD);
        });
        return clean.toString();
    }

    /**
     * Defers passing the results this object records to the strategy until
     * {@link #takeDeferredResults} hands them to a loop, which passes them on with
     * {@link #learn} in an order of its choice.
     */
    void deferLearning() {
        deferredResults = new ArrayList<>();
    }

    /**
     * Returns the results deferred since the last call. With {@code release}, results
     * recorded from now on go to the strategy at once.
     */
    List<FrozenTrial> takeDeferredResults(boolean release) {
        List<FrozenTrial> deferred = deferredResults == null ? List.of()
                : List.copyOf(deferredResults);
        deferredResults = release ? null : new ArrayList<>();
        return deferred;
    }

    /** Passes a finished trial this object recorded to the strategy. */
    void learn(FrozenTrial trial) {
        strategy.tell(trial);
    }

    /** Asks the running {@link #optimize} loop to stop after saving; safe from any thread. */
    public void stop() {
        stopRequested.set(true);
    }

    /** Returns whether {@link #stop()} was called. */
    public boolean isStopRequested() {
        return stopRequested.get();
    }

    /**
     * Runs ask, evaluate and tell until the budget is spent or {@link #stop()} is called.
     * An evaluation that raises an exception, runs out of heap or stack, or passes the
     * trial time limit ends its trial as FAILED with the reason, and the loop goes on.
     * One cut short by the study's time limit or a stop request leaves its trial STALE,
     * so a later run evaluates it again. A store that fails to write, such as a full
     * disk, stops the loop with its {@link StorageException}, and the trial stays
     * RUNNING until a resume marks it STALE. Repeats are allowed while it runs when
     * {@code evaluator.isNoisy()}.
     *
     * @return why the loop ended
     */
    public StopReason optimize(Evaluator evaluator, Budget budget, StudyListener listener) {
        return optimize(evaluator, budget, listener, Optional.empty());
    }

    /**
     * Runs the loop as {@link #optimize(Evaluator, Budget, StudyListener)} does, with a
     * scheduler: a {@link RungScheduler} chooses each evaluation's fidelity and which
     * trials are promoted (see {@link RungLoop}); a {@link StoppingRule} stops trials
     * early from the values they report, ending them PRUNED.
     *
     * @throws IllegalArgumentException when a rung scheduler meets an evaluator without a
     *     fidelity range
     */
    public StopReason optimize(Evaluator evaluator, Budget budget, StudyListener listener,
            Optional<Scheduler> scheduler) {
        boolean repeatsBefore = repeatsAllowed;
        repeatsAllowed = repeatsBefore || evaluator.isNoisy();
        try {
            if (scheduler.isPresent() && scheduler.get() instanceof RungScheduler rungs) {
                return new RungLoop(this, rungs, evaluator).run(budget, listener);
            }
            Optional<StoppingRule> rule = scheduler.map(StoppingRule.class::cast);
            return run(budget, listener, deadline -> {
                Trial trial = ask();
                listener.trialStarted(trial);
                return evaluateOne(evaluator, trial, deadline, rule);
            });
        } finally {
            repeatsAllowed = repeatsBefore;
        }
    }

    /**
     * Runs the study with trials evaluated by {@code executor}, keeping up to its
     * {@link TrialExecutor#parallelism()} trials in flight: whenever one ends, the
     * strategy learns its result and proposes the next. The trial budget counts the trials in
     * flight, so the study ends with exactly the budgeted number finished. Each trial in
     * flight sends heartbeats from this process. When the time limit passes or
     * {@link #stop()} is called, the trials in flight are cancelled and left STALE, to be
     * evaluated again by a later run. Schedulers are not supported here: each trial runs
     * at the fidelity its attributes name, or the evaluator's full one.
     *
     * @return why the loop ended
     */
    public StopReason optimize(TrialExecutor executor, Budget budget, StudyListener listener) {
        return new AsyncLoop(this, executor, listener, learnInTrialOrder).run(budget);
    }

    /**
     * Chooses how {@link #optimize(TrialExecutor, Budget, StudyListener)} passes results
     * to the strategy. In trial order, the default, trial {@code k} starts once the
     * strategy has learned the results of trials up to {@code k - parallelism}, in start
     * order, so the same seed and parallelism replay the same trials however long each
     * took. Otherwise the strategy learns each result as it arrives, which keeps every
     * slot busy when trial times vary widely but makes the trials depend on timing.
     */
    public void learnInTrialOrder(boolean inOrder) {
        this.learnInTrialOrder = inOrder;
    }

    /**
     * Returns why a loop must stop before starting another trial, or empty when it may
     * start one. Running trials, this process's and others', count towards the trial
     * budget, so that the workers of a study together finish exactly that many.
     */
    Optional<StopReason> stopBeforeNext(Budget budget, Instant deadline) {
        if (stopRequested.get()) {
            return Optional.of(StopReason.INTERRUPTED);
        }
        if (budget.totalTrials().isPresent()) {
            TrialCounts counts = storage.counts(config.name());
            int total = budget.totalTrials().getAsInt();
            boolean othersRunTheRest = counts.finished() + counts.running() >= total
                    && retryQueue.isEmpty();
            if (counts.finished() >= total || othersRunTheRest) {
                return Optional.of(StopReason.TRIAL_BUDGET);
            }
        }
        if (budget.costLimit().isPresent() && spentCost() >= budget.costLimit().getAsDouble()) {
            return Optional.of(StopReason.COST_BUDGET);
        }
        if (!Instant.now().isBefore(deadline)) {
            return Optional.of(StopReason.TIME_LIMIT);
        }
        return Optional.empty();
    }

    /** Lets no more trials start than the trial budget of the loop now running. */
    void limitActiveTrials(Budget budget) {
        activeLimit = budget.totalTrials().orElse(Integer.MAX_VALUE);
    }

    /** Lifts the limit of {@link #limitActiveTrials} when a loop ends. */
    void liftActiveLimit() {
        activeLimit = Integer.MAX_VALUE;
    }

    /**
     * Returns whether the trial budget is not spent while other processes run every
     * remaining trial. A loop then waits, because one of them may die.
     */
    boolean othersStillRunning(Budget budget) {
        return budget.totalTrials().isPresent()
                && storage.counts(config.name()).finished() < budget.totalTrials().getAsInt();
    }

    /** Starts sending heartbeats for a trial this process evaluates. */
    AutoCloseable beat(Trial trial) {
        Worker.markRunningHere(storage.location(), config.name(), trial.number());
        Heartbeat heartbeat = Heartbeat.start(storage, config.name(), trial.number(),
                heartbeatInterval);
        return () -> {
            heartbeat.close();
            Worker.markDoneHere(storage.location(), config.name(), trial.number());
        };
    }

    /** Ends a trial with an outcome from an executor, and returns it as stored. */
    Optional<FrozenTrial> record(Trial trial, TrialOutcome outcome) {
        if (outcome instanceof TrialOutcome.Completed done) {
            return Optional.of(tell(trial,
                    new Evaluation(done.metrics(), done.attributes(), done.artifacts())));
        }
        if (outcome instanceof TrialOutcome.Pruned pruned) {
            return Optional.of(prune(trial, pruned.metrics()));
        }
        if (outcome instanceof TrialOutcome.Failed failed) {
            return Optional.of(finish(trial, TrialState.FAILED, Map.of(), Map.of(),
                    Optional.of(failed.error())));
        }
        storage.markStale(config.name(), trial.number());
        return Optional.empty();
    }

    /** Marks a trial this process gave up on STALE, so that it is evaluated again. */
    void abandon(Trial trial) {
        storage.markStale(config.name(), trial.number());
    }

    /** One step of a loop: start a trial, evaluate it, return its outcome or empty when cut short. */
    @FunctionalInterface
    interface LoopStep {
        Optional<FrozenTrial> run(Instant deadline);
    }

    /** Runs {@code step} until the budget is spent or the loop is stopped. */
    StopReason run(Budget budget, StudyListener listener, LoopStep step) {
        Instant deadline = budget.timeLimit().map(Instant.now()::plus).orElse(Instant.MAX);
        limitActiveTrials(budget);
        try {
            return loop(budget, listener, step, deadline);
        } finally {
            liftActiveLimit();
        }
    }

    private StopReason loop(Budget budget, StudyListener listener, LoopStep step,
            Instant deadline) {
        while (true) {
            Optional<StopReason> reason = stopBeforeNext(budget, deadline);
            if (reason.isPresent()) {
                if (reason.get() != StopReason.TRIAL_BUDGET || !othersStillRunning(budget)) {
                    return reason.get();
                }
                if (!Instant.now().isBefore(deadline)) {
                    return StopReason.TIME_LIMIT;
                }
                // Other workers run the last trials; wait in case one of them dies.
                waitForOtherWorkers(deadline);
                continue;
            }
            Optional<FrozenTrial> outcome;
            try {
                outcome = step.run(deadline);
            } catch (TrialBudgetTakenException e) {
                // Another worker started the last budgeted trial first.
                continue;
            }
            if (outcome.isEmpty()) {
                return stopRequested.get() ? StopReason.INTERRUPTED : StopReason.TIME_LIMIT;
            }
            listener.trialFinished(outcome.get());
        }
    }

    /**
     * Sleeps a moment, then catches up with the other workers, whose trials may have
     * finished or gone stale meanwhile.
     */
    void waitForOtherWorkers(Instant deadline) {
        long millis = Math.min(heartbeatInterval.toMillis(), WAIT_MILLIS);
        Instant now = Instant.now();
        if (now.plusMillis(millis).isAfter(deadline)) {
            millis = Math.max(0, Duration.between(now, deadline).toMillis());
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
        syncWithOtherWorkers();
    }

    /**
     * Sums the training epochs spent by the study's finished trials
     * ({@value CostMetrics#TRAINING_EPOCHS}).
     */
    public double spentCost() {
        return trials().stream().mapToDouble(Study::trainingCost).sum();
    }

    /**
     * Returns the training epochs a trial cost. The retry of a stale trial served from
     * the evaluation cache counts the epochs of the cached evaluation, which the killed
     * process spent, so a killed study stops at the same trial as one never killed.
     */
    private static double trainingCost(FrozenTrial trial) {
        double epochs = trial.metrics().getOrDefault(CostMetrics.TRAINING_EPOCHS, 0.0);
        String cached = trial.attributes().get(CachingEvaluator.CACHED_TRAINING_EPOCHS);
        if (cached == null || !trial.attributes().containsKey(RETRY_OF_ATTRIBUTE)) {
            return epochs;
        }
        try {
            return Math.max(epochs, Double.parseDouble(cached));
        } catch (NumberFormatException e) {
            return epochs;
        }
    }

    Optional<FrozenTrial> evaluateOne(Evaluator evaluator, Trial trial, Instant deadline,
            Optional<StoppingRule> rule) {
        EvaluationContext context = new TrialContext(trial, deadline, rule);
        Worker.markRunningHere(storage.location(), config.name(), trial.number());
        try (Heartbeat heartbeat = Heartbeat.start(storage, config.name(), trial.number(),
                heartbeatInterval)) {
            Evaluation evaluation = requireFiniteObjectives(
                    timeLimited(evaluator).evaluate(trial.architecture(), context));
            FrozenTrial done = tell(trial, evaluation);
            if (done.state() == TrialState.STALE) {
                LOG.warn("Trial {} finished after it was marked stale; its result is kept in "
                        + "its late_ attributes: {}", done.number(), trial.architecture().text());
            } else {
                LOG.info("Trial {} complete: {} {}", done.number(), trial.architecture().text(),
                        done.metrics());
            }
            return Optional.of(done);
        } catch (TrialPrunedException e) {
            FrozenTrial pruned = prune(trial, e.metrics());
            LOG.info("Trial {} pruned at step {}: {}", pruned.number(), e.step(),
                    trial.architecture().text());
            return Optional.of(pruned);
        } catch (EvaluationInterruptedException e) {
            storage.markStale(config.name(), trial.number());
            LOG.info("Trial {} stopped before it finished ({}); it will be evaluated again on resume",
                    trial.number(), e.getMessage());
            return Optional.empty();
        } catch (StorageException e) {
            // The store failed, not the evaluation: the trial stays RUNNING in the store,
            // and the next resume marks it STALE and evaluates it again.
            throw e;
        } catch (RuntimeException | Error e) {
            // The evaluation's references went with its stack, so the heap has recovered
            // from an OutOfMemoryError by now.
            if (!EvaluationFailures.failsTrial(e)) {
                throw e;
            }
            return Optional.of(failAfterError(trial, e));
        } finally {
            Worker.markDoneHere(storage.location(), config.name(), trial.number());
        }
    }

    /** Ends a trial whose evaluation raised {@code error} as FAILED, and logs the reason. */
    private FrozenTrial failAfterError(Trial trial, Throwable error) {
        FrozenTrial failed = fail(trial, error);
        // The stored error names the cause; the stack trace is for debugging only.
        LOG.warn("Trial {} failed: {} ({})", trial.number(), trial.architecture().text(),
                failed.error().orElse(""));
        LOG.debug("Trial {} failed", trial.number(), error);
        return failed;
    }

    /** Returns {@code evaluator} under the trial time limit, or itself when there is none. */
    private Evaluator timeLimited(Evaluator evaluator) {
        return trialTimeout.<Evaluator>map(limit ->
                new TimeLimitedEvaluator(evaluator, limit, trialTimeoutGrace)).orElse(evaluator);
    }

    /**
     * Gives every later evaluation of {@link #optimize(Evaluator, Budget, StudyListener)}
     * a time limit, with {@link TimeLimitedEvaluator#DEFAULT_GRACE} to stop. By default
     * evaluations have no limit.
     *
     * @see #useTrialTimeout(Duration, Duration)
     */
    public void useTrialTimeout(Duration limit) {
        useTrialTimeout(limit, TimeLimitedEvaluator.DEFAULT_GRACE);
    }

    /**
     * Gives every later evaluation of {@link #optimize(Evaluator, Budget, StudyListener)}
     * and of its scheduled forms a time limit. An evaluation past it is asked to stop (its
     * context's {@code shouldStop()} turns true and its thread is interrupted). When it
     * has not returned {@code grace} later, it is abandoned on its daemon thread (see
     * {@link TimeLimitedEvaluator}). Either way its trial ends FAILED with the reason
     * "exceeded the trial time limit of ..." and the loop goes on. The limit is not
     * stored with the study, so a resumed study needs this call again. Trials in flight
     * on a {@link TrialExecutor} take their limit from the evaluators the executor
     * builds: wrap those in a {@link TimeLimitedEvaluator}.
     *
     * @throws IllegalArgumentException when the limit is not positive or the grace
     *     period is negative
     */
    public void useTrialTimeout(Duration limit, Duration grace) {
        TimeLimitedEvaluator.requireValid(limit, grace);
        this.trialTimeout = Optional.of(limit);
        this.trialTimeoutGrace = grace;
    }

    /** Returns the time limit of each evaluation, or empty without one. */
    public Optional<Duration> trialTimeout() {
        return trialTimeout;
    }

    /**
     * Returns {@code evaluation} when every objective it reports is a finite number.
     *
     * @throws IllegalStateException naming the first objective that is NaN or infinite,
     *     such as the loss of a diverged training, so the trial fails instead of ranking
     */
    private Evaluation requireFiniteObjectives(Evaluation evaluation) {
        for (Objective objective : config.objectives()) {
            Double value = evaluation.metrics().get(objective.metric());
            if (value != null && !Double.isFinite(value)) {
                throw new IllegalStateException("objective " + objective.metric() + " is "
                        + value + "; the evaluation diverged or overflowed");
            }
        }
        return evaluation;
    }

    /** Number of finished trials (complete, pruned or failed) in the store. */
    public int finishedCount() {
        return storage.counts(config.name()).finished();
    }

    /** All trials, ordered by number. */
    public List<FrozenTrial> trials() {
        return storage.trials(config.name());
    }

    /**
     * The complete trial best on the first objective among the feasible ones; ties go
     * to the lower number. When no trial is feasible, the least-violating one.
     */
    public Optional<FrozenTrial> best() {
        return bestOf(trials(), config.objectives(), config.constraints());
    }

    /** The complete trial best on the first objective of {@code objectives}. */
    public static Optional<FrozenTrial> bestOf(List<FrozenTrial> trials, List<Objective> objectives) {
        return bestOf(trials, objectives, List.of());
    }

    /**
     * The complete full-fidelity trial best on the first objective of {@code objectives}
     * among those that meet every constraint, or, when none does, the one of least total
     * violation (then best value); ties go to the lower number.
     */
    public static Optional<FrozenTrial> bestOf(List<FrozenTrial> trials, List<Objective> objectives,
            List<Constraint> constraints) {
        Objective primary = objectives.get(0);
        Comparator<FrozenTrial> byValue = Comparator.comparingDouble(
                t -> primary.direction().toMinimized(t.metrics().get(primary.metric())));
        return trials.stream()
                .filter(t -> t.hasValues(List.of(primary)) && isFullFidelity(t))
                .min(Comparator.comparingDouble((FrozenTrial t) -> Constraints.violation(t, constraints))
                        .thenComparing(byValue)
                        .thenComparingInt(FrozenTrial::number));
    }

    /**
     * The complete trials no other complete trial dominates, ordered by the first
     * objective; with constraints, dominance is Deb's constrained dominance (see
     * {@link #paretoFrontOf(List, List, List)}).
     */
    public List<FrozenTrial> paretoFront() {
        return paretoFrontOf(trials(), config.objectives(), config.constraints());
    }

    /** The non-dominated complete trials of {@code trials}, ordered by the first objective, best first. */
    public static List<FrozenTrial> paretoFrontOf(List<FrozenTrial> trials, List<Objective> objectives) {
        return paretoFrontOf(trials, objectives, List.of());
    }

    /**
     * The complete full-fidelity trials of {@code trials} that no other one dominates
     * under constrained dominance (Deb, Pratap, Agarwal and Meyarivan, 2002): a feasible
     * trial dominates every infeasible one, and of two infeasible trials the one of
     * smaller total violation dominates. The set is therefore the Pareto set of the
     * feasible trials when there are any, and otherwise the trials of least violation,
     * never empty while some trial has the objectives' values. Ordered by the first
     * objective, best first.
     */
    public static List<FrozenTrial> paretoFrontOf(List<FrozenTrial> trials, List<Objective> objectives,
            List<Constraint> constraints) {
        List<FrozenTrial> candidates = trials.stream()
                .filter(t -> t.hasValues(objectives) && isFullFidelity(t))
                .toList();
        List<double[]> points = new ArrayList<>();
        double[] violations = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            FrozenTrial trial = candidates.get(i);
            points.add(trial.minimized(objectives));
            violations[i] = Constraints.violation(trial, constraints);
        }
        int[] ranks = ParetoRanking.constrainedRanks(points, violations);
        List<FrozenTrial> front = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (ranks[i] == 0) {
                front.add(candidates.get(i));
            }
        }
        Objective primary = objectives.get(0);
        front.sort(Comparator.comparingDouble(
                (FrozenTrial t) -> primary.direction().toMinimized(t.metrics().get(primary.metric())))
                .thenComparingInt(FrozenTrial::number));
        return List.copyOf(front);
    }

    /**
     * Returns whether {@code trial} ran at its evaluator's full fidelity: it has no
     * {@value #FULL_FIDELITY} attribute, or the attribute is {@code true}. Only such
     * trials count for {@link #best()} and {@link #paretoFront()}.
     */
    public static boolean isFullFidelity(FrozenTrial trial) {
        return !"false".equals(trial.attributes().get(FULL_FIDELITY));
    }

    /** The reason {@link #optimize} returned. */
    public enum StopReason {
        TRIAL_BUDGET,
        COST_BUDGET,
        TIME_LIMIT,
        INTERRUPTED
    }

    private final class TrialContext implements EvaluationContext {
        private final Trial trial;
        private final Instant deadline;
        private final Optional<StoppingRule> rule;
        private final Optional<Fidelity> fidelity;
        private final List<IntermediateValue> reported = new ArrayList<>();
        private List<FrozenTrial> peers;

        TrialContext(Trial trial, Instant deadline, Optional<StoppingRule> rule) {
            this.trial = trial;
            this.deadline = deadline;
            this.rule = rule;
            this.fidelity = Optional.ofNullable(trial.attributes().get(Fidelity.ATTRIBUTE))
                    .map(Fidelity::parse);
        }

        @Override
        public Optional<Fidelity> fidelity() {
            return fidelity;
        }

        @Override
        public boolean earlyStopping() {
            return rule.isPresent();
        }

        @Override
        public boolean shouldPrune() {
            if (rule.isEmpty() || reported.isEmpty()) {
                return false;
            }
            if (peers == null) {
                // The peers are read once per trial: a rule compares with finished trials,
                // and only this process's loop finishes them while this trial runs.
                peers = trials().stream()
                        .filter(t -> t.state().isFinished() && t.number() != trial.number())
                        .toList();
            }
            int step = reported.get(reported.size() - 1).step();
            return rule.get().shouldStop(reported, step, peers, config.objectives().get(0));
        }

        @Override
        public int trialNumber() {
            return trial.number();
        }

        @Override
        public long seed() {
            return trial.seed();
        }

        @Override
        public void report(int step, String metric, double value) {
            storage.reportIntermediate(config.name(), trial.number(), step, metric, value);
            reported.add(new IntermediateValue(step, metric, value));
        }

        @Override
        public boolean shouldStop() {
            return stopRequested.get() || !Instant.now().isBefore(deadline);
        }
    }
}
