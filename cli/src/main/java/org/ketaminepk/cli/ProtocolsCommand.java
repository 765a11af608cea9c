package org.ketaminepk.cli;

import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.report.ProtocolsText;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.patient.Patient;
import org.ketaminepk.protocol.Protocol;

import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ketamine-pk protocols [ID|FILE]}: the built-in protocols, or one protocol's sources and dose events. */
@Command(name = "protocols", sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", parameterListHeading = "%nParameters:%n",
        descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "List the built-in protocols, or show one with its doses.",
        description = {
            "Without ID: every built-in protocol with its drug and first source. With ID (or a protocol file): "
                    + "the sources, how faithfully the regimen follows them, notes, and every dose event; with "
                    + "--weight, weight-based doses are resolved to mg and mg/h.",
            "",
            "A teaching and review tool, not a dosing device: protocols describe what studies and labels did; "
                    + "they are not dosing advice."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk protocols",
            "  ketamine-pk protocols crps-schwartzman-2009",
            "  ketamine-pk protocols crps-schwartzman-2009 --weight 90",
            "  ketamine-pk protocols my-course.txt --weight 60"})
public final class ProtocolsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "ID|FILE", completionCandidates = CommonOptions.ProtocolIds.class,
            description = "A built-in protocol id or a protocol file.")
    String id;

    @Option(names = "--weight", paramLabel = "KG", description = "Resolve weight-based doses for this weight, kg.")
    Double weightKg;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (id == null) {
            if (weightKg != null) {
                throw new InvalidInputException("weight", "--weight resolves the doses of one protocol; name it, "
                        + "e.g. 'ketamine-pk protocols crps-schwartzman-2009 --weight 90'");
            }
            ProtocolsText.list(w);
        } else {
            Double kg = weightKg == null ? null : Patient.standardAdult().withWeightKg(weightKg).weightKg();
            Protocol protocol = CommonOptions.protocol(id, "");
            if (kg != null && !protocol.weightBased()) {
                // it changed no dose, yet the listing said the doses were "for" that weight
                throw new InvalidInputException("weight", "--weight resolves doses given per kg, and " + id
                        + " has none (every dose is in mg); leave --weight out");
            }
            ProtocolsText.show(w, protocol, kg);
        }
        w.flush();
        return ExitCode.OK;
    }
}
