package org.ketaminepk.cli.chart;

import java.util.List;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.Simulation;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.CompartmentSystem.Kind;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.Provenance;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.result.Profile;

/** Profiles to draw in the chart tests: the library's Domino model (ketamine only) and a test model with norketamine. */
final class Fixtures {
    private Fixtures() {
    }

    private static final String FIXTURE = "chart test fixture, not a published model";

    /**
     * A three-compartment ketamine model with a two-compartment norketamine model attached, 61 % of ketamine
     * clearance forming norketamine. Typical adult values, used only to exercise the metabolite curves.
     */
    static final PublishedModel WITH_NORKETAMINE = model("fixture-2000", false);

    /**
     * The same with hydroxynorketamine formed from norketamine and an oral route (20 % of the dose reaches the
     * central compartment through a first-order depot, the rest is lost), to exercise the third analyte and the
     * extravascular dose marks. Chart test fixture only.
     */
    static final PublishedModel WITH_HNK_AND_ORAL = model("fixture-2001", true);

    private static PublishedModel model(String id, boolean extended) {
        PublishedModel.Builder b = PublishedModel.builder(id)
            .name("test model with norketamine")
            .citation(new Citation("none", 2000, "chart test fixture", "none", null, null))
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("none", 0, 18, 65, 40, 120, FIXTURE))
            .samplingSite(SamplingSite.NOT_STATED)
            .parameter("V1", "central volume", 25, Unit.L, Role.VOLUME, 0, Provenance.ASSUMPTION, FIXTURE)
            .parameter("V2", "peripheral volume 1", 56, Unit.L, Role.VOLUME, 0, Provenance.ASSUMPTION, FIXTURE)
            .parameter("V3", "peripheral volume 2", 157, Unit.L, Role.VOLUME, 0, Provenance.ASSUMPTION, FIXTURE)
            .parameter("CL", "ketamine clearance", 84, Unit.L_PER_H, Role.PARENT_CLEARANCE, 0,
                    Provenance.ASSUMPTION, FIXTURE)
            .parameter("Q2", "distribution clearance 1", 161, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0,
                    Provenance.ASSUMPTION, FIXTURE)
            .parameter("Q3", "distribution clearance 2", 79, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0,
                    Provenance.ASSUMPTION, FIXTURE)
            .parameter("VNK", "norketamine central volume", 98.6, Unit.L, Role.VOLUME, 0, Provenance.ASSUMPTION,
                    FIXTURE)
            .parameter("CLNK", "norketamine clearance", 57.7, Unit.L_PER_H, Role.METABOLITE_CLEARANCE, 0,
                    Provenance.ASSUMPTION, FIXTURE)
            .parameter("VNKP", "norketamine peripheral volume", 160, Unit.L, Role.VOLUME, 0, Provenance.ASSUMPTION,
                    FIXTURE)
            .parameter("QNK", "norketamine distribution clearance", 42.8, Unit.L_PER_H,
                    Role.DISTRIBUTION_CLEARANCE, 0, Provenance.ASSUMPTION, FIXTURE)
            .parameter("FNK", "fraction of ketamine clearance forming norketamine", 0.61, Unit.FRACTION,
                    Role.FORMATION_FRACTION, 0, Provenance.ASSUMPTION, FIXTURE)
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE)
            .route(Route.INTRAVENOUS, true, FIXTURE)
            .structure((p, patient) -> structure(p, extended));
        if (extended) {
            b.analytes(Analyte.HYDROXYNORKETAMINE).route(Route.ORAL, true, FIXTURE);
        }
        return b.build();
    }

    private static CompartmentSystem structure(ParameterValues p, boolean extended) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        double v1 = p.get("V1");
        int k1 = b.compartment("ketamine central", Analyte.KETAMINE, Kind.CENTRAL);
        int k2 = b.compartment("ketamine peripheral1", Analyte.KETAMINE, Kind.PERIPHERAL);
        int k3 = b.compartment("ketamine peripheral2", Analyte.KETAMINE, Kind.PERIPHERAL);
        int n1 = b.compartment("norketamine central", Analyte.NORKETAMINE, Kind.CENTRAL);
        int n2 = b.compartment("norketamine peripheral", Analyte.NORKETAMINE, Kind.PERIPHERAL);
        int kOut = b.sink("ketamine other metabolism", Analyte.KETAMINE);
        int nOut = b.sink("norketamine eliminated", Analyte.NORKETAMINE);
        b.exchange(k1, v1, k2, p.get("V2"), p.get("Q2"));
        b.exchange(k1, v1, k3, p.get("V3"), p.get("Q3"));
        double kel = p.get("CL") / v1;
        b.flow(k1, n1, p.get("FNK") * kel);
        b.eliminate(k1, kOut, (1 - p.get("FNK")) * kel);
        b.exchange(n1, p.get("VNK"), n2, p.get("VNKP"), p.get("QNK"));
        double kn = p.get("CLNK") / p.get("VNK");
        if (extended) {
            // 30 % of norketamine clearance forms hydroxynorketamine: V 50 L, half-life about 3.5 h (fixture values)
            int h1 = b.compartment("hydroxynorketamine central", Analyte.HYDROXYNORKETAMINE, Kind.CENTRAL);
            int hOut = b.sink("hydroxynorketamine eliminated", Analyte.HYDROXYNORKETAMINE);
            b.flow(n1, h1, 0.3 * kn);
            b.eliminate(n1, nOut, 0.7 * kn);
            b.eliminate(h1, hOut, 0.2);
            b.observe(Analyte.HYDROXYNORKETAMINE, h1, 50);
            int depot = b.compartment("gut", Analyte.KETAMINE, Kind.DEPOT);
            int lost = b.sink("not absorbed", Analyte.KETAMINE);
            b.flow(depot, k1, 1.5);
            b.route(Route.ORAL, RouteInput.fixed(List.of(InputChannel.into(depot, 0.2), InputChannel.lost(lost, 0.8))));
        } else {
            b.eliminate(n1, nOut, kn);
        }
        b.observe(Analyte.KETAMINE, k1, v1);
        b.observe(Analyte.NORKETAMINE, n1, p.get("VNK"));
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(k1, 1.0))));
        return b.build();
    }

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
