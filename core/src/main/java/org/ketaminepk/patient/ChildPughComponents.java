package org.ketaminepk.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * The five items of the Child–Pugh score (Pugh 1973) and the score and class they give. Bilirubin and albumin are
 * kept in the unit they were entered in and scored with that unit's published cut-offs, so that a value on a
 * boundary scores the same as on the paper tables.
 *
 * <table>
 * <caption>Points per item</caption>
 * <tr><th>item</th><th>1 point</th><th>2 points</th><th>3 points</th></tr>
 * <tr><td>bilirubin</td><td>&lt; 2 mg/dL (&lt; 34 µmol/L)</td><td>2–3 mg/dL (34–50 µmol/L)</td>
 * <td>&gt; 3 mg/dL (&gt; 50 µmol/L)</td></tr>
 * <tr><td>albumin</td><td>&gt; 35 g/L (&gt; 3.5 g/dL)</td><td>28–35 g/L</td><td>&lt; 28 g/L</td></tr>
 * <tr><td>INR</td><td>&lt; 1.7</td><td>1.7–2.3</td><td>&gt; 2.3</td></tr>
 * <tr><td>ascites</td><td>none</td><td>slight</td><td>moderate to severe</td></tr>
 * <tr><td>encephalopathy</td><td>none</td><td>grade I–II</td><td>grade III–IV</td></tr>
 * </table>
 * The albumin limits are those of the usual clinical tables (28 g/L); some pharmacometric tools use 30 g/L instead.
 * The bilirubin limits are those for hepatocellular disease, not the higher ones proposed for primary biliary or
 * sclerosing cholangitis.
 *
 * @param bilirubin total bilirubin, in {@code bilirubinUnit}
 * @param bilirubinUnit mg/dL or µmol/L
 * @param albumin serum albumin, in {@code albuminUnit}
 * @param albuminUnit g/L or g/dL
 * @param inr international normalised ratio of prothrombin time, 0.5–15
 * @param ascites ascites grade
 * @param encephalopathy encephalopathy grade
 */
public record ChildPughComponents(double bilirubin, BilirubinUnit bilirubinUnit, double albumin,
        AlbuminUnit albuminUnit, double inr, Ascites ascites, Encephalopathy encephalopathy) {

    /** Units of total bilirubin. 1 mg/dL = 17.1 µmol/L (bilirubin 584.7 g/mol). */
    public enum BilirubinUnit {
        /** milligrams per decilitre. */
        MG_PER_DL("mg/dL", 0.1, 60, 2, 3, 20),
        /** micromoles per litre. */
        UMOL_PER_L("µmol/L", 1, 1000, 34, 50, 342);

        private final String symbol;
        private final double min;
        private final double max;
        private final double twoPointsFrom;
        private final double threePointsAbove;
        private final double unusualAbove;

        BilirubinUnit(String symbol, double min, double max, double twoPointsFrom, double threePointsAbove,
                double unusualAbove) {
            this.symbol = symbol;
            this.min = min;
            this.max = max;
            this.twoPointsFrom = twoPointsFrom;
            this.threePointsAbove = threePointsAbove;
            this.unusualAbove = unusualAbove;
        }

        /** @return the printed symbol */
        public String symbol() {
            return symbol;
        }

        /** Parses "mg/dL" or "µmol/L" ("umol/L", "micromol/L"), any case. */
        public static BilirubinUnit parse(String s) {
            String w = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace("μ", "µ");
            switch (w) {
                case "mg/dl": return MG_PER_DL;
                case "umol/l": case "µmol/l": case "micromol/l": return UMOL_PER_L;
                default: throw InvalidInputException.notOneOf("bilirubin unit", s, "mg/dL, µmol/L");
            }
        }
    }

    /** Units of serum albumin. */
    public enum AlbuminUnit {
        /** grams per litre. */
        G_PER_L("g/L", 5, 70, 35, 28, 15, 55),
        /** grams per decilitre. */
        G_PER_DL("g/dL", 0.5, 7, 3.5, 2.8, 1.5, 5.5);

        private final String symbol;
        private final double min;
        private final double max;
        private final double onePointAbove;
        private final double threePointsBelow;
        private final double unusualBelow;
        private final double unusualAbove;

        AlbuminUnit(String symbol, double min, double max, double onePointAbove, double threePointsBelow,
                double unusualBelow, double unusualAbove) {
            this.symbol = symbol;
            this.min = min;
            this.max = max;
            this.onePointAbove = onePointAbove;
            this.threePointsBelow = threePointsBelow;
            this.unusualBelow = unusualBelow;
            this.unusualAbove = unusualAbove;
        }

        /** @return the printed symbol */
        public String symbol() {
            return symbol;
        }

        /** Parses "g/L" or "g/dL", any case. */
        public static AlbuminUnit parse(String s) {
            String w = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
            switch (w) {
                case "g/l": return G_PER_L;
                case "g/dl": return G_PER_DL;
                default: throw InvalidInputException.notOneOf("albumin unit", s, "g/L, g/dL");
            }
        }
    }

    /** Validates every item in its own unit. */
    public ChildPughComponents {
        Checks.notNull("bilirubin unit", bilirubinUnit);
        Checks.notNull("albumin unit", albuminUnit);
        Checks.inRange("bilirubin", bilirubin, bilirubinUnit.min, bilirubinUnit.max, bilirubinUnit.symbol);
        Checks.inRange("albumin", albumin, albuminUnit.min, albuminUnit.max, albuminUnit.symbol);
        Checks.inRange("INR", inr, 0.5, 15, "");
        Checks.notNull("ascites", ascites);
        Checks.notNull("encephalopathy", encephalopathy);
    }

    /**
     * Items in conventional units.
     *
     * @param bilirubinMgPerDl total bilirubin, mg/dL
     * @param albuminGPerDl serum albumin, g/dL
     * @param inr INR
     * @param ascites ascites grade
     * @param encephalopathy encephalopathy grade
     * @return the items
     */
    public static ChildPughComponents conventional(double bilirubinMgPerDl, double albuminGPerDl, double inr,
            Ascites ascites, Encephalopathy encephalopathy) {
        return new ChildPughComponents(bilirubinMgPerDl, BilirubinUnit.MG_PER_DL, albuminGPerDl, AlbuminUnit.G_PER_DL,
                inr, ascites, encephalopathy);
    }

    /**
     * Items in SI units.
     *
     * @param bilirubinUmolPerL total bilirubin, µmol/L
     * @param albuminGPerL serum albumin, g/L
     * @param inr INR
     * @param ascites ascites grade
     * @param encephalopathy encephalopathy grade
     * @return the items
     */
    public static ChildPughComponents si(double bilirubinUmolPerL, double albuminGPerL, double inr, Ascites ascites,
            Encephalopathy encephalopathy) {
        return new ChildPughComponents(bilirubinUmolPerL, BilirubinUnit.UMOL_PER_L, albuminGPerL, AlbuminUnit.G_PER_L,
                inr, ascites, encephalopathy);
    }

    /** @return bilirubin points, 1–3 */
    public int bilirubinPoints() {
        if (bilirubin < bilirubinUnit.twoPointsFrom) {
            return 1;
        }
        return bilirubin <= bilirubinUnit.threePointsAbove ? 2 : 3;
    }

    /** @return albumin points, 1–3 */
    public int albuminPoints() {
        if (albumin > albuminUnit.onePointAbove) {
            return 1;
        }
        return albumin >= albuminUnit.threePointsBelow ? 2 : 3;
    }

    /** @return INR points, 1–3 */
    public int inrPoints() {
        if (inr < 1.7) {
            return 1;
        }
        return inr <= 2.3 ? 2 : 3;
    }

    /** @return the Child–Pugh score, 5–15 points */
    public int score() {
        return bilirubinPoints() + albuminPoints() + inrPoints() + ascites.points() + encephalopathy.points();
    }

    /** @return the Child–Pugh class of the score */
    public ChildPughClass childPughClass() {
        return ChildPughClass.ofScore(score());
    }

    /** @return messages for values that are possible but unusual enough to be worth a second look */
    public List<String> unusualValues() {
        List<String> out = new ArrayList<>();
        if (bilirubin > bilirubinUnit.unusualAbove) {
            out.add(String.format(Locale.ROOT, "bilirubin %s %s is very high; check the value and unit",
                    Checks.fmt(bilirubin), bilirubinUnit.symbol));
        }
        if (albumin < albuminUnit.unusualBelow || albumin > albuminUnit.unusualAbove) {
            out.add(String.format(Locale.ROOT, "albumin %s %s is outside the usual %s–%s %s; check the value and unit",
                    Checks.fmt(albumin), albuminUnit.symbol, Checks.fmt(albuminUnit.unusualBelow),
                    Checks.fmt(albuminUnit.unusualAbove), albuminUnit.symbol));
        }
        if (inr > 6) {
            out.add("INR " + Checks.fmt(inr) + " is very high; check for anticoagulant treatment");
        }
        return out;
    }

    /**
     * @return the items and their points, e.g. "bilirubin 2.5 mg/dL (2), albumin 3.1 g/dL (2), INR 1.5 (1), ascites
     *         slight (2), encephalopathy none (1)"
     */
    public String describe() {
        return String.format(Locale.ROOT, "bilirubin %s %s (%d), albumin %s %s (%d), INR %s (%d), ascites %s (%d), "
                + "encephalopathy %s (%d)", Checks.fmt(bilirubin), bilirubinUnit.symbol, bilirubinPoints(),
                Checks.fmt(albumin), albuminUnit.symbol, albuminPoints(), Checks.fmt(inr), inrPoints(),
                ascites.name().toLowerCase(Locale.ROOT).replace('_', ' '), ascites.points(),
                encephalopathy.name().toLowerCase(Locale.ROOT).replace('_', ' '), encephalopathy.points());
    }
}
