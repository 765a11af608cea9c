package org.ketaminepk.adjust;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.Simulation;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.patient.ChildPughClass;
import org.ketaminepk.patient.CoMedication;
import org.ketaminepk.patient.Cyp2b6Genotype;
import org.ketaminepk.patient.KidneyFunction;
import org.ketaminepk.patient.LiverFunction;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.patient.Sex;
import org.ketaminepk.result.Profile;
import org.ketaminepk.testing.TestModels;

/**
 * Directions the adjustments must never get wrong, on random patients and on every test model: worse liver
 * function never lowers ketamine's AUC, lower kidney function never lowers a metabolite's AUC, greater age never
 * raises ketamine clearance.
 */
class AdjustmentProperties {

    private static final double REL = 1e-9;

    /** The library's models and the test models that take intravenous ketamine. */
    private static List<PublishedModel> all() {
        List<PublishedModel> ms = new ArrayList<>();
        for (PublishedModel m : Models.all()) {
            if (m.routes().containsKey(Route.INTRAVENOUS) && m.analytes().contains(Analyte.KETAMINE)) {
                ms.add(m);
            }
        }
        ms.addAll(List.of(TestModels.RACEMIC_COMPOSITE, TestModels.PEREZ_RUIXO_LIKE, TestModels.THREE_ANALYTES));
        return ms;
    }

    @Provide
    Arbitrary<PublishedModel> models() {
        return Arbitraries.of(all());
    }

    @Provide
    Arbitrary<PublishedModel> metaboliteModels() {
        List<PublishedModel> ms = new ArrayList<>();
        for (PublishedModel m : all()) {
            if (m.analytes().size() > 1) {
                ms.add(m);
            }
        }
        return Arbitraries.of(ms);
    }

    private static Arbitrary<KidneyFunction> kidneys() {
        return Arbitraries.oneOf(Arbitraries.just(KidneyFunction.notStated()),
                Arbitraries.doubles().between(2, 200).map(KidneyFunction::egfrMlPerMinPer173m2),
                Arbitraries.doubles().between(0.4, 10).map(KidneyFunction::serumCreatinineMgPerDl));
    }

    private static Arbitrary<LiverFunction> livers() {
        return Arbitraries.oneOf(Arbitraries.just(LiverFunction.notStated()),
                Arbitraries.of(ChildPughClass.class).map(LiverFunction::childPugh));
    }

    /** Adults with any combination of organ function, genotype and co-medication. */
    @Provide
    Arbitrary<Patient> patients() {
        Arbitrary<Patient> body = Combinators.combine(Arbitraries.doubles().between(18, 100),
                Arbitraries.doubles().between(40, 140), Arbitraries.doubles().between(150, 200),
                Arbitraries.of(Sex.class)).as(Patient::new);
        return Combinators.combine(body, kidneys(), livers(), Arbitraries.of(Cyp2b6Genotype.class),
                Arbitraries.subsetOf(CoMedication.values()))
                .as((p, k, l, g, c) -> p.withKidney(k).withLiver(l).withCyp2b6(g).withCoMedications(c));
    }

    private static Profile profile(PublishedModel m, Patient p) {
        return Simulation.run(m, p, TestModels.infusion4h(), TestModels.longGrid()).profile();
    }

    private static void atLeast(double larger, double smaller, String what) {
        assertTrue(larger >= smaller * (1 - REL), what + ": " + larger + " < " + smaller);
    }

    @Property(tries = 80)
    void worseLiverNeverLowersKetamineAuc(@ForAll("models") PublishedModel m, @ForAll("patients") Patient p) {
        List<LiverFunction> worse = List.of(LiverFunction.normal(), LiverFunction.childPugh(ChildPughClass.A),
                LiverFunction.childPugh(ChildPughClass.B), LiverFunction.childPugh(ChildPughClass.C));
        double previous = 0;
        for (LiverFunction l : worse) {
            double auc = profile(m, p.withLiver(l)).series(Analyte.KETAMINE).aucNgHPerMl();
            atLeast(auc, previous, m.id() + " " + l.describe());
            previous = auc;
        }
    }

    @Property(tries = 80)
    void lowerKidneyFunctionNeverLowersAMetaboliteAuc(@ForAll("metaboliteModels") PublishedModel m,
            @ForAll("patients") Patient p, @ForAll @DoubleRange(min = 1, max = 250) double egfrA,
            @ForAll @DoubleRange(min = 1, max = 250) double egfrB) {
        double lo = Math.min(egfrA, egfrB);
        double hi = Math.max(egfrA, egfrB);
        Profile worse = profile(m, p.withEgfrMlPerMinPer173m2(lo));
        Profile better = profile(m, p.withEgfrMlPerMinPer173m2(hi));
        for (Analyte a : List.of(Analyte.NORKETAMINE, Analyte.HYDROXYNORKETAMINE)) {
            if (worse.has(a)) {
                atLeast(worse.series(a).aucNgHPerMl(), better.series(a).aucNgHPerMl(), m.id() + " " + a);
            }
        }
    }

    @Property(tries = 100)
    void greaterAgeNeverRaisesClearance(@ForAll("models") PublishedModel m, @ForAll("patients") Patient p,
            @ForAll @DoubleRange(min = 0, max = 120) double ageA,
            @ForAll @DoubleRange(min = 0, max = 120) double ageB) {
        // creatinine is turned into eGFR by different equations below and above 18 years, so for it only adults
        double floor = p.kidney() instanceof KidneyFunction.SerumCreatinine ? 18 : 0;
        double young = Math.max(floor, Math.min(ageA, ageB));
        double old = Math.max(floor, Math.max(ageA, ageB));
        double clYoung = SystemClearance.ofLPerH(m.individualize(p.withAgeYears(young),
                StandardPatientAdjuster.instance()).system(), Analyte.KETAMINE);
        double clOld = SystemClearance.ofLPerH(m.individualize(p.withAgeYears(old),
                StandardPatientAdjuster.instance()).system(), Analyte.KETAMINE);
        atLeast(clYoung, clOld, m.id() + " ages " + young + " → " + old);
    }
}
