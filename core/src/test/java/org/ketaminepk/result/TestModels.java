package org.ketaminepk.result;

import java.util.List;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.CompartmentSystem.Kind;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
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

/**
 * A test fixture with the shape of the library's default racemic model: ketamine in three compartments, 61 % of
 * its clearance forming norketamine in two. Numbers are round test values, not a model of anyone.
 */
public final class TestModels {
    private TestModels() {
    }

    /** Ketamine (3 compartments) → norketamine (2 compartments), intravenous only, valid 18–65 years, 40–120 kg. */
    public static final PublishedModel PARENT_METABOLITE = PublishedModel.builder("fixture-2000")
            .name("test fixture: parent and metabolite")
            .citation(new Citation("Nobody A", 2000, "A test fixture", "Tests 2000;1:1", null, null))
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("test fixture", 0, 18, 65, 40, 120, "test fixture"))
            .samplingSite(SamplingSite.ARTERIAL)
            .scaling("V × WT/70; CL and Q × (WT/70)^0.75")
            .parameter("V1", "central volume", 25, Unit.L, Role.VOLUME, 1, Provenance.ASSUMPTION, "fixture")
            .parameter("V2", "peripheral volume 1", 56, Unit.L, Role.VOLUME, 1, Provenance.ASSUMPTION, "fixture")
            .parameter("V3", "peripheral volume 2", 157, Unit.L, Role.VOLUME, 1, Provenance.ASSUMPTION, "fixture")
            .parameter("CL", "clearance", 84, Unit.L_PER_H, Role.PARENT_CLEARANCE, 0.75, Provenance.ASSUMPTION,
                    "fixture")
            .parameter("Q2", "distribution clearance 1", 161, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0.75,
                    Provenance.ASSUMPTION, "fixture")
            .parameter("Q3", "distribution clearance 2", 79, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0.75,
                    Provenance.ASSUMPTION, "fixture")
            .parameter("fm", "formation fraction", 0.61, Unit.FRACTION, Role.FORMATION_FRACTION, 0,
                    Provenance.ASSUMPTION, "fixture")
            .parameter("VN", "metabolite volume", 98.6, Unit.L, Role.VOLUME, 1, Provenance.ASSUMPTION, "fixture")
            .parameter("CLN", "metabolite clearance", 57.7, Unit.L_PER_H, Role.METABOLITE_CLEARANCE, 0.75,
                    Provenance.ASSUMPTION, "fixture")
            .parameter("VNP", "metabolite peripheral volume", 160, Unit.L, Role.VOLUME, 0, Provenance.ASSUMPTION,
                    "fixture")
            .parameter("QN", "metabolite distribution clearance", 42.8, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE,
                    0, Provenance.ASSUMPTION, "fixture")
            .assumption("test fixture")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE)
            .route(Route.INTRAVENOUS, true, "fixture")
            .structure(TestModels::structure)
            .build();

    private static CompartmentSystem structure(ParameterValues p, Patient patient) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        double v1 = p.get("V1");
        int k1 = b.compartment("central", Analyte.KETAMINE, Kind.CENTRAL);
        int k2 = b.compartment("peripheral1", Analyte.KETAMINE, Kind.PERIPHERAL);
        int k3 = b.compartment("peripheral2", Analyte.KETAMINE, Kind.PERIPHERAL);
        b.exchange(k1, v1, k2, p.get("V2"), p.get("Q2"));
        b.exchange(k1, v1, k3, p.get("V3"), p.get("Q3"));
        double vn = p.get("VN");
        int n1 = b.compartment("metabolite central", Analyte.NORKETAMINE, Kind.CENTRAL);
        int n2 = b.compartment("metabolite peripheral", Analyte.NORKETAMINE, Kind.PERIPHERAL);
        b.exchange(n1, vn, n2, p.get("VNP"), p.get("QN"));
        double k10 = p.get("CL") / v1;
        b.flow(k1, n1, p.get("fm") * k10);
        b.eliminate(k1, b.sink("other products", Analyte.KETAMINE), (1 - p.get("fm")) * k10);
        b.eliminate(n1, b.sink("metabolite eliminated", Analyte.NORKETAMINE), p.get("CLN") / vn);
        b.observe(Analyte.KETAMINE, k1, v1);
        b.observe(Analyte.NORKETAMINE, n1, vn);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(k1, 1.0))));
        return b.build();
    }
}
