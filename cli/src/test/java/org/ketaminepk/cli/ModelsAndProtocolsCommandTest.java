package org.ketaminepk.cli;

import org.ketaminepk.cli.options.CommonOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.Parameter;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.protocol.Protocols;

/** {@code models} and {@code protocols}: listings and details with every source. */
class ModelsAndProtocolsCommandTest {
    @TempDir
    Path dir;

    @Test
    void modelsListsEveryModelWithDrugFormAndPopulation() {
        Cli.Result r = Cli.run("models");
        assertEquals(0, r.code(), r.err());
        String flat = r.out().replaceAll("\\s+", " ");
        for (PublishedModel m : Models.all()) {
            String row = r.out().lines().filter(l -> l.startsWith(m.id() + " ")).findFirst().orElseThrow();
            assertTrue(row.contains(m.drugForm().label()), row);
            assertTrue(flat.contains(m.population().description().replaceAll("\\s+", " ")), m.id());
        }
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 100), "fits 100 columns:\n" + r.out());
    }

    @Test
    void oneModelInFullWithEveryParameterAndItsSource() {
        Cli.Result r = Cli.run("models", "domino-1984");
        assertEquals(0, r.code(), r.err());
        PublishedModel m = Models.get("domino-1984");
        String out = r.out();
        assertTrue(out.startsWith("domino-1984 · " + m.name()), out);
        assertTrue(out.contains("https://pubmed.ncbi.nlm.nih.gov/6488686/"), out);
        assertTrue(out.contains("\nURL          https://pubmed.ncbi.nlm.nih.gov/6488686/\n"), out);
        for (String field : new String[] {"Citation", "Drug form", "Population", "Sampling", "Validity",
            "Scaling", "Routes", "Assumptions", "Notes"}) {
            assertTrue(out.contains("\n" + field + " "), field);
        }
        assertTrue(out.contains("Sampling     not stated in the sources read"), out);
        for (Parameter p : m.parameters()) {
            String row = out.lines().filter(l -> l.startsWith("  " + p.name() + " ")).findFirst().orElseThrow();
            assertTrue(row.contains(p.unit().symbol()) && row.contains(p.provenance().label()), row);
            assertTrue(out.contains("  " + p.name() + ": "), "source line of " + p.name());
        }
        assertTrue(out.contains("V1: STANPUMP DRUGS.C"), out);
        assertTrue(out.contains("× weight"), "V1 is per kg");
    }

    /** Every endpoint the model's drug form drives is listed with how its effect site is set on this model. */
    @Test
    void oneModelListsTheEndpointsItSupports() {
        Cli.Result racemic = Cli.run("models", "domino-1984");
        assertEquals(0, racemic.code(), racemic.err());
        assertTrue(racemic.out().contains("\nEffect endpoints (simulate --effect ENDPOINT"), racemic.out());
        for (org.ketaminepk.effect.Endpoint e : org.ketaminepk.effect.Endpoints.all()) {
            boolean drives = e.drivenBy(Models.get("domino-1984").drugForm());
            assertEquals(drives, racemic.out().contains("\n  " + e.id() + " "), e.id());
        }
        assertTrue(racemic.out().lines().anyMatch(l -> l.matches("  navarrete-2025-ani +fitted")), racemic.out());
        assertTrue(racemic.out().lines().anyMatch(l -> l.matches("  herd-2008-sedation +transferred by time to "
                + "peak from herd-2007")), racemic.out());
        Cli.Result s = Cli.run("models", "otto-2021");
        assertTrue(s.out().contains("\n  dahan-2011-crps-relief "), s.out());
        assertTrue(!s.out().contains("herd-2008-sedation"), "a racemic-only endpoint is not listed for S-ketamine");
    }

    @Test
    void unknownModelId() {
        Cli.Result r = Cli.run("models", "nope-1999");
        assertEquals(2, r.code());
        assertEquals("error: unknown model 'nope-1999'; the models are "
                + String.join(", ", CommonOptions.ModelIds.list()) + "\n", r.err());
    }

    @Test
    void protocolsListsEveryProtocolWithItsSource() {
        Cli.Result r = Cli.run("protocols");
        assertEquals(0, r.code(), r.err());
        for (Protocol p : Protocols.all()) {
            String row = r.out().lines().filter(l -> l.startsWith(p.id() + " ")).findFirst().orElseThrow();
            assertTrue(row.contains(p.shortSource()), row);
            assertTrue(row.contains(p.drugForm().orElseThrow().label()), row);
        }
        assertTrue(r.out().contains("not dosing advice"));
    }

    @Test
    void oneProtocolResolvedForAWeight() {
        Cli.Result r = Cli.run("protocols", "crps-schwartzman-2009", "--weight", "90");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("10 doses for 90 kg, 1000 mg of ketamine base in all, the last input ending at "
                + "220 h"), r.out());
        assertTrue(r.out().contains("  iv 0.35 mg/kg/h for 4 h, max 25 mg/h at 216 h → 25 mg/h, 100 mg (capped)"),
                r.out());
        assertTrue(r.out().contains("doi:10.1016/j.pain.2009.08.015"), r.out());
        assertTrue(r.out().contains("Basis        as given in the cited trial"), r.out());
    }

    @Test
    void oneProtocolAsWrittenWithoutAWeight() {
        Cli.Result r = Cli.run("protocols", "depression-booster-monthly");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Basis        no primary source found"), r.out());
        assertTrue(r.out().contains("(weight-based: add --weight KG to see mg)"), r.out());
        assertTrue(r.out().contains("  iv 0.5 mg/kg over 40 min at 720 h"), r.out());
        Cli.Result fixed = Cli.run("protocols", "crps-goldberg-2010");
        assertTrue(fixed.out().contains("4 doses, the last input ending at 120 h, 4710 mg in all"), fixed.out());
        assertTrue(r.out().contains("3 doses, the last input ending at 1440 h 40 min"), r.out());
        Cli.Result stepped = Cli.run("protocols", "crps-dahan-2011");
        assertTrue(stepped.out().contains("  iv 0.07143 mg/kg/h for 12 h at 0 h"), stepped.out());
        assertTrue(stepped.out().contains("  iv 0.1429 mg/kg/h for 12 h at 12 h"), stepped.out());
        Cli.Result nasal = Cli.run("protocols", "esketamine-84mg-spravato");
        assertTrue(nasal.out().contains("Model        perez-ruixo-2021 (recommended"), nasal.out());
    }

    @Test
    void protocolFilesCanBeShownToo() throws Exception {
        Path f = dir.resolve("mine.txt");
        Files.writeString(f, "Mine\n0.5 mg/kg over 40 min\n");
        Cli.Result r = Cli.run("protocols", f.toString(), "--weight", "60");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("mine · Mine"), r.out());
        assertTrue(r.out().contains("iv 0.5 mg/kg over 40 min at 0 h → 45 mg/h, 30 mg"), r.out());
        assertTrue(r.out().contains("Sources      none"), r.out());
    }

    @Test
    void protocolErrors() {
        Cli.Result unknown = Cli.run("protocols", "crps");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: 'crps' is neither a built-in protocol"), unknown.err());
        Cli.Result list = Cli.run("protocols", "--weight", "90");
        assertEquals(2, list.code(), list.out());
        assertEquals("", list.out());
        assertEquals("error: --weight resolves the doses of one protocol; name it, e.g. 'ketamine-pk protocols "
                + "crps-schwartzman-2009 --weight 90'\n", list.err());
        Cli.Result weight = Cli.run("protocols", "crps-schwartzman-2009", "--weight", "0");
        assertEquals(2, weight.code());
        assertEquals("error: --weight must be between 0.5 and 350 kg but was 0\n", weight.err());
    }

    /** A weight changes no dose of a protocol given in mg; the listing said its doses were "for 90 kg". */
    @Test
    void aWeightForAProtocolWithoutDosesPerKgIsRefused() throws Exception {
        Cli.Result fixed = Cli.run("protocols", "esketamine-56mg-spravato", "--weight", "90");
        assertEquals(2, fixed.code(), fixed.out());
        assertEquals("", fixed.out());
        assertEquals("error: --weight resolves doses given per kg, and esketamine-56mg-spravato has none (every dose "
                + "is in mg); leave --weight out\n", fixed.err());
        Path f = dir.resolve("fixed.txt");
        Files.writeString(f, "Fixed\nbolus 20 mg\n");
        Cli.Result file = Cli.run("protocols", f.toString(), "--weight", "60");
        assertEquals(2, file.code(), file.out());
        assertTrue(file.err().startsWith("error: --weight resolves doses given per kg, and " + f + " has none"),
                file.err());
        assertEquals(0, Cli.run("protocols", "esketamine-56mg-spravato").code());
    }

    @Test
    void theCompositeModelReadsAsItsSourcesInSimulateAndModels() {
        PublishedModel m = Models.RACEMIC_COMPOSITE;
        Cli.Result r = Cli.run("simulate", "--dose", "bolus 20 mg", "--duration", "2h", "--step", "10min");
        assertEquals(0, r.code(), r.err());
        String header = r.out().substring(0, r.out().indexOf("Patient "));
        assertTrue(header.replaceAll("\\s+", " ").contains("sources: Kamp 2020 (ketamine) · Otto 2021 (norketamine) "
                + "· route studies named per route; details: 'ketamine-pk models racemic-composite'"), header);
        assertFalse(header.contains("route studies named per route (2020)"), "no run-on citation: " + header);

        Cli.Result models = Cli.run("models", m.id());
        String out = models.out();
        assertTrue(out.contains("\nSources      - ketamine: Kamp J, Olofsen E, Henthorn TK, et al. Anesthesiology"),
                out);
        assertTrue(out.contains("\n             - norketamine: Otto ME, Bergmann KR, Jacobs G, van Esdonk MJ. Eur J "
                + "Clin Pharmacol"), out);
        assertTrue(out.contains("\nRoutes       - intravenous: studied by "), out);
        assertTrue(out.lines().allMatch(l -> l.length() <= 100), "fits 100 columns:\n" + out);
    }
}
