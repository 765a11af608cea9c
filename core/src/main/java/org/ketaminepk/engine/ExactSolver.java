package org.ketaminepk.engine;

import java.util.List;

import org.ketaminepk.base.TimeGrid;

/**
 * The exact solver: between input changes the state advances by the matrix exponential of the rate matrix with a
 * piecewise-constant input ({@link MatrixExponential}). Operators are computed once per distinct step length and
 * reused ({@link StepCache}); the dense scheme composes a step whose length does not recur from operators computed
 * once per run ({@link DenseScheme}).
 *
 * <p>When the rate matrix has a well-conditioned eigen-decomposition {@code K = V diag(λ) V⁻¹} (the usual case),
 * the state is carried in the eigenbasis, where each step is diagonal and whole blocks of output points are computed
 * together ({@link ModalScheme}). Otherwise (coincident eigenvalues, an ill-conditioned eigenvector matrix) dense
 * operators carry the amounts, and blocks of output points are read from tables of their rows
 * ({@link DenseScheme}). Both are the same exact solution; they differ only in round-off. Only the compartments
 * that the inputs reach, and the observed ones, are carried ({@link ReachableSubsystem}); the others are exactly
 * zero.
 *
 * <p><b>Accuracy.</b> Each compartment is accurate relative to its own amount, not to the largest amount in the
 * system: what a compartment holds depends only on the inputs and modes that can reach it (the eigenvectors keep
 * the zeros the flows give them, and the dense operators keep them by construction). At an input change the amounts
 * handed over are the previous ones plus the bolus, exactly. Held to 1e-8 of each compartment's own largest amount
 * against values computed outside the project, and to the closed forms of {@code SolverContract}.
 *
 * <p>This class is the event loop: it advances the scheme to each input change and each output point, applies the
 * inputs and hands the state to the {@link Observer}. Stateless and thread-safe; each call allocates its own work
 * arrays. Not for systems with time-varying or nonlinear rates.
 */
public final class ExactSolver implements Solver {
    private static final ExactSolver INSTANCE = new ExactSolver();

    private ExactSolver() {
    }

    /** @return the shared instance */
    public static ExactSolver instance() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return "exact";
    }

    @Override
    public void run(CompartmentSystem system, Schedule schedule, TimeGrid grid, boolean trackSinks,
            Observer observer) {
        run(system, schedule, grid, trackSinks, observer, false);
    }

    /**
     * As {@link #run(CompartmentSystem, Schedule, TimeGrid, boolean, Observer)}; with {@code dense}, the dense
     * scheme whatever the spectrum, so that the two schemes can be compared on one system.
     */
    void run(CompartmentSystem system, Schedule schedule, TimeGrid grid, boolean trackSinks, Observer observer,
            boolean dense) {
        schedule.checkFits(system);
        observer.init(system, schedule, grid);
        ReachableSubsystem sys = ReachableSubsystem.of(system, schedule);
        MatrixExponential.Spectral spectral = MatrixExponential.analyse(sys.k);
        SteppingScheme scheme = spectral.usesEigen() && !dense
                ? new ModalScheme(sys, spectral, trackSinks, observer.observedCompartmentsOnly(),
                        !(observer instanceof BlockObserver))
                : new DenseScheme(sys, schedule.rates().stream().anyMatch(r -> !r.toSink()), trackSinks,
                        observer.observedCompartmentsOnly());
        execute(scheme, schedule, grid, observer);
    }

    /** The event loop: each input change and each output point, in time order. */
    private static void execute(SteppingScheme scheme, Schedule schedule, TimeGrid grid, Observer observer) {
        List<Schedule.Bolus> boluses = schedule.boluses();
        List<Schedule.RateInput> rates = schedule.rates();
        double[] events = schedule.eventTimesInternal();
        int[] local = scheme.reduction.local;
        int gi = 0;
        int ei = 0;
        int bi = 0;
        double t = 0;
        int gn = grid.size();
        while (gi < gn) {
            double nextEvent = ei < events.length ? events[ei] : Double.POSITIVE_INFINITY;
            double nextGrid = grid.time(gi);
            if (nextEvent > nextGrid) {
                int done = scheme.observeRun(grid, gi, t, nextEvent, observer);
                gi += done;
                t = grid.time(gi - 1);
                continue;
            }
            if (nextEvent > t && scheme.n > 0) {
                scheme.advance(nextEvent - t);
            }
            t = nextEvent;
            double[] before = scheme.snapshot();
            while (bi < boluses.size() && boluses.get(bi).timeH() <= t) {
                Schedule.Bolus b = boluses.get(bi++);
                if (b.toSink()) {
                    scheme.s[b.target()] += b.amountUmol();
                } else {
                    scheme.addBolus(local[b.target()], b.amountUmol());
                }
            }
            scheme.setRates(rates, t);
            ei++;
            double[] after = scheme.full(scheme.x);
            observer.inputChange(t, before, after);
            // an output at an event time includes the inputs given at that time
            if (nextGrid == t) {
                observer.accept(gi, t, after, scheme.s, scheme.auc);
                gi++;
            }
        }
    }
}
