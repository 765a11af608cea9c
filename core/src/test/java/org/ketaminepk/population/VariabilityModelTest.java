package org.ketaminepk.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.base.Route;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.PatientAdjuster;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.Provenance;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.model.Variability;
import org.ketaminepk.model.Warning;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.testing.TestModels;

class VariabilityModelTest {
    private static final int N = 20_000;

    static List<PublishedModel> models() {
        return Models.all();
    }

    /** Draws N patients' effects with the per-patient streams of a population run. */
    private static double[][] draws(VariabilityModel v, long seed) {
        double[][] eta = new double[N][];
        for (int i = 0; i < N; i++) {
            VariabilityModel.Draw d = v.sample(PatientStreams.forPatient(seed, i));
            eta[i] = concat(d.eta(), d.kappa());
        }
        return eta;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * Tolerances are 5 standard errors of each estimator at N draws, for normal data: the mean has SE √(ω²/N), the
     * sample variance ω²·√(2/(N − 1)), the sample correlation (1 − r²)/√N (large-sample). At a fixed seed a correct
     * sampler lands inside with probability about 1 − 6e-7 per check; a sampler that ignores the covariance, uses ω
     * for ω² or drops the Cholesky factor misses by tens of standard errors.
     */
    private static void assertMoments(double[][] eta, int i, int j, double varI, double varJ, double cov) {
        double mi = 0;
        double mj = 0;
        for (double[] e : eta) {
            mi += e[i];
            mj += e[j];
        }
        mi /= N;
        mj /= N;
        double si = 0;
        double sj = 0;
        double sij = 0;
        for (double[] e : eta) {
            si += (e[i] - mi) * (e[i] - mi);
            sj += (e[j] - mj) * (e[j] - mj);
            sij += (e[i] - mi) * (e[j] - mj);
        }
        si /= N - 1;
        sj /= N - 1;
        sij /= N - 1;
        assertEquals(0, mi, 5 * Math.sqrt(varI / N), "mean of η" + i);
        assertEquals(varI, si, 5 * varI * Math.sqrt(2.0 / (N - 1)), "variance of η" + i);
        assertEquals(varJ, sj, 5 * varJ * Math.sqrt(2.0 / (N - 1)), "variance of η" + j);
        double r = cov / Math.sqrt(varI * varJ);
        assertEquals(r, sij / Math.sqrt(si * sj), 5 * (1 - r * r) / Math.sqrt(N), "correlation");
    }

    @Test
    void ottoBlocksHaveThePublishedVariancesAndCorrelations() {
        VariabilityModel v = VariabilityModel.published(Models.OTTO_2021);
        List<String> names = v.terms().stream().map(VariabilityModel.Term::parameter).toList();
        assertEquals(List.of("V1", "CL", "Vn", "CLn"), names);
        double[][] eta = draws(v, 20_260_101L);
        // Otto 2021 Table 3 (OMEGA BLOCK(2)): r = 0.02261/√(0.084177·0.026048) = 0.48,
        // 0.04456/√(0.040426·0.10319) = 0.69
        assertMoments(eta, 0, 1, 0.084177, 0.026048, 0.02261);
        assertMoments(eta, 2, 3, 0.040426, 0.10319, 0.04456);
        // the two blocks are independent
        assertMoments(eta, 1, 3, 0.026048, 0.10319, 0);
    }

    @Test
    void simonsOccasionEffectsHaveTheirOwnVariance() {
        VariabilityModel v = VariabilityModel.published(Models.SIMONS_2022);
        assertEquals(10, v.occasionTerms().size());
        double[][] eta = draws(v, 7);
        int k = v.terms().size();
        int d2 = k + 4; // D2, ν² 0.611
        assertEquals("D2", v.occasionTerms().get(4).parameter());
        assertMoments(eta, 0, d2, 0.057, 0.611, 0);
    }

    @Test
    void userCorrelationIsSampled() {
        VariabilityModel v = VariabilityModel.published(Models.CLEMENTS_1981)
                .withAssumed(VariabilitySpec.parse("V1=40%,k10=30%,r(V1,k10)=-0.6"));
        double w1 = Math.log1p(0.16);
        double w2 = Math.log1p(0.09);
        assertMoments(draws(v, 99), 0, 1, w1, w2, -0.6 * Math.sqrt(w1 * w2));
    }

    @Test
    void sameSeedAndIndexGiveTheSameDrawAndNeighboursDiffer() {
        VariabilityModel v = VariabilityModel.published(Models.OTTO_2021);
        assertArrayEquals(v.sample(PatientStreams.forPatient(5, 123)).eta(),
                v.sample(PatientStreams.forPatient(5, 123)).eta());
        assertFalse(java.util.Arrays.equals(v.sample(PatientStreams.forPatient(5, 123)).eta(),
                v.sample(PatientStreams.forPatient(5, 124)).eta()));
        assertFalse(java.util.Arrays.equals(v.sample(PatientStreams.forPatient(5, 123)).eta(),
                v.sample(PatientStreams.forPatient(6, 123)).eta()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyLibraryModelEitherSamplesOrSaysItHasNone(PublishedModel m) {
        VariabilityModel v = VariabilityModel.published(m);
        if (v.isEmpty()) {
            assertTrue(v.provenance().get(0).contains("publishes no between-patient variability"), m.id());
        } else {
            assertEquals(v.terms().size(), v.sample(PatientStreams.forPatient(1, 0)).eta().length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void occasionTermsAndResidualErrorsNameWhatTheModelHas(PublishedModel m) {
        for (org.ketaminepk.model.Variability v : m.occasionVariability()) {
            assertTrue(m.parameters().stream().anyMatch(p -> p.name().equals(v.parameter())), v.parameter());
            assertTrue(v.omegaSquared() > 0);
        }
        for (org.ketaminepk.model.ResidualError e : m.residualErrors()) {
            assertTrue(m.analytes().contains(e.analyte()), m.id() + " " + e.analyte());
            assertFalse(e.source().isBlank());
        }
    }

    @Test
    void modelsWithoutPublishedVariabilityAreTheOnesTheLiteratureLacks() {
        List<String> none = new ArrayList<>();
        for (PublishedModel m : Models.all()) {
            if (VariabilityModel.published(m).isEmpty()) {
                none.add(m.id());
            }
        }
        assertEquals(List.of("kamp-2020", "domino-1984", "clements-1981",
                "hijazi-2003"), none);
    }

    @Test
    void compositeLabelsItsBorrowedTermsAndSaysKetamineHasNone() {
        VariabilityModel v = VariabilityModel.published(Models.RACEMIC_COMPOSITE);
        assertTrue(v.terms().stream().allMatch(t -> t.origin() == VariabilityModel.Origin.BORROWED));
        assertTrue(v.provenance().stream().anyMatch(s -> s.contains("composite")));
        assertTrue(v.provenance().stream().anyMatch(s -> s.contains("borrowed") && s.contains("Otto 2021")));
        assertTrue(Models.RACEMIC_COMPOSITE.notes().stream().anyMatch(n -> n.contains("none was published for "
                + "Kamp 2020")));
    }

    @Test
    void userTermsReplacePublishedOnesAndAreLabelled() {
        VariabilityModel v = VariabilityModel.published(Models.OTTO_2021).withAssumed(VariabilitySpec.parse("CL=30%"));
        VariabilityModel.Term cl = v.terms().stream().filter(t -> t.parameter().equals("CL")).findFirst().get();
        assertEquals(VariabilityModel.Origin.USER_ASSUMPTION, cl.origin());
        assertEquals(30, cl.cvPercent(), 1e-9);
        assertTrue(v.hasUserAssumptions());
        // the published V1–CL covariance is dropped with the published CL term
        double[][] om = v.omega();
        int iv1 = 0;
        int icl = v.terms().indexOf(cl);
        assertEquals(0, om[iv1][icl]);
        assertTrue(v.provenance().stream().anyMatch(s -> s.startsWith("user assumption: CL CV 30 %")));
    }

    @Test
    void unknownParameterAndImpossibleCorrelationsAreRefusedInOneLine() {
        VariabilityModel v = VariabilityModel.published(Models.CLEMENTS_1981);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> v.withAssumed(VariabilitySpec.parse("CLx=30%")));
        assertTrue(e.getMessage().contains("CLx") && e.getMessage().contains("clements-1981"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> v.withAssumed(VariabilitySpec.parse(
                "V1=30%,k10=30%,k12=30%,r(V1,k10)=0.9,r(k10,k12)=0.9,r(V1,k12)=-0.9")));
        assertTrue(e.getMessage().contains("not a valid covariance"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void randomEffectsScaleTheIndividualValuesAndKeepALogitFractionInside() {
        PublishedModel m = Models.PEREZ_RUIXO_2021;
        VariabilityModel v = VariabilityModel.published(m);
        double[] eta = new double[v.terms().size()];
        int frn = 0;
        int vc = v.terms().indexOf(v.terms().stream().filter(t -> t.parameter().equals("Vc")).findFirst().get());
        eta[frn] = 8; // far tail on the logit scale
        eta[vc] = 0.5;
        Patient p = Patient.standardAdult();
        ParameterValues typical = m.individualize(p, PatientAdjuster.NONE).values();
        List<Adjustment> adj = new ArrayList<>();
        List<Warning> w = new ArrayList<>();
        ParameterValues out = new RandomEffects(v, new VariabilityModel.Draw(eta, new double[0]), PatientAdjuster.NONE)
                .adjust(m, p, typical, adj, w);
        assertEquals(typical.get("Vc") * Math.exp(0.5), out.get("Vc"), 1e-9);
        assertTrue(out.get("FRn") > typical.get("FRn") && out.get("FRn") < 1);
        assertEquals(typical.get("CLn"), out.get("CLn"));
        assertTrue(adj.stream().anyMatch(a -> a.parameter().equals("Vc")));
    }

    /** Simons 2022's F1 is drawn on the logit scale: even a κ far out in the tail keeps it below 1, with no warning. */
    @Test
    void simonsF1StaysAFractionInTheFarTail() {
        PublishedModel m = Models.SIMONS_2022;
        VariabilityModel v = VariabilityModel.published(m);
        double[] kappa = new double[v.occasionTerms().size()];
        int f1 = v.occasionTerms().indexOf(v.occasionTerms().stream().filter(t -> t.parameter().equals("F1"))
                .findFirst().get());
        assertEquals(org.ketaminepk.model.Variability.Scale.LOGIT, v.occasionTerms().get(f1).scale());
        Patient p = Patient.standardAdult();
        ParameterValues typical = m.individualize(p, PatientAdjuster.NONE).values();
        for (double k : new double[] {-12, -6, 0, 6, 12}) {
            kappa[f1] = k;
            List<Warning> w = new ArrayList<>();
            ParameterValues out = new RandomEffects(v, new VariabilityModel.Draw(new double[v.terms().size()],
                    kappa), PatientAdjuster.NONE).adjust(m, p, typical, new ArrayList<>(), w);
            double f = out.get("F1");
            assertTrue(f > 0 && f < 1, "F1 " + f + " for κ " + k);
            assertEquals(Math.signum(k), Math.signum(f - typical.get("F1")), "F1 moves with κ " + k);
            assertTrue(w.isEmpty(), w.toString());
        }
    }

    /**
     * A user-built model whose covariate takes its logit-varied fraction to exactly 1: the effect was drawn and
     * silently not applied before (logistic(logit 1 + η) = 1); it is refused now, naming the parameter and the range.
     */
    @Test
    void aLogitEffectOnAFractionTheCovariatesTookToOneIsRefused() {
        PublishedModel m = PublishedModel.builder("covariate-2024")
                .name("test one-compartment model")
                .citation(Citation.of("test", 2024, "test model", "none"))
                .drugForm(DrugForm.RACEMIC)
                .population(new Population("test", OptionalInt.empty(), 18, 120, 40, 200, "test"))
                .samplingSite(SamplingSite.ARTERIAL)
                .scaling("none")
                .parameter("CL", "clearance", 60, Unit.L_PER_H,
                        Role.PARENT_CLEARANCE, 0, Provenance.ASSUMPTION,
                        "test")
                .parameter("V", "volume", 150, Unit.L, Role.VOLUME, 0,
                        Provenance.ASSUMPTION, "test")
                .parameter("F", "a fraction", 0.5, Unit.FRACTION,
                        Role.OTHER, 0, Provenance.ASSUMPTION, "test")
                .variability(Variability.logitVariance("F", 0.5,
                        Provenance.ASSUMPTION, "test"))
                .analytes(Analyte.KETAMINE)
                .route(Route.INTRAVENOUS, true, "test")
                .covariates((p, patient, adjustments) -> patient.ageYears() >= 80 ? p.with("F", 1.0) : p)
                .structure(TestModels::oneCompartment)
                .build();
        VariabilityModel v = VariabilityModel.published(m);
        Patient old = Patient.standardAdult().withAgeYears(85);
        ParameterValues typical = m.individualize(old, PatientAdjuster.NONE).values();
        assertEquals(1.0, typical.get("F"));
        RandomEffects draw = new RandomEffects(v, new VariabilityModel.Draw(new double[] {0.8}, new double[0]),
                PatientAdjuster.NONE);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> draw.adjust(m, old, typical, new ArrayList<>(), new ArrayList<>()));
        assertEquals("F must lie in the open range (0, 1) for its logit-scale random effect but was 1 after the "
                + "model's covariates; at 0 or 1 the effect cannot move it", e.getMessage());
        // a younger patient keeps 0.5 and is moved
        Patient young = Patient.standardAdult();
        ParameterValues t2 = m.individualize(young, PatientAdjuster.NONE).values();
        double f = draw.adjust(m, young, t2, new ArrayList<>(), new ArrayList<>()).get("F");
        assertEquals(1 / (1 + Math.exp(-0.8)), f, 1e-15);
    }
}
