package org.ketaminepk.engine;

import java.util.List;

/**
 * How a dose given by one route is split among compartments. The split may depend on the amount given
 * (e.g. the per-device nasal fraction of Perez-Ruixo 2021), so it is a function of the dose.
 *
 * <p>The fractions of all channels must add up to 1, so that every micromole is accounted for.
 *
 * <p>Implementations must be immutable and thread-safe: a model's routes serve every patient, on every thread.
 */
@FunctionalInterface
public interface RouteInput {
    /**
     * @param amountMg amount of ketamine base given, mg
     * @return the channels; fractions add up to 1
     */
    List<InputChannel> channels(double amountMg);

    /** A split that does not depend on the amount. */
    static RouteInput fixed(List<InputChannel> channels) {
        List<InputChannel> copy = List.copyOf(channels);
        return amountMg -> copy;
    }
}
