package io.archforge.strategy;

import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A strategy's exploration level: a {@link StagnationMonitor} fed by tell, and the
 * notes that record the level, and any change of it, with the next proposal.
 */
final class Exploration {

    private static final Logger LOG = LoggerFactory.getLogger(Exploration.class);

    private final String strategy;
    private final StagnationMonitor monitor;
    private StagnationMonitor.Change pending;

    Exploration(String strategy, int patience, int maxLevel) {
        this.strategy = strategy;
        this.monitor = new StagnationMonitor(patience, maxLevel);
    }

    /**
     * Feeds a finished trial to the monitor and returns whether the level changed. A
     * change not yet noted is dropped once a later trial is told: that trial's proposal
     * came after the change, so a replay of tell ends with the same pending note.
     */
    boolean observe(FrozenTrial trial, Objective primary) {
        if (pending != null && trial.number() > pending.trial()) {
            pending = null;
        }
        var change = monitor.observe(trial, primary);
        change.ifPresent(c -> pending = c);
        return change.isPresent();
    }

    int level() {
        return monitor.level();
    }

    /**
     * The attributes of the proposal of trial {@code number}: the level, and the change
     * decided since the last proposal, which is logged once here.
     */
    Map<String, String> notes(int number) {
        Map<String, String> notes = new HashMap<>();
        notes.put(StagnationMonitor.LEVEL_ATTRIBUTE, Integer.toString(monitor.level()));
        if (pending != null) {
            LOG.info("Trial {}: {} exploration {}", number, strategy, pending.describe());
            notes.put(StagnationMonitor.EVENT_ATTRIBUTE, pending.describe());
            pending = null;
        }
        return notes;
    }
}
