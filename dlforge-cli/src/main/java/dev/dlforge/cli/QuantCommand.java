package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.progress.Progress;
import dev.dlforge.llm.gguf.GgmlType;
import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.gguf.GgufFormatException;
import dev.dlforge.llm.gguf.GgufQuantiser;
import dev.dlforge.llm.gguf.QuantRules;
import dev.dlforge.llm.gguf.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "quant", mixinStandardHelpOptions = true,
        description = {"Re-quantise a GGUF model the way llama.cpp's llama-quantize does by default, bit-exact to ggml's reference "
                + "quantisers (a quantised input is dequantised first).",
            "Every 2-D weight gets --type; norms and 1-D tensors keep their type (F32). output.weight (token_embd.weight when the "
                + "embeddings are tied) becomes Q6_K (Q8_0 for --type Q8_0). Q4_K follows llama.cpp's Q4_K_S: the first 4 attn_v "
                + "and the first eighth of the ffn_down tensors become Q5_K.",
            "Metadata is copied, with general.file_type and general.quantization_version set."})
public final class QuantCommand implements Runnable, DlforgeSubcommand {
    @ParentCommand
    Dlforge root;

    @Parameters(index = "0", paramLabel = "IN.gguf", description = "the model to quantise (GGUF v3; F32, F16, BF16 or any type dlforge reads)")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.gguf", description = "the file to write (replaced atomically if it exists)")
    Path output;

    @Option(names = "--type", defaultValue = "Q4_0", paramLabel = "TYPE",
            description = "target type: F32, F16, BF16, Q8_0, Q6_K, Q5_K, Q4_K, Q4_1 or Q4_0 (case does not matter)")
    String type;

    @Override
    public int helpOrder() {
        return 500;
    }

    @Override
    public void run() {
        GgmlType target = target(type);
        if (!Files.isRegularFile(input)) {
            throw new DlforgeException("no model file " + input, "give the path of a .gguf file (`dlforge quant IN.gguf OUT.gguf`)");
        }
        try {
            if (Files.exists(output) && Files.isSameFile(input, output)) {
                throw new DlforgeException("the output " + output + " is the input", "write the quantised model to another file");
            }
            long total = dataBytes(input);
            Map<GgmlType, Integer> written = new TreeMap<>();
            GgufQuantiser.Summary s;
            try (ProgressBar bar = Progress.bar("quant " + target, Math.max(1, total >> 20), 0, "MB", 1)) {
                s = GgufQuantiser.quantise(input, output, target, (TensorInfo t, GgmlType to, long done) -> {
                    written.merge(to, 1, Integer::sum);
                    bar.stepTo(done >> 20);
                });
                bar.stepTo(bar.getMax());
            }
            String types = written.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
            root.out().printf(Locale.ROOT, "quantised %d of %d tensors to %s (general.file_type %d): %.1f MB -> %.1f MB (%s), wrote %s%n",
                    s.requantised(), s.tensors(), target, QuantRules.fileType(target), s.inputBytes() / 1e6,
                    s.outputBytes() / 1e6, types, output);
        } catch (GgufFormatException e) {
            throw new DlforgeException("cannot quantise " + input + ": " + e.getMessage(),
                    "is it a complete GGUF v3 model? convert other formats with llama.cpp's convert_hf_to_gguf.py, or re-download it");
        } catch (NoSuchFileException e) {
            throw new DlforgeException("cannot write " + output + ": no such folder " + e.getFile(), "create the folder first");
        } catch (IOException e) {
            throw new DlforgeException("cannot quantise " + input + " to " + output + ": " + e, "check that the files are readable and the disk has room");
        }
    }

    static GgmlType target(String name) {
        try {
            return GgmlType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DlforgeException("unknown type '" + name + "'", "use one of " + Arrays.toString(GgmlType.values()));
        }
    }

    private static long dataBytes(Path file) throws IOException {
        try (GgufFile g = GgufFile.open(file)) {
            return g.tensors().stream().mapToLong(TensorInfo::byteSize).sum();
        }
    }
}
