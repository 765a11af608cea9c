package org.ketaminepk.cli;

import org.ketaminepk.cli.options.CommonOptions;
import org.ketaminepk.cli.report.EffectText;
import org.ketaminepk.cli.report.ModelsText;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.ketaminepk.model.PublishedModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ketamine-pk models [ID]}: the model library, or one model in full with the provenance of every number. */
@Command(name = "models", sortOptions = false, usageHelpWidth = 100, mixinStandardHelpOptions = true,
        optionListHeading = "%nOptions:%n", parameterListHeading = "%nParameters:%n",
        descriptionHeading = "%n", versionProvider = Main.Version.class,
        header = "List the models, or show one with its sources and parameters.",
        description = {
            "Without ID: every model's id, drug form, analytes and population. With ID: citation and link, "
                    + "population, sampling site, validity range, scaling, assumptions, notes, routes, every "
                    + "parameter with its unit and provenance (published, third-party transcription, derived or "
                    + "assumed) and where it was read, and the effect endpoints the model can drive "
                    + "(simulate --effect) with how their effect site is set on it.",
            "",
            "A teaching and review tool, not a dosing device."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ketamine-pk models",
            "  ketamine-pk models domino-1984"})
public final class ModelsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "ID", completionCandidates = CommonOptions.ModelIds.class,
            description = "A model id.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (id == null) {
            ModelsText.list(w);
        } else {
            PublishedModel m = CommonOptions.knownModel("id", id);
            ModelsText.show(w, m);
            w.println();
            EffectText.modelSection(w, m);
        }
        w.flush();
        return ExitCode.OK;
    }
}
