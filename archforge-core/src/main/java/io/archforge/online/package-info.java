/**
 * Building blocks of architecture search on a data stream whose distribution drifts:
 * drift detectors fed a deployed model's error ({@link io.archforge.online.PageHinkley},
 * {@link io.archforge.online.Adwin}), the search effort that a drift alarm raises and
 * that decays afterwards ({@link io.archforge.online.SearchEffort}), and the rule that
 * decides when a challenger replaces the deployed model
 * ({@link io.archforge.online.SwapRule}). Nothing here needs a deep-learning engine.
 */
package io.archforge.online;
