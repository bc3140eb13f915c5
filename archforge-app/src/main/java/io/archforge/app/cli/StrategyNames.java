package io.archforge.app.cli;

import io.archforge.strategy.Strategies;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The strategy names of {@link Strategies#names()}, read when the help text is built, so
 * that {@code --help} lists every strategy that
 * {@code Strategies.create} accepts.
 */
public final class StrategyNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        List<String> names = new ArrayList<>(Strategies.names());
        names.addAll(WeightSharingSearch.NAMES);
        return names.iterator();
    }
}
