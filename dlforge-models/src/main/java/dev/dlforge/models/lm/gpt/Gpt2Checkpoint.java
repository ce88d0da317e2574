package dev.dlforge.models.lm.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.model.SafetensorsEntry;
import dev.dlforge.core.model.SafetensorsFile;
import dev.dlforge.core.model.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hugging Face GPT-2 checkpoints in and out: a folder with {@code config.json} and
 * {@code model.safetensors} in {@code GPT2LMHeadModel}'s tensor names
 * ({@code transformer.h.N.attn.c_attn.weight}, ...), so OpenAI's GPT-2 weights load here and
 * dlforge's models load in {@code GPT2LMHeadModel.from_pretrained}.
 *
 * <p>Reading accepts names with or without the {@code transformer.} prefix, any float dtype the
 * safetensors reader converts (F32, F16, BF16, F64), and ignores the causal-mask buffers
 * {@code attn.bias} / {@code attn.masked_bias} older files carry. {@code lm_head.weight}, when present,
 * must equal {@code wte} (GPT-2 ties them; an untied head is refused rather than silently dropped).
 * Conv1D weights (in, out) are transposed into our Linear's (out, in). Writing always uses the
 * {@code transformer.} prefix, Conv1D layout, metadata {@code format=pt}, and leaves out the tied
 * {@code lm_head.weight}, as Hugging Face saves GPT-2.
 */
public final class Gpt2Checkpoint {
    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = Gpt2ConfigJson.FILE;
    private static final String PREFIX = "transformer.";
    private static final String HEAD = "lm_head.weight";

    private Gpt2Checkpoint() {}

    /** The model that {@code hfDir/config.json} describes; see {@link Gpt2ConfigJson} for what is accepted. */
    public static GptConfig readConfig(Path hfDir) {
        return Gpt2ConfigJson.read(hfDir);
    }

    /** The GPT in {@code hfDir} with its weights, its parameters in {@code manager}. */
    public static Gpt load(Path hfDir, NDManager manager) {
        GptConfig config = readConfig(hfDir);
        Path file = weightsFile(hfDir);
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            Map<String, String> names = shortNames(st);
            // the names and shapes are checked before any memory is spent on the model
            Gpt gpt = new Gpt(config);
            List<Gpt2Tensor> layout = Gpt2Tensor.layout(gpt);
            if (!names.containsKey("wte.weight") && names.containsKey(HEAD)) {
                names.put("wte.weight", names.remove(HEAD)); // a head-only file: the tied head is the embedding
            }
            for (Gpt2Tensor t : layout) {
                String stored = names.get(t.name());
                if (stored == null) {
                    throw bad(file, "has no tensor " + PREFIX + t.name(), "is it a complete GPT-2 checkpoint for this config.json?");
                }
                checkShape(st.entry(stored), t.shape(), file);
            }
            Set<String> known = layout.stream().map(Gpt2Tensor::name).collect(Collectors.toSet());
            List<String> extra = new ArrayList<>();
            for (var e : names.entrySet()) {
                if (!known.contains(e.getKey()) && !e.getKey().equals(HEAD) && !isMaskBuffer(e.getKey())) {
                    extra.add(e.getValue());
                }
            }
            if (!extra.isEmpty()) {
                throw bad(file, "holds " + extra.size() + " tensor(s) a GPT-2 of this config.json does not have: "
                        + String.join(", ", extra.subList(0, Math.min(5, extra.size()))), "is n_layer in config.json right?");
            }
            gpt.initialize(manager, DataType.FLOAT32, new Shape(1, config.blockSize()));
            for (Gpt2Tensor t : layout) {
                copyIn(st, names.get(t.name()), t, manager);
            }
            if (names.containsKey(HEAD)) {
                checkTied(st, names.get(HEAD), gpt, manager);
            }
            return gpt;
        }
    }

    /** Writes {@code hfDir/model.safetensors} and {@code hfDir/config.json}. */
    public static void save(Gpt gpt, Path hfDir) {
        try (NDManager m = gpt.wte().getArray().getManager().newSubManager()) {
            Files.createDirectories(hfDir);
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (Gpt2Tensor t : Gpt2Tensor.layout(gpt)) {
                NDArray value;
                if (t.parameter() == null) {
                    value = m.zeros(new Shape(t.shape())); // a bias-free model's bias is exactly zero
                } else {
                    NDArray p = t.parameter().getArray();
                    value = t.conv1d() ? transposed(p, m) : p;
                }
                tensors.put(PREFIX + t.name(), value);
            }
            SafetensorsWriter.write(hfDir.resolve(WEIGHTS), tensors, Map.of("format", "pt"));
            Gpt2ConfigJson.write(gpt.config(), hfDir.resolve(CONFIG));
        } catch (IOException e) {
            throw new DlforgeException("cannot write a GPT-2 checkpoint to " + hfDir + ": " + e.getMessage(),
                    "check that the folder is writable and the disk has room", e);
        }
    }

    private static Path weightsFile(Path hfDir) {
        Path file = hfDir.resolve(WEIGHTS);
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (Files.isRegularFile(hfDir.resolve("model.safetensors.index.json"))) {
            throw new DlforgeException(hfDir + " holds a sharded checkpoint (model.safetensors.index.json)",
                    "dlforge reads a single model.safetensors; GPT-2 sizes up to gpt2-xl are published as one file");
        }
        if (Files.isRegularFile(hfDir.resolve("pytorch_model.bin"))) {
            throw new DlforgeException(hfDir + " holds pytorch_model.bin, not " + WEIGHTS,
                    "dlforge reads safetensors only (pickle files can run code); download model.safetensors instead");
        }
        throw new DlforgeException("no " + WEIGHTS + " in " + hfDir, "a Hugging Face GPT-2 folder holds config.json and model.safetensors");
    }

    /** Short name (without {@code transformer.}) to the name in the file, in file order. */
    private static Map<String, String> shortNames(SafetensorsFile st) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : st.names()) {
            String shortName = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
            String before = names.put(shortName, name);
            if (before != null) {
                throw bad(st.path(), "holds both " + before + " and " + name, "keep one of them");
            }
        }
        return names;
    }

    /** The causal-mask buffers h.N.attn.bias and h.N.attn.masked_bias: constants, not weights. */
    private static boolean isMaskBuffer(String shortName) {
        return shortName.matches("h\\.\\d+\\.attn\\.(masked_)?bias");
    }

    private static void checkShape(SafetensorsEntry e, long[] expected, Path file) {
        if (!Arrays.equals(e.shape(), expected)) {
            throw bad(file, "has " + e.name() + " of shape " + Arrays.toString(e.shape()) + ", config.json implies "
                    + Arrays.toString(expected), "does config.json belong to this model.safetensors?");
        }
    }

    private static void copyIn(SafetensorsFile st, String stored, Gpt2Tensor t, NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            NDArray value = st.loadFloat32(stored, m);                                 // checkpoint layout
            Parameter p = t.parameter();
            if (p == null) {
                // a bias-free model (dlforge_bias false) stores its biases as zeros; anything else would be lost
                if (value.abs().max().getFloat() != 0f) {
                    throw bad(st.path(), "has non-zero " + stored + " but config.json says " + Gpt2ConfigJson.BIAS_KEY + " false",
                            "remove " + Gpt2ConfigJson.BIAS_KEY + " from config.json to load the biases");
                }
                return;
            }
            NDArray target = p.getArray();
            NDArray ours = t.conv1d() ? transposed(value, m) : value;                  // (out, in) for Linear
            ours.copyTo(target);
        }
    }

    private static void checkTied(SafetensorsFile st, String stored, Gpt gpt, NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            NDArray head = st.loadFloat32(stored, m);
            NDArray wte = gpt.wte().getArray();
            if (!head.getShape().equals(wte.getShape()) || !head.contentEquals(wte)) {
                throw bad(st.path(), "has an lm_head.weight that differs from wte.weight",
                        "dlforge's GPT ties the output layer to the embedding, as GPT-2 does; untied heads are not supported");
            }
        }
    }

    /**
     * x^T as a row-major copy in {@code m}: a transposed view's bytes are not in its logical order,
     * and flattening it forces the copy.
     */
    private static NDArray transposed(NDArray x, NDManager m) {
        NDArray view = x.transpose();
        view.attach(m); // the view and everything computed from it now close with m
        Shape shape = view.getShape();
        return view.flatten().reshape(shape);
    }

    private static DlforgeException bad(Path file, String what, String hint) {
        return new DlforgeException("GPT-2 checkpoint " + file + " " + what, hint);
    }
}
