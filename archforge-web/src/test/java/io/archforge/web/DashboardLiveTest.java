package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.web.server.Dashboard;
import io.archforge.web.server.DashboardSettings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adds trials to a study while the dashboard serves it, and checks the API and the page. */
class DashboardLiveTest {

    private static final Duration POLL = Duration.ofMillis(500);

    @TempDir
    Path dir;

    @Test
    void apiSeesTrialsAddedMeanwhile() {
        Path store = dir.resolve("studies.db");
        StudyStores.run(store, StudyStores.PAIR, 6);
        try (Storage storage = Storages.open("sqlite:" + store);
                Dashboard dashboard = Dashboard.start(storage,
                        new DashboardSettings("127.0.0.1", 0, POLL))) {
            assertThat(completed(dashboard)).isEqualTo(6);

            StudyStores.run(store, StudyStores.PAIR, 11);

            assertThat(completed(dashboard)).isEqualTo(11);
            assertThat(Http.get(dashboard.uri(), "/api/trials?study=pair").json().get("trials"))
                    .hasSize(11);
            assertThat(Http.get(dashboard.uri(), "/api/study?name=pair").json().get("history")
                    .get("params")).hasSize(11);
        }
    }

    private static int completed(Dashboard dashboard) {
        return Http.get(dashboard.uri(), "/api/studies").json().get("studies").get(0)
                .get("counts").get("COMPLETE").asInt();
    }

    /**
     * The page's first refresh reads the study twice (analyses and trials). The first poll
     * after it is held until the test has added trials, so the page must pick them up by
     * polling, not by its first load.
     */
    @Test
    void pagePollsTrialsAddedMeanwhile() throws Exception {
        assumeTrue(Chromium.installed(), "headless tests need " + Chromium.BINARY);
        Path store = dir.resolve("studies.db");
        StudyStores.run(store, StudyStores.PAIR, 6);
        CountDownLatch pollReached = new CountDownLatch(1);
        CountDownLatch trialsAdded = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();

        try (Storage real = Storages.open("sqlite:" + store)) {
            Storage gated = gate(real, () -> {
                if (armed.get() && reads.incrementAndGet() == 3) {
                    pollReached.countDown();
                    await(trialsAdded);
                }
            });
            try (Dashboard dashboard = Dashboard.start(gated,
                    new DashboardSettings("127.0.0.1", 0, POLL))) {
                armed.set(true);
                CompletableFuture<String> dom = CompletableFuture.supplyAsync(() -> dump(
                        new Chromium(dir), dashboard, "/study?name=pair"));

                assertThat(pollReached.await(30, TimeUnit.SECONDS)).as("page polled").isTrue();
                StudyStores.run(store, StudyStores.PAIR, 11);
                trialsAdded.countDown();

                String page = dom.get(60, TimeUnit.SECONDS);
                assertThat(Dom.all(Dom.element(page, "trials"), "<tr data-trial=\"(\\d+)\""))
                        .hasSize(11);
                assertThat(Dom.circles(Dom.chart(page, "history-chart"), "#4e79a7"))
                        .isEqualTo(11);
                assertThat(reads.get()).isGreaterThan(3);
            }
        }
    }

    /** Wraps {@code storage} so that {@code hook} runs before each read of a study's trials. */
    private static Storage gate(Storage storage, Runnable hook) {
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
                new Class<?>[] {Storage.class}, (proxy, method, args) -> {
                    if (method.getName().equals("trials")) {
                        hook.run();
                    }
                    try {
                        return method.invoke(storage, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("trials were not added within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding a poll", e);
        }
    }

    private static String dump(Chromium chromium, Dashboard dashboard, String path) {
        try {
            return chromium.dumpDom(dashboard.uri().resolve(path));
        } catch (Exception e) {
            throw new IllegalStateException("chromium failed on " + path, e);
        }
    }
}
