package org.ketaminepk.patient;

import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * The body-size descriptor that turns a dose per kilogram (mg/kg, mg/kg/h) into milligrams. It changes only how much
 * is given: the pharmacokinetic models still scale their parameters with total body weight, as their authors
 * published. Which descriptor suits ketamine in obesity is not settled; the choice is the reader's.
 *
 * <p>Not a dosing recommendation: a teaching and review tool, not a dosing device.
 */
public enum DosingWeight {
    /** Total (actual) body weight, kg. */
    TOTAL("total", "total body weight"),
    /**
     * Ideal body weight by Devine BJ, "Gentamicin therapy", Drug Intell Clin Pharm 1974;8:650–655: men 50 kg,
     * women 45.5 kg, plus 2.3 kg per inch of height over 5 feet. Derived for adults.
     */
    IDEAL("ideal", "ideal body weight (Devine 1974)"),
    /** Lean body weight by Janmahasatian 2005 ({@link BodySize#leanBodyWeightJanmahasatianKg}). */
    LEAN("lean", "lean body weight (Janmahasatian 2005)"),
    /**
     * Adjusted body weight, IBW + 0.4·(TBW − IBW), the correction factor of Traynor AM, Nafziger AN, Bertino JS,
     * "Aminoglycoside dosing weight correction factors for patients of various body sizes", Antimicrob Agents
     * Chemother 1995;39:545–548, with IBW by Devine 1974.
     */
    ADJUSTED("adjusted", "adjusted body weight, IBW + 0.4·(TBW − IBW) (Traynor 1995)");

    /** Devine 1974: base weight of men at 5 feet, kg. */
    public static final double DEVINE_1974_MEN_BASE_KG = 50;
    /** Devine 1974: base weight of women at 5 feet, kg. */
    public static final double DEVINE_1974_WOMEN_BASE_KG = 45.5;
    /** Devine 1974: kg per inch of height above 5 feet. */
    public static final double DEVINE_1974_KG_PER_INCH = 2.3;
    /** Traynor 1995: fraction of the weight above ideal that the adjusted weight counts. */
    public static final double TRAYNOR_1995_CORRECTION_FACTOR = 0.4;
    /** 5 feet, cm. */
    private static final double FIVE_FEET_CM = 152.4;

    private final String key;
    private final String label;

    DosingWeight(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** @return the name on the command line ("total", "ideal", "lean", "adjusted") */
    public String key() {
        return key;
    }

    /** @return the descriptor and its source, in words */
    public String label() {
        return label;
    }

    /**
     * @return the weight that mg/kg doses are multiplied by for {@code p}, kg
     * @throws InvalidInputException if the formula gives no positive weight for this height
     */
    public double kg(Patient p) {
        Checks.notNull("patient", p);
        return switch (this) {
            case TOTAL -> p.weightKg();
            case IDEAL -> idealDevineKg(p.heightCm(), p.sex());
            case LEAN -> p.leanBodyWeightKg();
            case ADJUSTED -> {
                double ibw = idealDevineKg(p.heightCm(), p.sex());
                yield ibw + TRAYNOR_1995_CORRECTION_FACTOR * (p.weightKg() - ibw);
            }
        };
    }

    /**
     * Ideal body weight by Devine 1974.
     *
     * @param heightCm height, cm
     * @param sex sex
     * @return ideal body weight, kg
     * @throws InvalidInputException if the height is so short that the formula gives no positive weight
     */
    public static double idealDevineKg(double heightCm, Sex sex) {
        Checks.positive("height", heightCm, 300, "cm");
        Checks.notNull("sex", sex);
        double base = sex == Sex.MALE ? DEVINE_1974_MEN_BASE_KG : DEVINE_1974_WOMEN_BASE_KG;
        double kg = base + DEVINE_1974_KG_PER_INCH * (heightCm - FIVE_FEET_CM) / 2.54;
        if (!(kg > 0)) {
            throw InvalidInputException.statement("height", heightCm, String.format(Locale.ROOT, "must be at least "
                    + "%s cm for an ideal body weight by Devine 1974 but was %s cm",
                    Checks.fmt(Math.ceil(FIVE_FEET_CM - base / DEVINE_1974_KG_PER_INCH * 2.54)), Checks.fmt(heightCm)));
        }
        return kg;
    }

    /**
     * @return the descriptor named {@code key}
     * @throws InvalidInputException for any other name
     */
    public static DosingWeight of(String key) {
        for (DosingWeight w : values()) {
            if (w.key.equalsIgnoreCase(Checks.notNull("dosing weight", key).trim())) {
                return w;
            }
        }
        throw InvalidInputException.statement("dosing weight", key, "must be one of total, ideal, lean, adjusted but "
                + "was '" + key + "'");
    }
}
