package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.CellSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.storage.Storage;
import io.archforge.storage.StorageException;
import io.archforge.strategy.Strategies;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** How a resuming study treats trials that other processes are running. */
class StudyWorkersTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final StudyConfig CONFIG = new StudyConfig("w", "nb201", "synthetic",
            Map.of(), "random", Map.of(), List.of(Objective.maximize("accuracy")), 3);
    private static final String CELL =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|none~1|none~2|";

    private static Study open(Storage storage) {
        return Study.open(storage, CONFIG, NB201, Strategies.create("random", Map.of()));
    }

    private static String workerOf(ProcessHandle process) {
        long started = process.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
        return new Worker(Worker.current().host(), process.pid(), started).toString();
    }

    @Test
    void liveProcessKeepsItsTrial() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy(CONFIG);
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            int number = storage.createTrial("w", CELL, 1L,
                    Map.of(Worker.ATTRIBUTE, workerOf(sleeper.toHandle())));

            Study study = open(storage);
            // 49 trials of its own, then it waits for the other process's trial until
            // the time limit: that trial still has its heartbeat.
            Study.StopReason reason = study.optimize(new SyntheticEvaluator(),
                    Budget.of(50, Duration.ofSeconds(2)), StudyListener.NONE);

            assertThat(reason).isEqualTo(Study.StopReason.TIME_LIMIT);
            assertThat(study.finishedCount()).isEqualTo(49);
            assertThat(storage.trial("w", number).orElseThrow().state())
                    .isEqualTo(TrialState.RUNNING);
            String key = NB201.parse(CELL).isomorphismKey();
            assertThat(study.trials()).filteredOn(t -> t.number() != number)
                    .allSatisfy(t -> assertThat(NB201.parse(t.architecture()).isomorphismKey())
                            .isNotEqualTo(key));
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void deadProcessLosesItsTrial() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy(CONFIG);
        // Read the identity while the process runs, then end it.
        Process finished = new ProcessBuilder("sleep", "60").start();
        String worker = workerOf(finished.toHandle());
        finished.destroyForcibly().waitFor();
        int number = storage.createTrial("w", CELL, 1L, Map.of(Worker.ATTRIBUTE, worker));

        Study study = open(storage);
        Trial retry = study.ask();

        assertThat(storage.trial("w", number).orElseThrow().state()).isEqualTo(TrialState.STALE);
        assertThat(retry.architecture().text()).isEqualTo(CELL);
        assertThat(retry.attributes()).containsEntry("retry_of", Integer.toString(number));
    }

    @Test
    void trialWithoutWorkerIsStale() {
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy(CONFIG);
        int number = storage.createTrial("w", CELL, 1L, Map.of());

        open(storage);

        assertThat(storage.trial("w", number).orElseThrow().state()).isEqualTo(TrialState.STALE);
    }

    @Test
    void askedTrialRecordsThisWorker() {
        Study study = open(new InMemoryStorage());

        Trial trial = study.ask();

        assertThat(study.trials().get(trial.number()).attributes())
                .containsEntry(Worker.ATTRIBUTE, Worker.current().toString());
        assertThat(Worker.parse(Worker.current().toString())).contains(Worker.current());
    }

    @Test
    void malformedWorkerParsesEmpty() {
        assertThat(Worker.parse(null)).isEmpty();
        assertThat(Worker.parse("host")).isEmpty();
        assertThat(Worker.parse("host/12/x")).isEmpty();
        assertThat(Worker.parse("/1/2")).isEmpty();
    }

    @Test
    void studyCreatedConcurrentlyIsJoined() {
        InMemoryStorage storage = new InMemoryStorage();
        AtomicBoolean firstLoad = new AtomicBoolean(true);
        // A store in which another process creates the study between our look-up and our create.
        Storage racing = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
                new Class<?>[] {Storage.class}, (proxy, method, args) -> {
                    if (method.getName().equals("loadStudy") && firstLoad.getAndSet(false)) {
                        storage.createStudy(CONFIG);
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(storage, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        Study study = open(racing);
        study.optimize(new SyntheticEvaluator(), Budget.trials(3), StudyListener.NONE);

        assertThat(storage.trials("w")).hasSize(3);
        assertThat(storage.listStudies()).hasSize(1);
    }

    @Test
    void unrelatedCreateFailureIsRaised() {
        Storage failing = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
                new Class<?>[] {Storage.class}, (proxy, method, args) -> {
                    if (method.getName().equals("loadStudy")) {
                        return Optional.empty();
                    }
                    if (method.getName().equals("createStudy")) {
                        throw new StorageException("disk full");
                    }
                    return null;
                });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> open(failing))
                .isInstanceOf(StorageException.class)
                .hasMessage("disk full");
    }

    @Test
    void controlCharactersInNameAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StudyConfig("a\nb", "nb201",
                        "synthetic", Map.of(), "random", Map.of(),
                        List.of(Objective.maximize("accuracy")), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a?b")
                .hasMessageContaining("control characters");
    }
}
