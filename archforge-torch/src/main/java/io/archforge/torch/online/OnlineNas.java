package io.archforge.torch.online;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.archforge.online.DriftDetector;
import io.archforge.online.SearchEffort;
import io.archforge.online.SwapRule;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.torch.train.DjlRuntime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online architecture search on a drifting stream, after ONE-NAS (Lyu, Ororbia and
 * Desell, "Online Evolutionary Neural Architecture Search for Multivariate
 * Non-Stationary Time Series Forecasting", arXiv 2302.10347, 2023). A population of
 * forecasting networks trains incrementally on the arriving windows. Evolution replaces
 * its worst members by mutated children that inherit their parents' weights.
 *
 * <p>Each chunk, every member forecasts the chunk's windows. A window's error counts
 * for a member once all its forecast rows have arrived. The drift detector receives the
 * deployed model's mean error over the windows completed in each chunk, and discards its
 * values at each swap because they describe the replaced model. Every member then takes
 * a few optimizer steps on windows from the recent past.
 *
 * <p>Every few chunks a generation runs. First the {@link SwapRule} may deploy a
 * challenger. Then, among the members with a full set of recent errors other than the
 * deployed one, the worst are replaced by children of parents picked by binary tournament
 * on recent error; the {@link SearchEffort} sets how many members go and how many
 * choices each child changes. A drift alarm raises the effort to its maximum, and it
 * decays generation by generation. The deployed member is never replaced by evolution.
 */
public final class OnlineNas implements StreamLearner {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineNas.class);

    /** Attempts to draw a child unlike every member before accepting a duplicate. */
    private static final int CHILD_ATTEMPTS = 10;

    private final StreamData data;
    private final SearchSpace space;
    private final NetworkFactory networks;
    private final DriftDetector detector;
    private final OnlineSettings settings;
    private final OnlineListener listener;
    private final SearchEffort effort;
    private final SwapRule rule;
    private final SplittableRandom random;
    private final NDManager manager;
    private final List<StreamMember> members = new ArrayList<>();
    private final ArrayDeque<PendingWindow> pending = new ArrayDeque<>();
    private final List<OnlineListener.Swap> swaps = new ArrayList<>();
    private final List<OnlineListener.Drift> drifts = new ArrayList<>();
    private final List<Generation> generations = new ArrayList<>();
    private StreamMember deployed;
    private long nextId;
    private long retiredSteps;
    private long chunks;

    /**
     * Creates the search with a random initial population; the first member is deployed.
     *
     * @param space the space the members are drawn from; {@code networks} must build it
     */
    public OnlineNas(StreamData data, SearchSpace space, NetworkFactory networks,
            DriftDetector detector, OnlineSettings settings, OnlineListener listener) {
        this.data = Objects.requireNonNull(data, "data");
        this.space = Objects.requireNonNull(space, "space");
        this.networks = Objects.requireNonNull(networks, "networks");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.effort = new SearchEffort(1, settings.maxChildren(), settings.maxMutations(),
                settings.effortDecay());
        this.rule = new SwapRule(settings.swapChecks(), settings.swapWins(),
                settings.swapMargin());
        this.random = new SplittableRandom(settings.seed());
        Engine engine = DjlRuntime.engine();
        engine.setRandomSeed((int) settings.seed());
        this.manager = engine.newBaseManager();
        for (int i = 0; i < settings.population(); i++) {
            members.add(newMember(space.sample(random), data.firstOrigin()));
        }
        deployed = members.get(0);
    }

    @Override
    public float[] forecast(int[] origins) {
        float[] chosen = null;
        Map<Long, double[]> errors = new HashMap<>();
        for (StreamMember member : members) {
            float[] forecasts = member.forecast(origins);
            double[] memberErrors = new double[origins.length];
            for (int i = 0; i < origins.length; i++) {
                memberErrors[i] = data.absoluteError(origins[i], forecasts, i * data.horizon());
            }
            errors.put(member.id(), memberErrors);
            if (member == deployed) {
                chosen = forecasts;
            }
        }
        for (int i = 0; i < origins.length; i++) {
            Map<Long, Double> windowErrors = new HashMap<>();
            for (Map.Entry<Long, double[]> entry : errors.entrySet()) {
                windowErrors.put(entry.getKey(), entry.getValue()[i]);
            }
            pending.addLast(new PendingWindow(origins[i], windowErrors));
        }
        return chosen;
    }

    @Override
    public void observe(Chunk chunk) {
        reveal(chunk.end());
        train(chunk);
        chunks++;
        if (chunks % settings.generationChunks() == 0) {
            checkSwap(chunk.end());
            evolve(chunk.end());
            effort.decay();
        }
    }

    /** Moves the errors of the windows completed by row {@code end} to the members. */
    private void reveal(int end) {
        double deployedSum = 0;
        int deployedCount = 0;
        Map<Long, StreamMember> byId = new HashMap<>();
        members.forEach(member -> byId.put(member.id(), member));
        while (!pending.isEmpty() && pending.peekFirst().origin() + data.horizon() <= end) {
            PendingWindow window = pending.pollFirst();
            for (Map.Entry<Long, Double> entry : window.errors().entrySet()) {
                StreamMember member = byId.get(entry.getKey());
                if (member != null) {
                    member.record(entry.getValue());
                }
            }
            Double error = window.errors().get(deployed.id());
            if (error != null && Double.isFinite(error)) {
                deployedSum += error;
                deployedCount++;
            }
        }
        if (deployedCount > 0 && detector.add(deployedSum / deployedCount)) {
            effort.raise();
            OnlineListener.Drift drift = new OnlineListener.Drift(end, timestamp(end),
                    detector.name(), deployed.recentError());
            drifts.add(drift);
            LOG.debug("Drift alarm of {} at row {}", detector.name(), end);
            listener.drifted(drift);
        }
    }

    private void train(Chunk chunk) {
        int poolStart = Math.max(data.firstOrigin(), chunk.endWindow()
                - settings.replayWindows());
        for (StreamMember member : members) {
            for (int step = 0; step < settings.stepsPerChunk(); step++) {
                member.train(poolStart, chunk.endWindow(), chunk.newWindows(), random);
            }
        }
    }

    /** Deploys a challenger when the swap rule holds, or at once when the deployed diverged. */
    private void checkSwap(int row) {
        Map<Long, Double> challengers = new LinkedHashMap<>();
        for (StreamMember member : members) {
            if (member != deployed && member.mature() && !member.diverged()) {
                challengers.put(member.id(), member.recentError());
            }
        }
        OptionalLong winner;
        if (deployed.diverged()) {
            winner = challengers.entrySet().stream().min(Map.Entry.comparingByValue())
                    .map(entry -> OptionalLong.of(entry.getKey())).orElse(OptionalLong.empty());
        } else if (deployed.mature()) {
            winner = rule.check(deployed.recentError(), challengers);
        } else {
            winner = OptionalLong.empty();
        }
        if (winner.isEmpty()) {
            return;
        }
        StreamMember challenger = members.stream()
                .filter(member -> member.id() == winner.getAsLong()).findFirst().orElseThrow();
        OnlineListener.Swap swap = new OnlineListener.Swap(row, timestamp(row),
                deployed.architecture().text(), challenger.architecture().text(),
                deployed.recentError(), challenger.recentError());
        deployed = challenger;
        detector.reset();
        swaps.add(swap);
        LOG.debug("Deployed {} at row {}", swap.to(), row);
        listener.swapped(swap);
    }

    /** Replaces the worst judged members by mutated children that inherit weights. */
    private void evolve(int row) {
        List<StreamMember> judged = members.stream().filter(StreamMember::mature).toList();
        List<StreamMember> worst = judged.stream().filter(member -> member != deployed)
                .sorted(Comparator.comparingDouble(StreamMember::recentError).reversed())
                .toList();
        int children = Math.min(effort.children(), worst.size());
        int mutations = effort.mutations();
        List<StreamMember> victims = worst.subList(0, children);
        List<StreamMember> parents = judged.stream().filter(m -> !victims.contains(m))
                .toList();
        if (parents.isEmpty()) {
            parents = List.of(deployed);
        }
        for (StreamMember victim : victims) {
            StreamMember parent = tournament(parents);
            StreamMember child = newMember(childArchitecture(parent, mutations), row);
            child.inheritFrom(parent);
            members.set(members.indexOf(victim), child);
            rule.forget(victim.id());
            retiredSteps += victim.steps();
            victim.close();
        }
        generations.add(new Generation(row, children, mutations, effort.level()));
    }

    private StreamMember tournament(List<StreamMember> candidates) {
        StreamMember first = candidates.get(random.nextInt(candidates.size()));
        StreamMember second = candidates.get(random.nextInt(candidates.size()));
        return first.recentError() <= second.recentError() ? first : second;
    }

    private Architecture childArchitecture(StreamMember parent, int mutations) {
        Architecture child = parent.architecture();
        for (int attempt = 0; attempt < CHILD_ATTEMPTS; attempt++) {
            child = parent.architecture();
            for (int i = 0; i < mutations; i++) {
                child = space.mutate(child, random);
            }
            Architecture candidate = child;
            if (members.stream().noneMatch(m -> m.architecture().equals(candidate))) {
                return child;
            }
        }
        return child;
    }

    private StreamMember newMember(Architecture architecture, int row) {
        return StreamMember.create(nextId++, architecture, networks, data, manager,
                settings.recentWindows(), row);
    }

    private java.time.LocalDateTime timestamp(int row) {
        return data.timestamp(Math.min(row, data.rows()) - 1);
    }

    @Override
    public String deployed() {
        return deployed.architecture().text();
    }

    @Override
    public long trainingSteps() {
        return retiredSteps + members.stream().mapToLong(StreamMember::steps).sum();
    }

    /** Returns every swap so far, in order. */
    public List<OnlineListener.Swap> swaps() {
        return List.copyOf(swaps);
    }

    /** Returns every drift alarm so far, in order. */
    public List<OnlineListener.Drift> drifts() {
        return List.copyOf(drifts);
    }

    /** Returns every generation so far, in order. */
    public List<Generation> generations() {
        return List.copyOf(generations);
    }

    /** Returns the architectures of the current population, the deployed one first. */
    public List<Architecture> population() {
        List<Architecture> architectures = new ArrayList<>();
        architectures.add(deployed.architecture());
        members.stream().filter(member -> member != deployed)
                .forEach(member -> architectures.add(member.architecture()));
        return architectures;
    }

    @Override
    public void close() {
        members.forEach(StreamMember::close);
        members.clear();
        manager.close();
    }

    /**
     * One generation of the search.
     *
     * @param row the row at which it ran
     * @param children the members it replaced
     * @param mutations the choices each child changed
     * @param effort the raised part of the search effort, from 0 (base) to 1 (just after
     *     an alarm)
     */
    public record Generation(int row, int children, int mutations, double effort) {
    }

    /** The errors of every member on one window whose forecast rows have not all arrived. */
    private record PendingWindow(int origin, Map<Long, Double> errors) {
    }
}
