package org.ketaminepk.library;

import org.ketaminepk.base.Route;

import java.util.List;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.CompartmentSystem.Kind;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;

/**
 * Building blocks shared by the library's model structures: mammillary disposition, first-order depots and
 * transit chains. Every helper adds its own sinks so that each mole stays accounted for.
 */
final class Structures {
    private Structures() {
    }

    /**
     * The names of a mammillary disposition's compartments and sink: "{prefix}central", "{prefix}peripheral1", ...,
     * "{prefix}eliminated". A model whose structure is built for every patient keeps them as a constant rather than
     * writing them out each time.
     *
     * @param central the central compartment's name
     * @param peripherals each peripheral compartment's name, in order
     * @param eliminated the elimination sink's name
     */
    record MammillaryNames(String central, List<String> peripherals, String eliminated) {
        /** Copies. */
        MammillaryNames {
            peripherals = List.copyOf(peripherals);
        }

        /** @return the names for {@code peripheralCount} peripherals after {@code prefix} */
        static MammillaryNames of(String prefix, int peripheralCount) {
            List<String> p = new java.util.ArrayList<>();
            for (int i = 1; i <= peripheralCount; i++) {
                p.add(prefix + "peripheral" + i);
            }
            return new MammillaryNames(prefix + "central", p, prefix + "eliminated");
        }
    }

    /**
     * Mammillary disposition from clearances and volumes: a central compartment with elimination clearance
     * {@code cl} and peripherals {@code (V, Q)} pairs.
     *
     * @return index of the central compartment
     */
    static int mammillary(CompartmentSystem.Builder b, Analyte analyte, String prefix, double v1, double cl,
            double... peripheralVandQ) {
        return mammillary(b, analyte, MammillaryNames.of(prefix, peripheralVandQ.length / 2), v1, cl,
                peripheralVandQ);
    }

    /**
     * {@link #mammillary(CompartmentSystem.Builder, Analyte, String, double, double, double...)} with names made
     * once; {@code names} has one peripheral name per {@code (V, Q)} pair.
     *
     * @return index of the central compartment
     */
    static int mammillary(CompartmentSystem.Builder b, Analyte analyte, MammillaryNames names, double v1, double cl,
            double... peripheralVandQ) {
        int c = b.compartment(names.central(), analyte, Kind.CENTRAL);
        for (int i = 0; i + 1 < peripheralVandQ.length; i += 2) {
            int p = b.compartment(names.peripherals().get(i / 2), analyte, Kind.PERIPHERAL);
            b.exchange(c, v1, p, peripheralVandQ[i], peripheralVandQ[i + 1]);
        }
        if (cl > 0) {
            int s = b.sink(names.eliminated(), analyte);
            b.eliminate(c, s, cl / v1);
        }
        return c;
    }

    /**
     * Mammillary disposition from micro-constants (1/h): {@code k10}, then {@code (k1j, kj1)} pairs.
     *
     * @return index of the central compartment
     */
    static int mammillaryMicro(CompartmentSystem.Builder b, Analyte analyte, String prefix, double k10,
            double... kOutIn) {
        int c = b.compartment(prefix + "central", analyte, Kind.CENTRAL);
        for (int i = 0; i + 1 < kOutIn.length; i += 2) {
            int p = b.compartment(prefix + "peripheral" + (i / 2 + 1), analyte, Kind.PERIPHERAL);
            b.flow(c, p, kOutIn[i]);
            b.flow(p, c, kOutIn[i + 1]);
        }
        int s = b.sink(prefix + "eliminated", analyte);
        b.eliminate(c, s, k10);
        return c;
    }

    /** The intravenous route: everything into {@code central}. */
    static RouteInput intravenous(int central) {
        return RouteInput.fixed(List.of(InputChannel.into(central, 1.0)));
    }

    /**
     * A chain of {@code n} transit compartments, each emptying at {@code ratePerH} into the next and the last into
     * {@code target}.
     *
     * @return index of the first compartment of the chain
     */
    static int transitChain(CompartmentSystem.Builder b, Analyte analyte, String prefix, int n, double ratePerH,
            int target) {
        return transitChain(b, analyte, prefix, n, ratePerH, target, 1.0, -1);
    }

    /**
     * A chain of {@code n} transit compartments whose last one delivers only {@code yield} of what leaves it to
     * {@code target} and the rest to {@code lossSink} (a metabolic delay with a formation fraction below one).
     *
     * @param yield fraction delivered to the target, 0..1
     * @param lossSink sink for the remainder; ignored when {@code yield == 1}
     * @return index of the first compartment of the chain
     */
    static int transitChain(CompartmentSystem.Builder b, Analyte analyte, String prefix, int n, double ratePerH,
            int target, double yield, int lossSink) {
        int first = -1;
        int prev = -1;
        for (int i = 0; i < n; i++) {
            int c = b.compartment(prefix + (i + 1), analyte, Kind.TRANSIT);
            if (prev >= 0) {
                b.flow(prev, c, ratePerH);
            } else {
                first = c;
            }
            prev = c;
        }
        b.flow(prev, target, ratePerH * yield);
        if (yield < 1) {
            b.eliminate(prev, lossSink, ratePerH * (1 - yield));
        }
        return first;
    }

    /**
     * First-order absorption: {@code fraction} of the dose into {@code depot} at once, the rest booked as not
     * absorbed in {@code lostSink}.
     */
    static RouteInput firstOrder(int depot, double fraction, int lostSink) {
        return RouteInput.fixed(List.of(InputChannel.into(depot, fraction),
                InputChannel.lost(lostSink, 1 - fraction)));
    }

    /** Splits a central compartment's elimination rate {@code k} between a metabolite compartment and a sink. */
    static void metabolise(CompartmentSystem.Builder b, int from, double k, double fractionToMetabolite,
            int metabolite, int otherSink) {
        b.flow(from, metabolite, k * fractionToMetabolite);
        if (fractionToMetabolite < 1) {
            b.eliminate(from, otherSink, k * (1 - fractionToMetabolite));
        }
    }

    /**
     * The observation volume that makes a metabolite compartment report what a model written in parent-mass units
     * reports. Some papers (Otto 2021, Flint 2017, Perez-Ruixo 2021) move milligrams of parent into the metabolite
     * compartment without a molar-mass factor and fit apparent metabolite volumes to measured metabolite ng/mL.
     * Here compartments hold moles, so the same prediction needs the volume scaled by M(norketamine)/M(ketamine).
     */
    static double parentMassUnitsVolume(double apparentVolumeL) {
        return apparentVolumeL * Analyte.NORKETAMINE.molarMassGPerMol() / Analyte.KETAMINE.molarMassGPerMol();
    }

    /**
     * Intravenous racemic ketamine in two compartments given as V1 and micro-constants {@code k10, k12, k21} (1/h),
     * the form in which the older bi-exponential models are carried.
     */
    static void twoCompartmentMicroIv(CompartmentSystem.Builder b, org.ketaminepk.model.ParameterValues p) {
        int c = mammillaryMicro(b, Analyte.KETAMINE, "ketamine ", p.get("k10"), p.get("k12"), p.get("k21"));
        b.observe(Analyte.KETAMINE, c, p.get("V1"));
        b.route(Route.INTRAVENOUS, intravenous(c));
    }
}
