package org.ketaminepk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.OptionalInt;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.CompartmentSystem.Kind;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;

/**
 * A model whose structure is an {@link PublishedModel.Assembly} keeps the first patient's layout for the next ones:
 * whatever patients came before, a patient's compartment system is the one that patient alone would get, also when
 * the patients' structures differ (more compartments, fewer flows, other routes).
 */
class LaidOutStructureProperties {

    /**
     * A fresh model, with no layout kept yet, whose structure varies with the patient: a peripheral compartment
     * only above 60 years, an elimination sink only above 80 kg, an oral depot only for men.
     */
    private static PublishedModel varyingModel() {
        return PublishedModel.builder("layout-2024")
                .name("test model whose structure varies with the patient")
                .citation(Citation.of("test", 2024, "test model", "none"))
                .drugForm(DrugForm.RACEMIC)
                .population(new Population("test", OptionalInt.empty(), 18, 65, 40, 120, "test"))
                .samplingSite(SamplingSite.ARTERIAL)
                .scaling("CL × (WT/70)^0.75, V × WT/70")
                .parameter("V1", "central volume", 25, Unit.L, Role.VOLUME, 1, Provenance.ASSUMPTION, "test")
                .parameter("CL", "clearance", 84, Unit.L_PER_H, Role.PARENT_CLEARANCE, 0.75, Provenance.ASSUMPTION,
                        "test")
                .parameter("V2", "peripheral volume", 56, Unit.L, Role.VOLUME, 1, Provenance.ASSUMPTION, "test")
                .parameter("Q2", "distribution clearance", 161, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0.75,
                        Provenance.ASSUMPTION, "test")
                .analytes(Analyte.KETAMINE)
                .route(Route.INTRAVENOUS, true, "test")
                .route(Route.ORAL, false, "test")
                .structure(LaidOutStructureProperties::varying)
                .build();
    }

    private static void varying(CompartmentSystem.Builder b, ParameterValues p, Patient patient) {
        double v1 = p.get("V1");
        int c = b.compartment("central", Analyte.KETAMINE, Kind.CENTRAL);
        if (patient.ageYears() > 60) {
            int q = b.compartment("peripheral", Analyte.KETAMINE, Kind.PERIPHERAL);
            b.exchange(c, v1, q, p.get("V2"), p.get("Q2"));
        }
        int lost = b.sink("not absorbed", Analyte.KETAMINE);
        if (patient.weightKg() > 80) {
            int s = b.sink("eliminated", Analyte.KETAMINE);
            b.eliminate(c, s, p.get("CL") / v1);
        } else {
            b.eliminate(c, lost, p.get("CL") / v1);
        }
        b.observe(Analyte.KETAMINE, c, v1);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(java.util.List.of(InputChannel.into(c, 1))));
        if (patient.sex() == Sex.MALE) {
            int gut = b.compartment("gut", Analyte.KETAMINE, Kind.DEPOT);
            b.flow(gut, c, 1.5);
            b.route(Route.ORAL, RouteInput.fixed(java.util.List.of(InputChannel.into(gut, 0.2),
                    InputChannel.lost(lost, 0.8))));
        }
    }

    /** Every number and name of a system, in order. */
    private static String describe(CompartmentSystem s) {
        StringBuilder out = new StringBuilder();
        out.append(s.compartments()).append('\n').append(s.sinks()).append('\n')
                .append(Arrays.deepToString(s.rateMatrix())).append('\n')
                .append(Arrays.deepToString(s.eliminationMatrix())).append('\n')
                .append(s.observations()).append('\n');
        for (Route r : s.routes()) {
            out.append(r).append(' ').append(s.route(r).channels(100)).append('\n');
        }
        return out.toString();
    }

    private static Patient patient(double ageYears, double weightKg, boolean male) {
        return new Patient(ageYears, weightKg, 175, male ? Sex.MALE : Sex.FEMALE);
    }

    @Property(tries = 200)
    void aPatientsSystemDoesNotDependOnWhoCameBefore(@ForAll @DoubleRange(min = 20, max = 80) double ageA,
            @ForAll @DoubleRange(min = 50, max = 110) double weightA, @ForAll boolean maleA,
            @ForAll @DoubleRange(min = 20, max = 80) double ageB, @ForAll @DoubleRange(min = 50, max = 110) double weightB,
            @ForAll boolean maleB) {
        Patient a = patient(ageA, weightA, maleA);
        Patient b = patient(ageB, weightB, maleB);
        String aAlone = describe(varyingModel().individualize(a, PatientAdjuster.NONE).system());
        String bAlone = describe(varyingModel().individualize(b, PatientAdjuster.NONE).system());
        PublishedModel aFirst = varyingModel();
        assertEquals(aAlone, describe(aFirst.individualize(a, PatientAdjuster.NONE).system()));
        assertEquals(bAlone, describe(aFirst.individualize(b, PatientAdjuster.NONE).system()));
        assertEquals(aAlone, describe(aFirst.individualize(a, PatientAdjuster.NONE).system()));
        PublishedModel bFirst = varyingModel();
        assertEquals(bAlone, describe(bFirst.individualize(b, PatientAdjuster.NONE).system()));
        assertEquals(aAlone, describe(bFirst.individualize(a, PatientAdjuster.NONE).system()));
    }

    @Property(tries = 50)
    void everyLibraryModelGivesAPatientTheSameSystemBeforeAndAfterAnother(
            @ForAll @DoubleRange(min = 20, max = 80) double ageA, @ForAll @DoubleRange(min = 40, max = 150) double weightA,
            @ForAll @DoubleRange(min = 20, max = 80) double ageB, @ForAll @DoubleRange(min = 40, max = 150) double weightB) {
        Patient a = patient(ageA, weightA, true);
        Patient b = patient(ageB, weightB, false);
        for (PublishedModel m : Models.all()) {
            CompartmentSystem first = m.individualize(a, PatientAdjuster.NONE).system();
            CompartmentSystem other = m.individualize(b, PatientAdjuster.NONE).system();
            CompartmentSystem again = m.individualize(a, PatientAdjuster.NONE).system();
            assertEquals(describe(first), describe(again), m::id);
            // the layout is shared, not copied, from one patient to the next
            assertSame(first.compartments(), other.compartments(), m::id);
            assertSame(first.sinks(), again.sinks(), m::id);
        }
    }
}
