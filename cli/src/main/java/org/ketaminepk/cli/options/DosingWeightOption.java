package org.ketaminepk.cli.options;

import org.ketaminepk.patient.DosingWeight;

import org.ketaminepk.base.InvalidInputException;

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
}
