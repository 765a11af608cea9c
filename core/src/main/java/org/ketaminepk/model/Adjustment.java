package org.ketaminepk.model;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One change from a model's typical parameter to this patient's value, with the reason and the source. A list of
 * these answers "what changes for this patient?". Immutable.
 *
 * <p>The reason may be given as words to write out when first read ({@link #worded}), so that a population run,
 * which individualises every patient and shows none of the reasons, never builds them.
 */
public final class Adjustment {
    private final String parameter;
    private final String unit;
    private final double typicalValue;
    private final double patientValue;
    private final Supplier<String> wording;
    private final String source;
    private volatile String reason;

    /**
     * @param parameter parameter name
     * @param unit internal unit of the values
     * @param typicalValue the model's typical value (70 kg), internal units
     * @param patientValue the value used for this patient, internal units
     * @param reason why, in words ("weight 50 kg, published allometric exponent 0.75", "Child–Pugh B")
     * @param source the citation or "assumption: ..."
     */
    public Adjustment(String parameter, String unit, double typicalValue, double patientValue, String reason,
            String source) {
        this(parameter, unit, typicalValue, patientValue, null, Objects.requireNonNull(reason, "reason"), source);
    }

    private Adjustment(String parameter, String unit, double typicalValue, double patientValue,
            Supplier<String> wording, String reason, String source) {
        this.parameter = parameter;
        this.unit = unit;
        this.typicalValue = typicalValue;
        this.patientValue = patientValue;
        this.wording = wording;
        this.reason = reason;
        this.source = source;
    }

    /**
     * An adjustment whose reason is written out when it is first read.
     *
     * @param reason writes the reason; called at most once per read until it has been
     * @return the adjustment
     */
    public static Adjustment worded(String parameter, String unit, double typicalValue, double patientValue,
            Supplier<String> reason, String source) {
        return new Adjustment(parameter, unit, typicalValue, patientValue, Objects.requireNonNull(reason, "reason"),
                null, source);
    }

    /** @return parameter name */
    public String parameter() {
        return parameter;
    }

    /** @return internal unit of the values */
    public String unit() {
        return unit;
    }

    /** @return the model's typical value (70 kg), internal units */
    public double typicalValue() {
        return typicalValue;
    }

    /** @return the value used for this patient, internal units */
    public double patientValue() {
        return patientValue;
    }

    /** @return why, in words */
    public String reason() {
        String r = reason;
        if (r == null) {
            r = wording.get();
            reason = r;
        }
        return r;
    }

    /** @return the citation or "assumption: ..." */
    public String source() {
        return source;
    }

    /** @return patientValue / typicalValue (1 when the typical value is 0) */
    public double factor() {
        return typicalValue == 0 ? 1 : patientValue / typicalValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Adjustment a && a.parameter.equals(parameter) && a.unit.equals(unit)
                && Double.compare(a.typicalValue, typicalValue) == 0 && Double.compare(a.patientValue, patientValue) == 0
                && a.reason().equals(reason()) && a.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameter, unit, typicalValue, patientValue, reason(), source);
    }

    /**
     * @return e.g. "CL 84 → 65.6 L/h (×0.781): weight 55 kg, (WT/70)^0.75 [Kamp 2020]", values to 4 significant
     *         digits
     */
    @Override
    public String toString() {
        return parameter + " " + sig(typicalValue) + " → " + sig(patientValue) + " " + unit + " (×" + sig(factor())
                + "): " + reason() + " [" + source + "]";
    }

    private static String sig(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return org.ketaminepk.base.Checks.fmt(v);
        }
        return org.ketaminepk.base.Checks.fmt(new java.math.BigDecimal(v).round(new java.math.MathContext(4))
                .doubleValue());
    }
}
