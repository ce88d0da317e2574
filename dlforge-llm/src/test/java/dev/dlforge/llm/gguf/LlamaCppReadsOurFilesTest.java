package dev.dlforge.llm.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlforge.llm.tensor.GgmlOracle;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * llama.cpp's own GGUF reader (gguf_init_from_file: header, types, each tensor's offset right after the previous one,
 * aligned) reads what we write, and every tensor's bytes are in the file.
 */
class LlamaCppReadsOurFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void aModelQuantisedByUsIsAValidGgufForLlamaCpp(GgmlType target) throws Exception {
        assumeTrue(GgmlOracle.available(), "no C compiler or no Linux x86-64 llama.cpp library");
        Path in = TinyLlamaFiles.write(dir.resolve("in.gguf"), false);
        Path out = dir.resolve(target + ".gguf");
        GgufQuantiser.quantise(in, out, target, (t, type, done) -> { });
        try (GgufFile g = GgufFile.open(out)) {
            assertThat(GgmlOracle.get().orElseThrow().readGguf(out))
                    .isEqualTo("ok " + g.tensors().size() + " " + g.metadata().asMap().size());
        }
    }
}
