package org.ketaminepk.effect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.engine.Solution;
import org.ketaminepk.engine.Solver;

/**
 * A compartment system whose observed concentrations are the effect-site concentrations of another.
 *
 * <p>The effect site is the first-order link {@code dCe/dt = ke0·(Cp − Ce)}: a filter with impulse response
 * {@code ke0·e^(−ke0·t)} applied to the plasma concentration, which takes no drug from plasma. Linear,
 * time-invariant filters commute, so filtering each input through the link before it enters the body gives the
 * same curve as filtering the plasma concentration afterwards. This system therefore holds the body's compartments
 * unchanged plus one link compartment in front of each compartment that receives input, emptying into it at ke0; its
 * observed concentrations are {@code Ce} for every analyte, exactly as any solver computes the body's own, and every
 * flow in it is an ordinary first-order transfer (moles are conserved). Between events {@code Cp} is a sum of
 * exponentials, and so is {@code Ce}; the exact solver evaluates both from the same matrix exponentials.
 *
 * <p>Immutable. Not a model of drug in a tissue: the link compartments hold a bookkeeping amount, not drug
 * anywhere in the body.
 *
 * @param system the body plus the link compartments
 * @param schedule the inputs, redirected into the link compartments
 * @param ke0PerH the equilibration rate constant, 1/h
 */
public record LinkedSystem(CompartmentSystem system, Schedule schedule, double ke0PerH) {

    /**
     * @param body the body as the model describes it
     * @param inputs the inputs into the body
     * @param ke0PerH equilibration rate constant, 1/h
     * @return the system whose observations are the body's effect-site concentrations
     * @throws InvalidInputException for a missing body or inputs, or a ke0 outside (0, {@value
     *         EffectSites#MAX_KE0_PER_H}] 1/h
     */
    public static LinkedSystem of(CompartmentSystem body, Schedule inputs, double ke0PerH) {
        Checks.notNull("system", body);
        Checks.notNull("inputs", inputs);
        Checks.positive("ke0", ke0PerH, EffectSites.MAX_KE0_PER_H, "1/h");
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        List<CompartmentSystem.Compartment> cs = body.compartments();
        for (CompartmentSystem.Compartment c : cs) {
            b.compartment(c.name(), c.analyte(), c.kind());
        }
        for (CompartmentSystem.Sink s : body.sinks()) {
            b.sink(s.name(), s.analyte());
        }
        double[][] k = body.rateMatrix();
        double[][] e = body.eliminationMatrix();
        int n = cs.size();
        for (int to = 0; to < n; to++) {
            for (int from = 0; from < n; from++) {
                if (to != from && k[to][from] != 0) {
                    b.flow(from, to, k[to][from]);
                }
            }
        }
        for (int s = 0; s < e.length; s++) {
            for (int from = 0; from < n; from++) {
                if (e[s][from] != 0) {
                    b.eliminate(from, s, e[s][from]);
                }
            }
        }
        Map<Integer, Integer> linkOf = new HashMap<>();
        Schedule.Builder sb = Schedule.builder();
        for (Schedule.Bolus x : inputs.boluses()) {
            int target = x.toSink() ? x.target() : link(b, cs, linkOf, x.target(), ke0PerH);
            sb.bolus(x.timeH(), target, x.toSink(), x.amountUmol());
        }
        for (Schedule.RateInput x : inputs.rates()) {
            int target = x.toSink() ? x.target() : link(b, cs, linkOf, x.target(), ke0PerH);
            sb.rate(x.startH(), x.endH(), target, x.toSink(), x.rateUmolPerH());
        }
        // the routes lead into the links too, so that a regimen scheduled on this system also passes through them
        for (Route r : body.routes()) {
            RouteInput in = body.route(r);
            for (InputChannel ch : in.channels(1.0)) {
                if (!ch.toSink()) {
                    link(b, cs, linkOf, ch.target(), ke0PerH);
                }
            }
            b.route(r, amountMg -> redirect(in.channels(amountMg), linkOf));
        }
        for (Map.Entry<Analyte, CompartmentSystem.Observation> o : body.observations().entrySet()) {
            b.observe(o.getKey(), o.getValue().compartment(), o.getValue().volumeL());
        }
        CompartmentSystem linked = b.build();
        double[][] check = linked.rateMatrix();
        for (int i = 0; i < n; i++) {
            if (Math.abs(check[i][i] - k[i][i]) > 1e-12 * Math.abs(k[i][i])) {
                throw new IllegalStateException("the body's rate matrix is not conservative in compartment " + i);
            }
        }
        return new LinkedSystem(linked, sb.build(), ke0PerH);
    }

    private static List<InputChannel> redirect(List<InputChannel> channels, Map<Integer, Integer> linkOf) {
        List<InputChannel> out = new ArrayList<>(channels.size());
        for (InputChannel ch : channels) {
            if (ch.toSink()) {
                out.add(ch);
            } else {
                Integer l = linkOf.get(ch.target());
                if (l == null) {
                    throw new IllegalStateException("a route reaches compartment " + ch.target()
                            + " only for some amounts; the effect link cannot follow it");
                }
                out.add(new InputChannel(l, false, ch.fraction(), ch.lagH(), ch.durationH()));
            }
        }
        return out;
    }

    private static int link(CompartmentSystem.Builder b, List<CompartmentSystem.Compartment> cs,
            Map<Integer, Integer> linkOf, int target, double ke0PerH) {
        return linkOf.computeIfAbsent(target, t -> {
            CompartmentSystem.Compartment c = cs.get(t);
            int l = b.compartment("effect link to " + c.name(), c.analyte(), CompartmentSystem.Kind.DEPOT);
            b.flow(l, t, ke0PerH);
            return l;
        });
    }

    /** @return the solution of the linked system; its observed concentrations are effect-site concentrations */
    public Solution solve(Solver solver, TimeGrid grid) {
        return solver.solve(system, schedule, grid);
    }

    /**
     * @param solution a solution of this system
     * @param analyte an observed analyte
     * @return the effect-site concentration of {@code analyte} at every output point, µmol/L
     * @throws InvalidInputException for a missing solution or analyte, or an analyte the system does not observe
     */
    public double[] effectSiteUmolPerL(Solution solution, Analyte analyte) {
        Checks.notNull("solution", solution);
        Checks.notNull("analyte", analyte);
        CompartmentSystem.Observation o = system.observations().get(analyte);
        if (o == null) {
            throw new InvalidInputException("analyte", "analyte must be one the system observes ("
                    + String.join(", ", system.observations().keySet().stream().map(Analyte::label).toList())
                    + ") but was " + analyte.label());
        }
        double[] a = solution.amountsUmol(o.compartment());
        for (int i = 0; i < a.length; i++) {
            a[i] /= o.volumeL();
        }
        return a;
    }
}
