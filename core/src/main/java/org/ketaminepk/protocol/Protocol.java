package org.ketaminepk.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Amount;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;

/**
 * A named dosing protocol from the literature (or from a user's file): its regimen, who it was used for, where it
 * comes from and how faithfully the regimen reproduces the source. Weight-based doses stay weight-based; the regimen
 * resolves them for a patient when it is scheduled. Immutable.
 *
 * <p>A teaching and review aid: a protocol here describes what a paper or label did, not what anyone should give.
 *
 * @param id short stable id, lower case, e.g. {@code crps-schwartzman-2009}
 * @param name one-line human name
 * @param indication what it was used for, in words
 * @param drugForm which ketamine the source gave, empty when not stated (user files)
 * @param regimen the doses, times in h from the first dose
 * @param citations the sources, first the one the regimen was read in; empty only when no source exists
 * @param basis how the regimen relates to its source
 * @param sourceNote what was read where, and what was chosen here (step schedules, weekdays)
 * @param notes further facts for the reader (co-medication not modelled, measured concentrations)
 * @param recommendedModelId the model id that fits the protocol's drug and route (e.g. {@code perez-ruixo-2021} for
 *        nasal esketamine), empty to use the library default
 */
public record Protocol(String id, String name, String indication, Optional<DrugForm> drugForm, Regimen regimen,
        List<Citation> citations, Basis basis, String sourceNote, List<String> notes,
        Optional<String> recommendedModelId) {

    /** How a protocol's regimen relates to its source. */
    public enum Basis {
        /** The regimen as a clinical trial gave it. */
        TRIAL("as given in the cited trial"),
        /** The regimen as a consensus guideline states it. */
        GUIDELINE("as stated in the cited guideline"),
        /** The regimen as the product label states it. */
        LABEL("as stated in the product label"),
        /** Read in a secondary source that quotes the original; the original was not read. */
        SECONDARY("from a secondary source quoting the original"),
        /** A fixed schedule standing in for individual titration; the steps were chosen here. */
        APPROXIMATION("a fixed schedule approximating individual titration (steps chosen here)"),
        /** Used in clinics, but no primary source with this schedule was found. */
        UNSOURCED("no primary source found"),
        /** Read from a user's protocol file. */
        USER_FILE("read from a protocol file");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        /** @return the printed label */
        public String label() {
            return label;
        }
    }

    /**
     * Validates and copies the lists.
     *
     * @throws InvalidInputException for a malformed id or a missing component (a drug form or recommended model
     *         that is null rather than empty included)
     */
    public Protocol {
        Checks.notNull("id", id);
        if (!id.matches("[a-z0-9][a-z0-9._-]{0,79}")) {
            throw InvalidInputException.statement("protocol id", id, "must be 1 to 80 lower-case letters, digits, "
                    + "'.', '_' or '-' but was '" + id + "'");
        }
        Checks.notNull("name", name);
        Checks.notNull("indication", indication);
        Checks.notNull("drug form", drugForm);
        Checks.notNull("regimen", regimen);
        citations = List.copyOf(Checks.notNull("citations", citations));
        Checks.notNull("basis", basis);
        Checks.notNull("sourceNote", sourceNote);
        notes = List.copyOf(Checks.notNull("notes", notes));
        Checks.notNull("recommended model", recommendedModelId);
    }

    /** @return a copy with another regimen (e.g. a shorter course), everything else unchanged */
    public Protocol withRegimen(Regimen r) {
        return new Protocol(id, name, indication, drugForm, r, citations, basis, sourceNote, notes,
                recommendedModelId);
    }

    /** @return whether any dose is stated per kg of body weight (so the patient's weight changes the amounts) */
    public boolean weightBased() {
        for (Dose d : regimen.doses()) {
            if (d instanceof Dose.Infusion i) {
                if (i.perKg()) {
                    return true;
                }
            } else if (amountOf(d).unit().perKg()) {
                return true;
            }
        }
        return false;
    }

    private static Amount amountOf(Dose d) {
        return d instanceof Dose.Bolus b ? b.amount() : ((Dose.Extravascular) d).amount();
    }

    /** @return the first citation formatted as "First author (year)", or "no source" */
    public String shortSource() {
        if (citations.isEmpty()) {
            return "no source";
        }
        Citation c = citations.get(0);
        String first = c.authors().split(",")[0].trim().replaceAll("\\.$", "");
        return String.format(Locale.ROOT, "%s (%d)", first, c.year());
    }

    /**
     * Describes one dose resolved for a patient, e.g. "iv 0.35 mg/kg/h for 4 h, max 25 mg/h at 24 h → 24.5 mg/h,
     * 98 mg".
     *
     * @param d a dose of this protocol
     * @param weightKg the patient's weight, kg
     * @return the description with the amount in mg (and the rate in mg/h for infusions)
     */
    public static String describeFor(Dose d, double weightKg) {
        String mg = Checks.fmt(round3(d.amountMg(weightKg))) + " mg";
        if (d instanceof Dose.Infusion i) {
            return d.describe() + " → " + Checks.fmt(round3(i.rateMgPerH(weightKg))) + " mg/h, " + mg
                    + (i.capped(weightKg) ? " (capped)" : "");
        }
        return d.describe() + " → " + mg;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
