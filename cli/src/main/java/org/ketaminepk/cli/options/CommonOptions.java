package org.ketaminepk.cli.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.DoseParser;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.library.Models;
import org.ketaminepk.model.PublishedModel;
import org.ketaminepk.protocol.Protocol;
import org.ketaminepk.protocol.ProtocolText;
import org.ketaminepk.protocol.Protocols;

import picocli.CommandLine.Option;

/**
 * Options shared by {@code simulate} and {@code compare}: the model and the doses (the patient is a separate
 * option group, {@link PatientOptions}, declared by each command: picocli lists a group twice when it sits in a
 * mixin). Values are kept as typed and validated by the library when used, so that every error names the option and
 * the valid range.
 */
public final class CommonOptions {
    /** The model used when neither {@code --model} nor the protocol names one. */
    public static final String DEFAULT_MODEL_ID = "racemic-composite";

    /** Largest protocol file read, bytes (protocol files are a few lines long). */
    static final long MAX_PROTOCOL_FILE_BYTES = 1_000_000;

    @Option(names = "--dose", paramLabel = "SPEC",
            description = "A dose, e.g. \"bolus 20 mg at 2 h\", \"0.5 mg/kg over 40 min\", \"1.2 mg/kg/h for 72 h\", "
                    + "\"oral 50 mg every 8 h x6\". Repeat for more doses. Given with --protocol, the doses are "
                    + "added to the protocol's (simulate) or form series of their own (compare: one per --dose).")
    public List<String> doses = new ArrayList<>();

    @Option(names = "--protocol", paramLabel = "ID|FILE", completionCandidates = ProtocolIds.class,
            description = "A built-in protocol (see 'ketamine-pk protocols') or a protocol file: a name line, then "
                    + "one dose per line, # for comments.")
    public List<String> protocols = new ArrayList<>();

    /** The first {@code --model}, or null when none is given. */
    public String modelId;

    /** Every {@code --model} in the order given ({@code compare} takes several, the other commands one). */
    public final List<String> modelIds = new ArrayList<>();

    /**
     * Receives {@code --model}; repeatable so that {@code compare} can set models side by side.
     *
     * @param ids the ids given so far, picocli's accumulated list
     */
    @Option(names = "--model", paramLabel = "ID", completionCandidates = ModelIds.class,
            description = "Model id (see 'ketamine-pk models'). Default: the protocol's recommended model if it "
                    + "names one, else " + DEFAULT_MODEL_ID + ".")
    void setModelIds(List<String> ids) {
        modelIds.clear();
        if (ids != null) {
            modelIds.addAll(ids);
        }
        modelId = modelIds.isEmpty() ? null : modelIds.get(0);
    }

    /** @return all {@code --dose} specifications as one regimen, or null when there are none */
    public Regimen doseRegimen() {
        Regimen r = null;
        for (String spec : doses) {
            Regimen one = DoseParser.parse(spec);
            r = r == null ? one : r.and(one);
        }
        return r;
    }

    /** @return the model: {@code --model}, else the protocol's recommended model, else the default */
    public PublishedModel model(Protocol protocol) {
        if (modelIds.size() > 1) {
            throw new InvalidInputException("model", "--model was given " + modelIds.size() + " times ("
                    + String.join(", ", modelIds) + ") but this command uses one model; use 'ketamine-pk compare' "
                    + "to set models side by side");
        }
        return model(modelId, protocol);
    }

    /**
     * @param id a model id, or null for the protocol's recommended model, else the default
     * @param protocol the protocol, or null
     * @return the model
     */
    public static PublishedModel model(String id, Protocol protocol) {
        if (id != null) {
            return Models.get(id);
        }
        String recommended = protocol == null ? null : protocol.recommendedModelId().orElse(null);
        return Models.get(recommended != null ? recommended : DEFAULT_MODEL_ID);
    }

    /**
     * @param field the field an unknown id is reported on
     * @param id a model id, as typed (exact)
     * @return the model
     * @throws InvalidInputException naming the id and every model id when there is no such model
     */
    public static PublishedModel knownModel(String field, String id) {
        if (!ModelIds.list().contains(id)) {
            throw new InvalidInputException(field, "unknown model '" + id + "'; the models are "
                    + String.join(", ", ModelIds.list()));
        }
        return Models.get(id);
    }

    /**
     * Resolves a {@code --protocol} argument: a built-in id, else a readable file.
     *
     * @param arg the argument
     * @param prefix what messages start with ("--protocol " for the option, "" for a positional argument)
     * @throws InvalidInputException naming the built-in ids when it is neither
     */
    public static Protocol protocol(String arg, String prefix) {
        if (Protocols.exists(arg)) {
            return Protocols.get(arg);
        }
        Path file;
        try {
            file = Path.of(arg);
        } catch (InvalidPathException e) {
            throw unknownProtocol(arg, prefix);
        }
        if (!Files.isRegularFile(file)) {
            throw unknownProtocol(arg, prefix);
        }
        try {
            if (Files.size(file) > MAX_PROTOCOL_FILE_BYTES) {
                throw new InvalidInputException("protocol", prefix + arg + ": the file is larger than "
                        + MAX_PROTOCOL_FILE_BYTES + " bytes; a protocol file holds a name and one dose per line");
            }
            String name = file.getFileName().toString();
            String text = ProtocolText.utf8(Files.readAllBytes(file), name);
            // editors on Windows start UTF-8 files with a byte-order mark; it is not part of the name line
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return ProtocolText.parse(text, name);
        } catch (IOException e) {
            throw new InvalidInputException("protocol", prefix + arg + ": cannot read the file: " + e);
        }
    }

    private static InvalidInputException unknownProtocol(String arg, String prefix) {
        return new InvalidInputException("protocol", prefix + "'" + arg + "' is neither a built-in protocol ("
                + String.join(", ", Protocols.ids()) + ") nor a readable file");
    }

    /** Model ids for shell completion. */
    public static final class ModelIds implements Iterable<String> {
        public static List<String> list() {
            List<String> ids = new ArrayList<>();
            for (PublishedModel m : Models.all()) {
                ids.add(m.id());
            }
            return ids;
        }

        @Override
        public Iterator<String> iterator() {
            return list().iterator();
        }
    }

    /** Protocol ids for shell completion. */
    public static final class ProtocolIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Protocols.ids().iterator();
        }
    }
}
