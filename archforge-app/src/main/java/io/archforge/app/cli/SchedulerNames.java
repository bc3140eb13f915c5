package io.archforge.app.cli;

import io.archforge.schedule.Schedulers;
import java.util.Iterator;

/**
 * The scheduler names of {@link Schedulers#names()}, read when the help text is built,
 * so that {@code --help} lists every scheduler that {@code Schedulers.create} accepts.
 */
public final class SchedulerNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Schedulers.names().iterator();
    }
}
