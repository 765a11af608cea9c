package org.ketaminepk.library;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.Simulation;
import org.ketaminepk.SimulationResult;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.result.Series;

/** Small helpers shared by the library's evidence tests: run a model without patient adjustments. */
final class Sim {
    private Sim() {
    }

    static final Simulation PLAIN = Simulation.standard().withAdjuster(PatientAdjuster.NONE);

    static Patient adult(double ageYears, double weightKg) {
        return new Patient(ageYears, weightKg, 175, Sex.MALE);
    }

    static SimulationResult run(PublishedModel m, Patient p, Regimen r, TimeGrid g) {
        return PLAIN.simulate(m, p, r, g);
    }

    static Series series(PublishedModel m, Patient p, Regimen r, TimeGrid g, Analyte a) {
        return run(m, p, r, g).profile().series(a);
    }

    static Regimen bolus(double mg) {
        return Regimen.of(Dose.bolus(Amount.mg(mg), 0));
    }

    static Regimen infusion(double mg, double hours) {
        return Regimen.of(Dose.infusion(Amount.mg(mg), hours, 0));
    }

    static Regimen dose(Route route, double mg) {
        return Regimen.of(Dose.extravascular(route, Amount.mg(mg), 0));
    }

    /**
     * Clearance from a simulation: dose / AUC over a horizon long enough for the AUC to be complete (checked by
     * requiring the last concentration to be below 1e-6 of the peak), L/h.
     */
    static double clearanceLPerH(PublishedModel m, Patient p, double horizonH) {
        double mg = 10;
        Series s = series(m, p, bolus(mg), TimeGrid.uniform(horizonH, horizonH / 200), Analyte.KETAMINE);
        if (s.ngPerMl(s.size() - 1) > 1e-6 * s.cmaxNgPerMl()) {
            throw new AssertionError("horizon too short for a complete AUC");
        }
        return mg * 1000 / s.aucNgHPerMl();
    }

    /** Dose-normalised AUC of a route over an IV bolus (both 0 to {@code horizonH}), the absolute bioavailability. */
    static double bioavailability(PublishedModel m, Patient p, Route route, double mg, double horizonH) {
        TimeGrid g = TimeGrid.uniform(horizonH, horizonH / 200);
        double iv = series(m, p, bolus(10), g, Analyte.KETAMINE).aucNgHPerMl() / 10;
        Series s = series(m, p, dose(route, mg), g, Analyte.KETAMINE);
        if (s.ngPerMl(s.size() - 1) > 1e-6 * s.cmaxNgPerMl()) {
            throw new AssertionError("horizon too short for a complete AUC");
        }
        return s.aucNgHPerMl() / mg / iv;
    }
}
