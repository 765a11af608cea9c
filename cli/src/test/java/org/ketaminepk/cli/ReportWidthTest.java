package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report fits 100 columns, whatever the names in it: tables of long ids, reasons and sources, and headings
 * that repeat a series label the user typed. A terminal of 100 columns then shows each line once.
 */
class ReportWidthTest {
    static Stream<List<String>> reports() {
        return Stream.of(List.of("effects"), List.of("effects", "--model", "kamp-2020"),
                List.of("effects", "olofsen-2022-antinociception"), List.of("validate"),
                List.of("validate", "--model", "kamp-2020"), List.of("models"), List.of("models", "racemic-composite"),
                List.of("protocols"), List.of("protocols", "crps-schwartzman-2009", "--weight", "90"),
                List.of("decrement", "--model", "kamp-2020", "--model", "domino-1984", "--up-to", "2h"),
                List.of("compare", "--protocol", "depression-oral-kheirabadi-2023", "--protocol",
                        "esketamine-84mg-spravato", "--step", "10min", "--population", "20"),
                List.of("compare", "--dose", "bolus 20 mg", "--model", "kamp-2020", "--model", "domino-1984",
                        "--model", "clements-1981", "--patient", "age=30", "--patient", "age=80,weight=60",
                        "--duration", "6h", "--step", "10min"),
                List.of("compare", "--series", "a rather long label for the forty-minute infusion: 0.5 mg/kg over 40 "
                        + "min", "--series", "the same dose given as a bolus, for comparison in class: bolus 0.5 mg/kg",
                        "--step", "10min", "--population", "20", "--duration", "12h"),
                List.of("compare", "--series", "a rather long label for the forty-minute infusion: 0.5 mg/kg over 40 "
                        + "min", "--series", "the same dose given as a bolus, for comparison in class: bolus 0.5 mg/kg",
                        "--step", "10min", "--duration", "12h", "--effect", "antinociception"),
                List.of("simulate", "--model", "simons-2022", "--dose", "50 mg sublingual", "--duration", "12h",
                        "--step", "10min", "--population", "20"),
                List.of("simulate", "--model", "simons-2022", "--dose", "50 mg sublingual", "--duration", "12h",
                        "--step", "10min", "--population", "20", "--iiv", "CLK1=30%,VK1=40%,r(CLK1,VK1)=0.3"),
                List.of("target", "--target", "100 ng/mL for 30 min, then 150 ng/mL for 1 h, then 0", "--model",
                        PopulationCommandTest.VARYING_MODEL, "--population", "20", "--endpoint",
                        "olofsen-2022-antinociception"));
    }

    @ParameterizedTest
    @MethodSource("reports")
    void everyLineFitsOneHundredColumns(List<String> args) {
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        for (String line : (r.out() + r.err()).split("\n")) {
            assertTrue(line.length() <= 100, () -> args + ": " + line.length() + " columns: " + line);
        }
    }
}
