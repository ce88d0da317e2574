package dev.dlforge.llm.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlforge.core.testing.Slow;
import dev.dlforge.llm.tensor.GgmlOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our reader against llama.cpp's on the fuzz test's mutations: a file llama.cpp refuses (its header, types, offsets, or
 * data past the end; its process dying counts as a refusal) must not be one we read without complaint. We may refuse
 * more than it does (invalid UTF-8, bool bytes other than 0/1, overlapping tensors).
 */
@Slow // one llama.cpp process per file: about 0.1 s each on an idle machine, several times that on a busy one
class GgufReaderDifferentialTest {
    private static final int MUTATIONS = 300;

    @TempDir
    Path dir;

    @Test
    void whatLlamaCppRefusesWeRefuseToo() throws Exception {
        assumeTrue(GgmlOracle.available(), "no C compiler or no Linux x86-64 llama.cpp library");
        GgmlOracle llama = GgmlOracle.get().orElseThrow();
        byte[] valid = GgufFuzzTest.validFile(dir, false);
        assertThat(llama.readGguf(dir.resolve("valid.gguf"))).startsWith("ok");
        int headerEnd = GgufFuzzTest.headerLength(valid);
        SplittableRandom random = new SplittableRandom(7);
        int bothRead = 0;
        int bothRefused = 0;
        int onlyWeRefused = 0;
        int theyCrashed = 0;
        List<String> onlyWeRead = new ArrayList<>();
        for (int i = 0; i < MUTATIONS; i++) {
            int kind = random.nextInt(6);
            Path file = dir.resolve("m" + i + ".gguf");
            Files.write(file, GgufFuzzTest.mutate(valid, headerEnd, kind, random));
            String verdict = llama.readGguf(file);
            boolean theyRead = verdict.startsWith("ok");
            theyCrashed += verdict.startsWith("crashed") ? 1 : 0;
            boolean weRead;
            try {
                GgufFuzzTest.readEverything(file);
                weRead = true;
            } catch (GgufFormatException e) {
                weRead = false;
            }
            if (weRead && theyRead) {
                bothRead++;
            } else if (!weRead && !theyRead) {
                bothRefused++;
            } else if (!weRead) {
                onlyWeRefused++;
            } else {
                onlyWeRead.add("mutation " + i + " (kind " + kind + "): llama.cpp says " + llama.readGguf(file));
            }
            Files.delete(file);
        }
        System.out.printf("GGUF differential: %d mutations, both read %d, both refused %d (llama.cpp crashed on %d), "
                + "only we refused %d, only we read %d%n", MUTATIONS, bothRead, bothRefused, theyCrashed, onlyWeRefused, onlyWeRead.size());
        assertThat(onlyWeRead).isEmpty();
    }
}
