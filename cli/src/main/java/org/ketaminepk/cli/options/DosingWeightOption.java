package org.ketaminepk.cli.options;

import org.ketaminepk.patient.DosingWeight;

import java.util.List;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Regimen;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --dosing-weight total|ideal|lean|adjusted}: the body size mg/kg doses are multiplied by. */
public final class DosingWeightOption {
    /** The names picocli offers for completion. */
    static final class Names extends FixedCandidates {
        Names() {
            super("total", "ideal", "lean", "adjusted");
        }
    }

    /** Reads a descriptor's name, or says which names there are. */
    static final class Converter implements ITypeConverter<DosingWeight> {
        @Override
        public DosingWeight convert(String text) {
            try {
                return DosingWeight.of(text);
            } catch (InvalidInputException e) {
                throw new TypeConversionException("expected total, ideal, lean or adjusted but was '" + text + "'");
            }
        }
    }

    /** The descriptor given, total body weight by default. */
    @Option(names = "--dosing-weight", paramLabel = "total|ideal|lean|adjusted", completionCandidates = Names.class,
            converter = Converter.class,
            description = "Body size that mg/kg doses are multiplied by: total body weight (default), ideal (Devine "
                    + "1974: 50 kg for men, 45.5 kg for women, + 2.3 kg per inch over 5 ft), lean (Janmahasatian "
                    + "2005) or adjusted (IBW + 0.4·(TBW − IBW), Traynor 1995). The models still scale with total "
                    + "body weight.")
    public DosingWeight dosingWeight = DosingWeight.TOTAL;

    /**
     * Refuses a dosing weight other than total body weight when no dose is given per kg: it would change no dose, yet
     * the report would say that mg/kg doses use it.
     *
     * @param regimens every regimen of the run
     * @throws InvalidInputException naming {@code --dosing-weight}
     */
    public void refuseWithoutWeightBasedDoses(List<Regimen> regimens) {
        if (dosingWeight == DosingWeight.TOTAL) {
            return;
        }
        for (Regimen r : regimens) {
            // a dose per kg (capped or not) differs between a very light and a very heavy patient
            if (r.totalMg(1) != r.totalMg(300)) {
                return;
            }
        }
        throw new InvalidInputException("dosing-weight", "--dosing-weight " + dosingWeight.key()
                + " changes only doses given per kg (mg/kg, mg/kg/h, ...), and none is; leave it out or give a dose "
                + "per kg");
    }
}
