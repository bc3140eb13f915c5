package io.archforge.app.cli;

import io.archforge.strategy.Strategies;
import java.util.Iterator;

/**
 * The strategy names of {@link Strategies#names()}, read when the help text is built, so
 * that {@code --help} lists every strategy that
 * {@code Strategies.create} accepts.
 */
public final class StrategyNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Strategies.names().iterator();
    }
}
