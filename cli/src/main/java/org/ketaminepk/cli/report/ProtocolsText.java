package org.ketaminepk.cli.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.ketaminepk.base.Checks;
import org.ketaminepk.dosing.Dose;
import org.ketaminepk.model.Citation;
import org.ketaminepk.model.DrugForm;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.protocol.Protocols;

/** The text of {@code ketamine-pk protocols}: the list of protocols, and one protocol with its doses. */
public final class ProtocolsText {
    private ProtocolsText() {
    }

    /** Prints every built-in protocol with its citation. */
    public static void list(PrintWriter w) {
        Text.Table t = new Text.Table(false, "id", "drug", "first source");
        for (Protocol p : Protocols.all()) {
            t.row(p.id(), p.drugForm().map(DrugForm::label).orElse("not stated"), p.shortSource());
            for (String line : Text.wrap(p.name(), 76)) {
                t.row("    " + line);
            }
        }
        for (String line : t.render(0)) {
            w.println(line);
        }
        w.println();
        w.println("'ketamine-pk protocols ID' shows the sources and doses; add --weight KG to resolve mg/kg doses.");
        w.println("Protocols describe what studies and labels did; they are not dosing advice.");
    }

    /** Prints a protocol's doses, resolved for {@code weightKg} when given, and its sources. */
    public static void show(PrintWriter w, Protocol p, Double weightKg) {
        w.println(p.id() + " · " + p.name());
        w.println();
        field(w, "Indication", p.indication());
        field(w, "Drug", p.drugForm().map(DrugForm::label).orElse("not stated"));
        field(w, "Basis", p.basis().label());
        field(w, "Source note", p.sourceNote());
        if (p.citations().isEmpty()) {
            field(w, "Sources", "none");
        }
        for (int i = 0; i < p.citations().size(); i++) {
            Citation c = p.citations().get(i);
            field(w, i == 0 ? "Sources" : "", "- " + c.format());
        }
        for (int i = 0; i < p.notes().size(); i++) {
            field(w, i == 0 ? "Notes" : "", "- " + p.notes().get(i));
        }
        p.recommendedModelId().ifPresent(id -> field(w, "Model", id
                + " (recommended; used by simulate unless --model is given)"));
        w.println();
        List<Dose> doses = p.regimen().doses();
        if (weightKg == null) {
            w.println(doses.size() + (doses.size() == 1 ? " dose" : " doses") + ", the last input ending at "
                    + Checks.hours(p.regimen().endH()) + (p.weightBased()
                            ? " (weight-based: add --weight KG to see mg)" : ", "
                                    + Text.sig(p.regimen().totalMg(70), 6) + " mg in all"));
            for (Dose d : doses) {
                w.println("  " + d.describe());
            }
        } else {
            w.println(String.format(Locale.ROOT, "%d %s for %s kg, %s mg of ketamine base in all, the last input "
                    + "ending at %s", doses.size(), doses.size() == 1 ? "dose" : "doses", Checks.fmt(weightKg),
                    Text.sig(p.regimen().totalMg(weightKg), 6), Checks.hours(p.regimen().endH())));
            for (Dose d : doses) {
                w.println("  " + Protocol.describeFor(d, weightKg));
            }
        }
    }

    private static void field(PrintWriter w, String name, String value) {
        Text.hanging(w, String.format(Locale.ROOT, "%-13s", name), " ".repeat(13), value, 86);
    }
}
