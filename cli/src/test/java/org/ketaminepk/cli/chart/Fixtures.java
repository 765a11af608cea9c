package org.ketaminepk.cli.chart;

import org.ketaminepk.Simulation;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.result.Profile;
import org.ketaminepk.testing.TestModels;

/** Profiles to draw in the chart tests: the library's Domino model (ketamine only) and a test model with norketamine. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * The shared racemic test model: a three-compartment ketamine model with a two-compartment norketamine model
     * attached, 61 % of ketamine clearance forming norketamine. Used only to exercise the metabolite curves.
     */
    static final PublishedModel WITH_NORKETAMINE = TestModels.RACEMIC_COMPOSITE;

    /**
     * The same with hydroxynorketamine formed from norketamine, and an oral route (20 % of the dose reaches the
     * central compartment through a first-order depot, the rest is lost), to exercise the third analyte and the
     * extravascular dose marks.
     */
    static final PublishedModel WITH_HNK_AND_ORAL = TestModels.RACEMIC_WITH_HYDROXYNORKETAMINE;

    static final Patient ADULT_80KG = new Patient(45, 80, 178, Sex.FEMALE);

    /** 0.35 mg/kg/h for 4 h daily for 10 days, at most 25 mg/h (Schwartzman-style CRPS course). */
    static Regimen crps() {
        return Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 10);
    }

    /** 0.5 mg/kg over 40 min (the antidepressant infusion). */
    static Regimen antidepressant() {
        return Regimen.of(Dose.infusion(Amount.mgPerKg(0.5), 40.0 / 60, 0));
    }

    static Profile profile(PublishedModel m, Patient p, Regimen r, double endH, double stepH) {
        return Simulation.run(m, p, r, TimeGrid.uniform(endH, stepH)).profile();
    }

    static Profile crpsWithNorketamine() {
        return profile(WITH_NORKETAMINE, ADULT_80KG, crps(), 11 * 24, 1.0 / 60);
    }

    static Profile antidepressantWithNorketamine(double endH) {
        return profile(WITH_NORKETAMINE, Patient.standardAdult(), antidepressant(), endH, 1.0 / 60);
    }

    static Profile antidepressantDomino(double endH) {
        return profile(Models.DOMINO_1984, Patient.standardAdult(), antidepressant(), endH, 1.0 / 60);
    }
}
