package org.ketaminepk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketaminepk.model.Provenance.ASSUMPTION;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.ketaminepk.adjust.StandardPatientAdjuster;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.ResidualError;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.model.Variability;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.testing.TestModels;
import org.ketaminepk.population.VariabilityModel;

class MapFitTest {
    private static final double OMEGA2_CL = 0.09;
    private static final double OMEGA2_V = 0.16;
    private static final double PROP_SD = 0.15;
    private static final double CL_L_PER_H = 60;
    private static final double V_L = 150;
    private static final double DOSE_MG = 100;

    /** One compartment, intravenous, CL and V log-normal, proportional error: every number a test value. */
    static final PublishedModel ONE_COMPARTMENT = PublishedModel.builder("onecompartment-2024")
            .name("test one-compartment model")
            .citation(Citation.of("test", 2024, "test model", "none"))
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("test", OptionalInt.empty(), 18, 65, 40, 120, "test"))
            .samplingSite(SamplingSite.ARTERIAL)
            .parameter("CL", "clearance", CL_L_PER_H, Unit.L_PER_H, Role.PARENT_CLEARANCE, 0, ASSUMPTION, "test")
            .parameter("V", "volume", V_L, Unit.L, Role.VOLUME, 0, ASSUMPTION, "test")
            .variability(Variability.variance("CL", OMEGA2_CL, ASSUMPTION, "test"))
            .variability(Variability.variance("V", OMEGA2_V, ASSUMPTION, "test"))
            .residualError(ResidualError.proportional(Analyte.KETAMINE, PROP_SD, ASSUMPTION, "test"))
            .analytes(Analyte.KETAMINE)
            .route(Route.INTRAVENOUS, true, "test")
            .structure(TestModels::oneCompartment)
            .build();


    /** Closed form, ng/mL: D/V·exp(−CL/V·t) (mg/L × 1000). */
    private static double closedForm(double etaCl, double etaV, double t) {
        double cl = CL_L_PER_H * Math.exp(etaCl);
        double v = V_L * Math.exp(etaV);
        return 1000 * DOSE_MG / v * Math.exp(-cl / v * t);
    }

    private static final org.apache.commons.math3.distribution.NormalDistribution PHI =
            new org.apache.commons.math3.distribution.NormalDistribution();

    /** −2 log posterior written out for the closed form, independent of the library's objective. */
    private static double posterior(double etaCl, double etaV, List<Level> levels) {
        double s = etaCl * etaCl / OMEGA2_CL + etaV * etaV / OMEGA2_V;
        for (Level l : levels) {
            double f = closedForm(etaCl, etaV, l.timeH());
            double sd = PROP_SD * f;
            if (l.censored()) {
                s -= 2 * Math.log(PHI.cumulativeProbability((l.lloqNgPerMl().getAsDouble() - f) / sd));
            } else {
                double r = (l.valueNgPerMl().getAsDouble() - f) / sd;
                s += r * r + 2 * Math.log(sd);
            }
        }
        return s;
    }

    /** The mode on a grid: step 0.02 over ±1.5, then step 0.001 over ±0.04 around the coarse mode. */
    private static double[] gridMode(List<Level> levels) {
        double[] coarse = gridMode(levels, 0, 0, 1.5, 0.02);
        return gridMode(levels, coarse[0], coarse[1], 0.04, 0.001);
    }

    private static double[] gridMode(List<Level> levels, double a0, double b0, double half, double step) {
        double best = Double.POSITIVE_INFINITY;
        double[] at = null;
        int n = (int) Math.round(half / step);
        for (int i = -n; i <= n; i++) {
            for (int j = -n; j <= n; j++) {
                double a = a0 + i * step;
                double b = b0 + j * step;
                double v = posterior(a, b, levels);
                if (v < best) {
                    best = v;
                    at = new double[] {a, b};
                }
            }
        }
        return at;
    }

    private static double eta(IndividualFit f, String p) {
        return f.estimates().stream().filter(e -> e.parameter().equals(p)).findFirst().orElseThrow().eta();
    }

    @Test
    void matchesAFineGridPosteriorOnAOneCompartmentModel() {
        Regimen r = Regimen.of(Dose.bolus(Amount.mg(DOSE_MG), 0));
        List<Level> levels = List.of(Level.of(0.5, Analyte.KETAMINE, 800), Level.of(3, Analyte.KETAMINE, 420),
                Level.of(8, Analyte.KETAMINE, 160));
        IndividualFit fit = MapFit.of(ONE_COMPARTMENT).fit(Patient.standardAdult(), r, levels);
        double[] mode = gridMode(levels);
        // the fine grid step is 0.001; the mode is found to within two steps
        assertEquals(mode[0], eta(fit, "CL"), 0.002);
        assertEquals(mode[1], eta(fit, "V"), 0.002);
        assertEquals(closedForm(eta(fit, "CL"), eta(fit, "V"), 3), fit.predictions().get(1).individualNgPerMl(),
                1e-6 * 420);
    }

    @Test
    void censoredLevelsEnterAsCensoredNotDropped() {
        Regimen r = Regimen.of(Dose.bolus(Amount.mg(DOSE_MG), 0));
        List<Level> levels = List.of(Level.of(1, Analyte.KETAMINE, 450), Level.belowLloq(8, Analyte.KETAMINE, 10));
        IndividualFit fit = MapFit.of(ONE_COMPARTMENT).fit(Patient.standardAdult(), r, levels);
        double[] mode = gridMode(levels);
        assertEquals(mode[0], eta(fit, "CL"), 0.002);
        assertEquals(mode[1], eta(fit, "V"), 0.002);
        IndividualFit dropped = MapFit.of(ONE_COMPARTMENT).fit(Patient.standardAdult(), r, levels.subList(0, 1));
        // "below 10 ng/mL at 8 h" (typical prediction 27 ng/mL) says clearance is higher than the first level alone suggests
        assertTrue(eta(fit, "CL") > eta(dropped, "CL") + 0.05, eta(fit, "CL") + " vs " + eta(dropped, "CL"));
    }

    @Test
    void logPhiIsContinuousIntoTheFarTail() {
        assertEquals(MapFit.logPhi(-29.999999), MapFit.logPhi(-30.000001), 1e-4);
        assertEquals(Math.log(0.5), MapFit.logPhi(0), 1e-15);
    }

    /**
     * Patients drawn from Otto 2021's own Ω with known η, levels with its proportional residual error: the estimation
     * error in units of the reported posterior SD must look standard normal. With 30 patients × 4 effects the mean
     * of z² has SD about √(2/120) = 0.13, so 1 ± 0.5 is a four-SD band; no single |z| above 4.5 (p ≈ 1e-3 over 120).
     */
    @Test
    void recoversKnownRandomEffectsWithinThePrecisionTheDesignAllows() {
        PublishedModel m = Models.OTTO_2021;
        VariabilityModel vm = VariabilityModel.published(m);
        MapFit mapFit = MapFit.of(vm);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261127L);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        Patient patient = Patient.standardAdult();
        Regimen reg = Regimen.of(Dose.infusion(Amount.mg(35), 0.5, 0), Dose.infusion(Amount.mg(35), 2, 4));
        double[] times = {0.25, 0.5, 1, 2, 4.5, 6, 8, 12, 24};
        double sumZ2 = 0;
        int n = 0;
        for (int p = 0; p < 30; p++) {
            double[] eta = vm.sample(rng).eta();
            List<MapFit.Effect> effects = new ArrayList<>();
            for (VariabilityModel.Term t : vm.terms()) {
                effects.add(new MapFit.Effect(t.parameter(), t.scale(), "", false));
            }
            var truth = m.individualize(patient, new EtaAdjuster(effects, eta, StandardPatientAdjuster.instance()));
            List<Level> levels = new ArrayList<>();
            for (Analyte a : m.analytes()) {
                for (double t : times) {
                    double c = org.ketaminepk.Simulation.standard().simulate(truth, reg,
                            org.ketaminepk.base.TimeGrid.of(0, t)).profile().series(a).ngPerMl(1);
                    double y = vm.residualErrors().get(a).observe(c, normal.sample(), normal.sample());
                    levels.add(Level.of(t, a, Math.max(y, 0.01)));
                }
            }
            IndividualFit fit = mapFit.fit(patient, reg, levels);
            for (int i = 0; i < eta.length; i++) {
                IndividualFit.Estimate e = fit.estimates().get(i);
                assertTrue(e.hasUncertainty(), e.parameter());
                double z = (e.eta() - eta[i]) / e.uncertainty().orElseThrow().etaSe();
                assertTrue(Math.abs(z) < 4.5, "patient " + p + " " + e.parameter() + " z " + z);
                sumZ2 += z * z;
                n++;
            }
        }
        double meanZ2 = sumZ2 / n;
        assertTrue(meanZ2 > 0.5 && meanZ2 < 1.5, "mean z² " + meanZ2);
    }

    @Test
    void refusesModelsWithoutVariabilityOrResidualError() {
        String none = assertThrows(InvalidInputException.class, () -> MapFit.of(Models.DOMINO_1984)).getMessage();
        assertTrue(none.startsWith("domino-1984 publishes no between-patient variability, so there is no prior"),
                none);
        PublishedModel noResidual = Models.all().stream().filter(x -> !x.variability().isEmpty()
                && x.residualErrors().isEmpty()).findFirst().orElseThrow();
        String msg = assertThrows(InvalidInputException.class, () -> MapFit.of(noResidual).fit(
                Patient.standardAdult(), Regimen.of(Dose.bolus(Amount.mg(10), 0)),
                List.of(Level.of(1, Analyte.KETAMINE, 50)))).getMessage();
        assertTrue(msg.contains("publishes no residual error for ketamine"), msg);
    }
}
