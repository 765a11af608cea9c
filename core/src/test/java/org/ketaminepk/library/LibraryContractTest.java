package org.ketaminepk.library;

import org.ketaminepk.base.Analyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.ExactSolver;
import org.ketaminepk.engine.OdeReferenceSolver;
import org.ketaminepk.engine.Schedule;
import org.ketaminepk.engine.Solution;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.IndividualModel;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.Provenance;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Variability;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/** What every model in the library must satisfy: complete provenance, exact = ODE, moles conserved. */
class LibraryContractTest {

    static Stream<PublishedModel> models() {
        List<PublishedModel> all = new ArrayList<>(Models.all());
        all.add(Models.KAMP_2020_LINEAR_CLEARANCE);
        return all.stream();
    }

    /** A patient in the middle of the model's validity range. */
    static Patient typical(PublishedModel m) {
        return new Patient((m.ageMinYears() + m.ageMaxYears()) / 2, (m.weightMinKg() + m.weightMaxKg()) / 2, 150,
                Sex.FEMALE);
    }

    /** An IV infusion and repeated IV boluses for every model, then one dose by each of its other routes. */
    static Stream<Arguments> modelRoutes() {
        List<Arguments> out = new ArrayList<>();
        models().forEach(m -> {
            out.add(Arguments.of(m, Route.INTRAVENOUS,
                    Regimen.of(Dose.infusion(Amount.mgPerKg(0.5), 40.0 / 60, 0.25))));
            // boluses between the output points: nearly every step has a length of its own
            out.add(Arguments.of(m, Route.INTRAVENOUS, Regimen.repeat(Dose.bolus(Amount.mg(10), 0), 0.712, 16)));
            for (Route r : m.routes().keySet()) {
                if (r.extravascular()) {
                    // 84 mg: three nasal devices for Perez-Ruixo, so the per-device lags are exercised too
                    out.add(Arguments.of(m, r, Regimen.of(Dose.extravascular(r, Amount.mg(84), 0.25))));
                }
            }
        });
        return out.stream();
    }

    @Test
    void catalogueHoldsTheRequiredModelsWithTheCompositeAsDefault() {
        Set<String> ids = Models.all().stream().map(PublishedModel::id).collect(Collectors.toSet());
        assertEquals(Set.of("racemic-composite", "kamp-2020", "domino-1984", "clements-1981", "hijazi-2003",
                "herd-2007", "otto-2021", "simons-2022", "perez-ruixo-2021", "flint-2017"), ids);
        assertEquals("racemic-composite", Models.DEFAULT.id());
        assertEquals(Models.RACEMIC_COMPOSITE, Models.all().get(0));
        assertEquals(Models.KAMP_2020, Models.get("  Kamp-2020 "));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Models.get("kamp-2020-linear"));
        assertTrue(e.getMessage().contains("racemic-composite") && e.getMessage().contains("flint-2017"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyModelCarriesItsProvenance(PublishedModel m) {
        assertNotNull(m.citation());
        assertTrue(m.citation().link().isPresent(), "DOI or URL");
        assertFalse(m.citation().authors().isBlank());
        assertFalse(m.citation().journal().isBlank());
        assertFalse(m.population().description().isBlank());
        assertFalse(m.population().source().isBlank());
        // a number of subjects not stated was 0
        assertTrue(m.population().subjects().orElse(1) >= 1, m.id());
        assertNotNull(m.samplingSite());
        assertNotNull(m.drugForm());
        assertTrue(m.ageMinYears() < m.ageMaxYears() && m.weightMinKg() < m.weightMaxKg(), "validity range");
        assertFalse(m.routes().isEmpty());
        assertTrue(m.routes().containsKey(Route.INTRAVENOUS));
        assertFalse(m.parameters().isEmpty());
        assertFalse(m.notes().isEmpty());
        assertFalse(m.scaling().isBlank());
        for (Parameter p : m.parameters()) {
            assertFalse(p.source().isBlank(), p.name());
            assertFalse(p.description().isBlank(), p.name());
            if (p.provenance() == Provenance.TRANSCRIPTION) {
                // a transcription names its repository at a commit, or says it is a secondary source
                assertTrue(p.source().contains("@") || p.source().contains("secondary source"),
                        m.id() + " " + p.name() + ": " + p.source());
            }
        }
        for (Variability v : m.variability()) {
            assertTrue(m.parameters().stream().anyMatch(p -> p.name().equals(v.parameter())), v.parameter());
            if (v.other().isEmpty()) {
                assertTrue(v.omegaSquared() > 0, v.parameter());
            }
        }
        assertEquals(m.id().equals("racemic-composite"), m.composite());
        if (m.composite()) {
            assertTrue(m.assumptions().size() >= 5, "every composite choice is a labelled assumption");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void assumptionsBecomeWarningsOnEveryResult(PublishedModel m) {
        SimulationResult r = Sim.run(m, typical(m), Regimen.of(Dose.bolus(Amount.mgPerKg(0.1), 0)),
                TimeGrid.uniform(2, 0.25));
        long n = r.warnings().stream().filter(w -> w.code() == Warning.Code.ASSUMPTION).count();
        assertEquals(m.assumptions().size(), n);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelRoutes")
    void exactSolverAgreesWithTheOdeReference(PublishedModel m, Route route, Regimen regimen) {
        Patient p = typical(m);
        IndividualModel ind = m.individualize(p, PatientAdjuster.NONE);
        CompartmentSystem sys = ind.system();
        Schedule sch = regimen.schedule(sys, p.weightKg());
        TimeGrid grid = TimeGrid.uniform(12, 0.5);
        Solution exact = ExactSolver.instance().solve(sys, sch, grid);
        Solution ode = new OdeReferenceSolver().solve(sys, sch, grid);
        double floor = 1e-12 * sch.inputUpTo(Double.MAX_VALUE);
        for (int i = 0; i < grid.size(); i++) {
            for (int c = 0; c < sys.size(); c++) {
                double x = exact.amount(i, c);
                double y = ode.amount(i, c);
                assertEquals(y, x, 1e-8 * Math.abs(y) + floor,
                        m.id() + " " + sys.compartments().get(c).name() + " t=" + grid.time(i));
            }
            for (int o = 0; o < sys.observations().size(); o++) {
                double x = exact.cumulativeAuc(i, o);
                double y = ode.cumulativeAuc(i, o);
                assertEquals(y, x, 1e-8 * Math.abs(y) + 1e-12, m.id() + " AUC t=" + grid.time(i));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelRoutes")
    void everyMicromoleIsAccountedFor(PublishedModel m, Route route, Regimen regimen) {
        SimulationResult r = Sim.run(m, typical(m), regimen, TimeGrid.uniform(24, 0.5));
        var profile = r.profile();
        int last = profile.size() - 1;
        double given = profile.inputUmol(last);
        assertTrue(given > 0);
        for (int i = 0; i < profile.size(); i++) {
            assertEquals(0, profile.massBalanceErrorUmol(i), 1e-9 * given, m.id() + " t=" + profile.timesH()[i]);
        }
        // the whole dose entered the system (unabsorbed drug is booked, not dropped)
        double doseUmol = Analyte.KETAMINE.mgToUmol(regimen.totalMg(typical(m).weightKg()));
        assertEquals(doseUmol, given, 1e-9 * doseUmol);
    }
}
