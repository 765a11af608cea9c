package org.ketaminepk.engine;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * One path by which a fraction of a dose enters the system: into a compartment or a sink, after a lag, either at
 * once ({@code durationH == 0}) or at a constant rate over {@code durationH} (zero-order absorption).
 *
 * @param target index of the receiving compartment, or of the receiving sink when {@code toSink}
 * @param toSink true when the fraction leaves the body unabsorbed (kept for the mole balance)
 * @param fraction fraction of the dose (in moles) taking this path, 0..1
 * @param lagH delay before the input starts, h
 * @param durationH zero-order input duration, h; 0 for an instantaneous input
 */
public record InputChannel(int target, boolean toSink, double fraction, double lagH, double durationH) {
    /** Validates the channel. */
    public InputChannel {
        if (target < 0) {
            throw InvalidInputException.statement("target", target, "must be a compartment or sink index, 0 or more, "
                    + "but was " + target);
        }
        Checks.fraction("fraction", fraction);
        Checks.nonNegative("lagH", lagH, 1000, "h");
        Checks.nonNegative("durationH", durationH, 1000, "h");
    }

    /** An instantaneous input of {@code fraction} into compartment {@code target}. */
    public static InputChannel into(int target, double fraction) {
        return new InputChannel(target, false, fraction, 0, 0);
    }

    /** The unabsorbed remainder, booked into a sink at dose time. */
    public static InputChannel lost(int sink, double fraction) {
        return new InputChannel(sink, true, fraction, 0, 0);
    }

    /** @return a copy with the given lag */
    public InputChannel withLagH(double h) {
        return new InputChannel(target, toSink, fraction, h, durationH);
    }

    /** @return a copy with the given zero-order duration */
    public InputChannel withDurationH(double h) {
        return new InputChannel(target, toSink, fraction, lagH, h);
    }
}
