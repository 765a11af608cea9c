package org.ketaminepk.testing;

import static org.ketaminepk.model.Provenance.ASSUMPTION;
import static org.ketaminepk.model.Provenance.TRANSCRIPTION;

import java.util.List;
import java.util.OptionalInt;

import org.ketaminepk.base.Analyte;
import org.ketaminepk.base.Route;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.engine.CompartmentSystem;
import org.ketaminepk.engine.CompartmentSystem.Kind;
import org.ketaminepk.engine.InputChannel;
import org.ketaminepk.engine.RouteInput;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.model.Adjustment;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.model.ParameterValues;
import org.ketaminepk.model.Population;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.model.Role;
import org.ketaminepk.model.SamplingSite;
import org.ketaminepk.model.Unit;
import org.ketaminepk.patient.Patient;

/**
 * Models for the tests of every module, with roles tagged like the library's: a racemic composite (Kamp 2020 parent,
 * Otto 2021 norketamine) and the same with hydroxynorketamine, a model with a hepato-portal compartment built from
 * the Perez-Ruixo 2021 esketamine parameters, and a small three-analyte chain. Test fixtures, not published models.
 */
public final class TestModels {
    private TestModels() {
    }

    private static final Citation TEST = Citation.of("test", 2024, "test model", "none");

    /**
     * Kamp 2020 parent (V1 25, V2 56, V3 157 L; CL 84, Q2 161, Q3 79 L/h at 70 kg; CL and Q × (WT/70)^0.75, V × WT/70)
     * with Otto 2021 norketamine (V 98.6, CL 57.7, Vp 160 L, Q 42.8 L/h) formed with fm 0.61. Intravenous and an oral
     * route (F 0.2, ka 1.5 /h, test values).
     */
    public static final PublishedModel RACEMIC_COMPOSITE = racemic("composite-2024", false);

    /**
     * {@link #RACEMIC_COMPOSITE} with hydroxynorketamine formed from 30 % of norketamine clearance (V 50 L, CL 10 L/h,
     * half-life about 3.5 h; test values), for the third analyte's outputs and curves.
     */
    public static final PublishedModel RACEMIC_WITH_HYDROXYNORKETAMINE = racemic("composite-hnk-2024", true);

    private static PublishedModel racemic(String id, boolean hydroxynorketamine) {
        PublishedModel.Builder b = PublishedModel.builder(id)
            .name("test racemic composite")
            .citation(TEST)
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("test", OptionalInt.empty(), 18, 65, 40, 120, "test"))
            .samplingSite(SamplingSite.ARTERIAL)
            .scaling("CL and Q × (WT/70)^0.75, V × WT/70")
            .parameter("V1", "central volume", 25, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, "Kamp 2020")
            .parameter("V2", "peripheral volume 1", 56, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, "Kamp 2020")
            .parameter("V3", "peripheral volume 2", 157, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, "Kamp 2020")
            .parameter("CL", "ketamine clearance", 84, Unit.L_PER_H, Role.PARENT_CLEARANCE, 0.75, TRANSCRIPTION,
                    "Kamp 2020")
            .parameter("Q2", "distribution clearance 1", 161, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0.75,
                    TRANSCRIPTION, "Kamp 2020")
            .parameter("Q3", "distribution clearance 2", 79, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0.75,
                    TRANSCRIPTION, "Kamp 2020")
            .parameter("fm", "fraction of ketamine clearance forming norketamine", 0.61, Unit.FRACTION,
                    Role.FORMATION_FRACTION, 0, ASSUMPTION, "composite")
            .parameter("V_NK", "norketamine central volume", 98.6, Unit.L, Role.VOLUME, 1, TRANSCRIPTION, "Otto 2021")
            .parameter("CL_NK", "norketamine clearance", 57.7, Unit.L_PER_H, Role.METABOLITE_CLEARANCE, 0.75,
                    TRANSCRIPTION, "Otto 2021")
            .parameter("Vp_NK", "norketamine peripheral volume", 160, Unit.L, Role.VOLUME, 1, TRANSCRIPTION,
                    "Otto 2021")
            .parameter("Q_NK", "norketamine distribution clearance", 42.8, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE,
                    0.75, TRANSCRIPTION, "Otto 2021")
            .parameter("F_oral", "oral bioavailability", 0.2, Unit.FRACTION, Role.BIOAVAILABILITY, 0, ASSUMPTION,
                    "test")
            .parameter("ka", "oral absorption rate", 1.5, Unit.PER_H, Role.ABSORPTION, 0, ASSUMPTION, "test")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE)
            .route(Route.INTRAVENOUS, true, "own data")
            .route(Route.ORAL, false, "test")
            .structure(TestModels::composite);
        if (hydroxynorketamine) {
            b.parameter("fm_HNK", "fraction of norketamine clearance forming HNK", 0.3, Unit.FRACTION,
                    Role.FORMATION_FRACTION, 0, ASSUMPTION, "test")
                    .parameter("V_HNK", "HNK volume", 50, Unit.L, Role.VOLUME, 1, ASSUMPTION, "test")
                    .parameter("CL_HNK", "HNK clearance", 10, Unit.L_PER_H, Role.SECONDARY_METABOLITE_CLEARANCE, 0.75,
                            ASSUMPTION, "test")
                    .analytes(Analyte.HYDROXYNORKETAMINE);
        }
        return b.build();
    }


    /**
     * The structure of a one-compartment test model: an intravenous dose into "central", elimination at CL/V, ketamine
     * observed there in V (parameters "CL" and "V").
     */
    public static CompartmentSystem oneCompartment(ParameterValues p, Patient patient) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int c = b.compartment("central", Analyte.KETAMINE, Kind.CENTRAL);
        int s = b.sink("eliminated", Analyte.KETAMINE);
        b.eliminate(c, s, p.get("CL") / p.get("V"));
        b.observe(Analyte.KETAMINE, c, p.get("V"));
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        return b.build();
    }

    private static CompartmentSystem composite(ParameterValues p, Patient patient) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        double v1 = p.get("V1");
        int c = b.compartment("ketamine central", Analyte.KETAMINE, Kind.CENTRAL);
        int p2 = b.compartment("ketamine peripheral1", Analyte.KETAMINE, Kind.PERIPHERAL);
        int p3 = b.compartment("ketamine peripheral2", Analyte.KETAMINE, Kind.PERIPHERAL);
        b.exchange(c, v1, p2, p.get("V2"), p.get("Q2"));
        b.exchange(c, v1, p3, p.get("V3"), p.get("Q3"));
        double vnk = p.get("V_NK");
        int nk = b.compartment("norketamine central", Analyte.NORKETAMINE, Kind.CENTRAL);
        int nkp = b.compartment("norketamine peripheral", Analyte.NORKETAMINE, Kind.PERIPHERAL);
        b.exchange(nk, vnk, nkp, p.get("Vp_NK"), p.get("Q_NK"));
        int other = b.sink("ketamine other", Analyte.KETAMINE);
        double k = p.get("CL") / v1;
        b.flow(c, nk, p.get("fm") * k);
        b.eliminate(c, other, (1 - p.get("fm")) * k);
        double kn = p.get("CL_NK") / vnk;
        int nkOut = b.sink("norketamine eliminated", Analyte.NORKETAMINE);
        if (p.has("fm_HNK")) {
            double vh = p.get("V_HNK");
            int h = b.compartment("hydroxynorketamine central", Analyte.HYDROXYNORKETAMINE, Kind.CENTRAL);
            b.flow(nk, h, p.get("fm_HNK") * kn);
            b.eliminate(nk, nkOut, (1 - p.get("fm_HNK")) * kn);
            b.eliminate(h, b.sink("hydroxynorketamine eliminated", Analyte.HYDROXYNORKETAMINE), p.get("CL_HNK") / vh);
            b.observe(Analyte.HYDROXYNORKETAMINE, h, vh);
        } else {
            b.eliminate(nk, nkOut, kn);
        }
        int depot = b.compartment("gut", Analyte.KETAMINE, Kind.DEPOT);
        b.flow(depot, c, p.get("ka"));
        int lost = b.sink("unabsorbed", Analyte.KETAMINE);
        b.observe(Analyte.KETAMINE, c, v1);
        b.observe(Analyte.NORKETAMINE, nk, vnk);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        b.route(Route.ORAL, RouteInput.fixed(List.of(InputChannel.into(depot, p.get("F_oral")),
                InputChannel.lost(lost, 1 - p.get("F_oral")))));
        return b.build();
    }

    /**
     * Perez-Ruixo 2021 esketamine: three esketamine compartments and a hepato-portal compartment (Qh 151 L/h,
     * Vh 101 L, kel 1.11 /h, kmet 2.77 /h), noresketamine two compartments (Vcn/F 70 L, CLn/F 38 L/h, Vpn/F 115 L,
     * Q3/F 26.1 L/h), nasal route with FRn 0.54 per device (×0.62 for later devices), the swallowed rest zero-order
     * over 0.53 h into a gut depot (ka 1.45 /h, Fgut 0.64) that drains into the liver. Hepatic flow falls by 2.19 L/h
     * per year above 60 (the model's own covariate).
     */
    public static final PublishedModel PEREZ_RUIXO_LIKE = PublishedModel.builder("perezruixo-2021-test")
            .name("test esketamine with hepato-portal compartment")
            .citation(TEST)
            .drugForm(DrugForm.ESKETAMINE)
            .population(new Population("test", OptionalInt.of(820), 18, 86, 39, 170, "test"))
            .samplingSite(SamplingSite.VENOUS)
            .scaling("none")
            .parameter("Vc", "central volume", 192, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, "NLX-PR")
            .parameter("Q1", "distribution clearance 1", 84.3, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0,
                    TRANSCRIPTION, "NLX-PR")
            .parameter("Vp1", "peripheral volume 1", 143, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, "NLX-PR")
            .parameter("Q2", "distribution clearance 2", 37.6, Unit.L_PER_H, Role.DISTRIBUTION_CLEARANCE, 0,
                    TRANSCRIPTION, "NLX-PR")
            .parameter("Vp2", "peripheral volume 2", 417, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, "NLX-PR")
            .parameter("Qh", "hepatic plasma flow", 151, Unit.L_PER_H, Role.HEPATIC_BLOOD_FLOW, 0, TRANSCRIPTION,
                    "NLX-PR")
            .parameter("Qh_age", "change of Qh per year above 60", -2.19, Unit.L_PER_H_PER_YEAR, Role.OTHER, 0,
                    TRANSCRIPTION, "NLX-PR")
            .parameter("Vh", "hepato-portal volume", 101, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, "NLX-PR")
            .parameter("kel", "hepatic elimination to other products", 1.11, Unit.PER_H,
                    Role.PARENT_OTHER_METABOLISM_RATE, 0, TRANSCRIPTION, "NLX-PR")
            .parameter("kmet", "hepatic metabolism to noresketamine", 2.77, Unit.PER_H, Role.PARENT_METABOLISM_RATE,
                    0, TRANSCRIPTION, "NLX-PR")
            .parameter("Vcn", "noresketamine central volume / F", 70, Unit.L, Role.VOLUME, 0, TRANSCRIPTION, "NLX-PR")
            .parameter("CLn", "noresketamine clearance / F", 38, Unit.L_PER_H, Role.METABOLITE_CLEARANCE, 0,
                    TRANSCRIPTION, "NLX-PR")
            .parameter("Vpn", "noresketamine peripheral volume / F", 115, Unit.L, Role.VOLUME, 0, TRANSCRIPTION,
                    "NLX-PR")
            .parameter("Q3", "noresketamine distribution clearance / F", 26.1, Unit.L_PER_H,
                    Role.DISTRIBUTION_CLEARANCE, 0, TRANSCRIPTION, "NLX-PR")
            .parameter("FRn", "fraction absorbed nasally, first device", 0.54, Unit.FRACTION, Role.BIOAVAILABILITY, 0,
                    TRANSCRIPTION, "NLX-PR")
            .parameter("FRn_later", "factor on FRn for later devices", 0.62, Unit.NONE, Role.BIOAVAILABILITY, 0,
                    TRANSCRIPTION, "NLX-PR")
            .parameter("Fgut", "fraction of the swallowed dose escaping the gut", 0.64, Unit.FRACTION,
                    Role.BIOAVAILABILITY, 0, TRANSCRIPTION, "NLX-PR")
            .parameter("ka_n", "nasal absorption rate", 2.93, Unit.PER_H, Role.ABSORPTION, 0, TRANSCRIPTION, "NLX-PR")
            .parameter("ka_sw", "absorption rate of the swallowed part", 1.45, Unit.PER_H, Role.ABSORPTION, 0,
                    TRANSCRIPTION, "NLX-PR")
            .parameter("D_sw", "zero-order duration of the swallowed part", 0.53, Unit.H, Role.ABSORPTION, 0,
                    TRANSCRIPTION, "NLX-PR")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE)
            .route(Route.INTRAVENOUS, true, "own data")
            .route(Route.INTRANASAL, true, "own data")
            .covariates(TestModels::perezRuixoAge)
            .structure(TestModels::perezRuixo)
            .build();

    private static ParameterValues perezRuixoAge(ParameterValues p, Patient patient, List<Adjustment> adj) {
        double years = Math.max(0, patient.ageYears() - 60);
        if (years == 0) {
            return p;
        }
        double qh = p.get("Qh");
        double v = qh + p.get("Qh_age") * years;
        adj.add(new Adjustment("Qh", "L/h", qh, v, "age above 60", "Perez-Ruixo 2021 Table 3"));
        return p.with("Qh", v);
    }

    private static CompartmentSystem perezRuixo(ParameterValues p, Patient patient) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        double vc = p.get("Vc");
        double vh = p.get("Vh");
        int c = b.compartment("esketamine central", Analyte.KETAMINE, Kind.CENTRAL);
        int p1 = b.compartment("esketamine peripheral1", Analyte.KETAMINE, Kind.PERIPHERAL);
        int p2 = b.compartment("esketamine peripheral2", Analyte.KETAMINE, Kind.PERIPHERAL);
        int h = b.compartment("liver", Analyte.KETAMINE, Kind.HEPATIC);
        int nasal = b.compartment("nasal", Analyte.KETAMINE, Kind.DEPOT);
        int gut = b.compartment("gut", Analyte.KETAMINE, Kind.DEPOT);
        b.exchange(c, vc, p1, p.get("Vp1"), p.get("Q1"));
        b.exchange(c, vc, p2, p.get("Vp2"), p.get("Q2"));
        b.exchange(c, vc, h, vh, p.get("Qh"));
        b.flow(nasal, c, p.get("ka_n"));
        b.flow(gut, h, p.get("ka_sw"));
        b.eliminate(h, b.sink("esketamine other", Analyte.KETAMINE), p.get("kel"));
        int n1 = b.compartment("noresketamine central", Analyte.NORKETAMINE, Kind.CENTRAL);
        int n2 = b.compartment("noresketamine peripheral", Analyte.NORKETAMINE, Kind.PERIPHERAL);
        b.flow(h, n1, p.get("kmet"));
        double vcn = p.get("Vcn");
        b.exchange(n1, vcn, n2, p.get("Vpn"), p.get("Q3"));
        b.eliminate(n1, b.sink("noresketamine eliminated", Analyte.NORKETAMINE), p.get("CLn") / vcn);
        int lost = b.sink("not absorbed", Analyte.KETAMINE);
        b.observe(Analyte.KETAMINE, c, vc);
        b.observe(Analyte.NORKETAMINE, n1, vcn);
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(c, 1))));
        double frn = p.get("FRn");
        double later = p.get("FRn_later");
        double fgut = p.get("Fgut");
        double dsw = p.get("D_sw");
        b.route(Route.INTRANASAL, amountMg -> {
            int devices = Math.max(1, (int) Math.round(amountMg / 28));
            double f = frn * (1 + (devices - 1) * later) / devices;
            return List.of(InputChannel.into(nasal, f), InputChannel.into(gut, (1 - f) * fgut).withDurationH(dsw),
                    InputChannel.lost(lost, (1 - f) * (1 - fgut)));
        });
        return b.build();
    }

    /** Ketamine → norketamine → hydroxynorketamine, one compartment each, 70-kg values chosen for tests. */
    public static final PublishedModel THREE_ANALYTES = PublishedModel.builder("chain-2024")
            .name("test three analytes")
            .citation(TEST)
            .drugForm(DrugForm.RACEMIC)
            .population(new Population("test", OptionalInt.empty(), 18, 65, 40, 120, "test"))
            .samplingSite(SamplingSite.VENOUS)
            .scaling("CL × (WT/70)^0.75, V × WT/70")
            .parameter("V", "ketamine volume", 200, Unit.L, Role.VOLUME, 1, ASSUMPTION, "test")
            .parameter("CL", "ketamine clearance", 70, Unit.L_PER_H, Role.PARENT_CLEARANCE, 0.75, ASSUMPTION, "test")
            .parameter("fm", "fraction to norketamine", 0.8, Unit.FRACTION, Role.FORMATION_FRACTION, 0, ASSUMPTION,
                    "test")
            .parameter("V_NK", "norketamine volume", 150, Unit.L, Role.VOLUME, 1, ASSUMPTION, "test")
            .parameter("CL_NK", "norketamine clearance", 50, Unit.L_PER_H, Role.METABOLITE_CLEARANCE, 0.75,
                    ASSUMPTION, "test")
            .parameter("fm_HNK", "fraction of norketamine to HNK", 0.3, Unit.FRACTION, Role.FORMATION_FRACTION, 0,
                    ASSUMPTION, "test")
            .parameter("V_HNK", "HNK volume", 100, Unit.L, Role.VOLUME, 1, ASSUMPTION, "test")
            .parameter("CL_HNK", "HNK clearance", 20, Unit.L_PER_H, Role.SECONDARY_METABOLITE_CLEARANCE, 0.75,
                    ASSUMPTION, "test")
            .analytes(Analyte.KETAMINE, Analyte.NORKETAMINE, Analyte.HYDROXYNORKETAMINE)
            .route(Route.INTRAVENOUS, true, "test")
            .structure(TestModels::chain)
            .build();

    private static CompartmentSystem chain(ParameterValues p, Patient patient) {
        CompartmentSystem.Builder b = CompartmentSystem.builder();
        int k = b.compartment("ketamine", Analyte.KETAMINE, Kind.CENTRAL);
        int n = b.compartment("norketamine", Analyte.NORKETAMINE, Kind.CENTRAL);
        int h = b.compartment("hnk", Analyte.HYDROXYNORKETAMINE, Kind.CENTRAL);
        double kk = p.get("CL") / p.get("V");
        b.flow(k, n, p.get("fm") * kk);
        b.eliminate(k, b.sink("k other", Analyte.KETAMINE), (1 - p.get("fm")) * kk);
        double kn = p.get("CL_NK") / p.get("V_NK");
        b.flow(n, h, p.get("fm_HNK") * kn);
        b.eliminate(n, b.sink("nk other", Analyte.NORKETAMINE), (1 - p.get("fm_HNK")) * kn);
        b.eliminate(h, b.sink("hnk out", Analyte.HYDROXYNORKETAMINE), p.get("CL_HNK") / p.get("V_HNK"));
        b.observe(Analyte.KETAMINE, k, p.get("V"));
        b.observe(Analyte.NORKETAMINE, n, p.get("V_NK"));
        b.observe(Analyte.HYDROXYNORKETAMINE, h, p.get("V_HNK"));
        b.route(Route.INTRAVENOUS, RouteInput.fixed(List.of(InputChannel.into(k, 1))));
        return b.build();
    }

    /** 0.35 mg/kg/h for 4 h, intravenous. */
    public static Regimen infusion4h() {
        return Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0));
    }

    /** A 28-mg nasal device. */
    public static Regimen nasal28() {
        return Regimen.of(Dose.extravascular(Route.INTRANASAL, Amount.mg(28), 0));
    }

    /** Grid whose last point is long after any dose (exact AUC at the grid points). */
    public static TimeGrid longGrid() {
        return TimeGrid.of(0, 0.5, 1, 2, 4, 8, 24, 72, 240);
    }
}
