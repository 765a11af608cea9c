/**
 * The ketamine-pk core library: published ketamine and norketamine compartment models, dosing regimens, patient
 * adjustments and the exact linear solver. A teaching and protocol-review library, not a dosing device.
 *
 * <p><b>Every package that callers use must be exported here.</b> A package added to core (a new domain package
 * such as {@code org.ketaminepk.population}) is invisible to module-path users until a line below exports it, and
 * a library that core starts to use needs its {@code requires} line (Commons RNG 1.6 ships real modules:
 * {@code org.apache.commons.rng.simple}, {@code org.apache.commons.rng.sampling}, and
 * {@code org.apache.commons.rng.api} for {@code UniformRandomProvider}, {@code requires transitive} if that type
 * appears in core's public API). The build checks both: core's own compilation fails on a missing
 * {@code requires}, and {@code ModulePathTest} fails when a package is left unexported (it also compiles and runs
 * a small module that requires this one, from the module path alone).
 *
 * <p>Every package of core is exported, {@code org.ketaminepk.engine} included. The engine is not an internal
 * detail: its types are part of the public signatures of the other packages (a {@code PublishedModel}'s structure
 * builds a {@code CompartmentSystem}, which {@code IndividualModel} carries; {@code Regimen#schedule} returns a
 * {@code Schedule}; {@code Profile#of} takes a {@code Solution}; {@code Simulation#withSolver} takes a
 * {@code Solver}; {@code StreamingMetrics} is an {@code ExactSolver.BlockObserver}), and the benchmarks and the
 * command line's tests drive the {@code ExactSolver} directly. Hiding it would leave those signatures unusable
 * from the module path.
 *
 * <p>Commons Math 3.6.1 has no module descriptor, so it is the automatic module {@code commons.math3} (the name
 * derived from its jar file name). No Commons Math type appears in core's public API, so the {@code requires} is
 * not transitive.
 *
 * <p>The cli, examples and benchmarks modules use core from the class path, where this descriptor is ignored.
 */
module org.ketaminepk.core {
    requires commons.math3;
    requires transitive org.apache.commons.rng.api;
    requires transitive org.apache.commons.rng.sampling;
    requires org.apache.commons.rng.simple;

    exports org.ketaminepk;
    exports org.ketaminepk.adjust;
    exports org.ketaminepk.base;
    exports org.ketaminepk.dataset;
    exports org.ketaminepk.dosing;
    exports org.ketaminepk.effect;
    exports org.ketaminepk.engine;
    exports org.ketaminepk.fit;
    exports org.ketaminepk.library;
    exports org.ketaminepk.model;
    exports org.ketaminepk.patient;
    exports org.ketaminepk.population;
    exports org.ketaminepk.protocol;
    exports org.ketaminepk.result;
    exports org.ketaminepk.target;
    exports org.ketaminepk.validation;
}
