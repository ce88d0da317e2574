package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/** CI smoke test of `dlforge rag`: index a folder, ask with a citation, refuse an unrelated question, WordNet eval on a tiny set. */
@EndToEnd
class RagCommandTest {

    @Test
    void indexesAFolderAndAnswersWithACitationOrSaysTheDocumentsDoNotAnswer(@TempDir Path tmp) throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("whales.md"), "# Whales\n\nA sperm whale can hold its breath for ninety minutes.\n");
        Files.writeString(docs.resolve("ships.txt"), "The Pequod was a whaling ship commanded by Captain Ahab.\n");
        Files.write(docs.resolve("empty.txt"), new byte[0]);
        String name = "cli-" + tmp.getFileName();

        Cli index = Cli.run("rag", "index", docs.toString(), "--index", name);
        assertThat(index.exitCode()).as(index.toString()).isZero();
        assertThat(index.out()).contains("indexed 2 file(s), 0 unchanged, 0 removed, 1 skipped (1 empty)");

        Cli again = Cli.run("rag", "index", docs.toString(), "--index", name);
        assertThat(again.out()).as(again.toString()).contains("indexed 0 file(s), 2 unchanged");

        Cli ask = Cli.run("rag", "ask", "How long can a sperm whale hold its breath?", "--index", name);
        assertThat(ask.exitCode()).as(ask.toString()).isZero();
        assertThat(ask.out()).contains("ninety minutes. [1]").contains("[1] " + docs.toAbsolutePath().resolve("whales.md")).contains("\"Whales\"");

        Cli unrelated = Cli.run("rag", "ask", "How do I bake sourdough bread?", "--index", name, "--mode", "bm25");
        assertThat(unrelated.out()).as(unrelated.toString()).contains("The documents do not answer this.");

        Cli badMode = Cli.run("rag", "ask", "x", "--index", name, "--mode", "magic");
        assertThat(badMode.exitCode()).isEqualTo(1);
        assertThat(badMode.err()).contains("unknown retrieval mode 'magic'");

        Cli refused = Cli.run("rag", "ask", "Who commanded the Pequod?", "--index", name, "--llm-url", "http://127.0.0.1:9/v1",
                "--llm-model", "m");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("could not connect");

        Cli missing = Cli.run("rag", "ask", "anything", "--index", "never-built-" + tmp.getFileName());
        assertThat(missing.err()).contains("there is no index").contains("dlforge rag index");
    }

    @Test
    void symbolicLinksAreSkippedWithAHintAndWhatTheyPointToIsIndexedOnlyWithFollowLinks(@TempDir Path tmp) throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("whales.md"), "# Whales\n\nA sperm whale can hold its breath for ninety minutes.\n");
        Path outside = Files.createDirectories(tmp.resolve("outside/keys"));
        Files.writeString(tmp.resolve("outside/passwd"), "root:x:0:0:The vault password is swordfish:/root:/bin/bash\n");
        Files.writeString(outside.resolve("vault.txt"), "The vault password is swordfish.\n");
        Files.createSymbolicLink(docs.resolve("passwd.txt"), tmp.resolve("outside/passwd"));
        Files.createSymbolicLink(docs.resolve("keys"), outside);
        Files.createSymbolicLink(docs.resolve("loop"), docs);
        String name = "links-" + tmp.getFileName();

        Cli index = Cli.run("rag", "index", docs.toString(), "--index", name);
        assertThat(index.exitCode()).as(index.toString()).isZero();
        assertThat(index.out()).contains("indexed 1 file(s), 0 unchanged, 0 removed, 3 skipped (3 symbolic link)")
                .contains("skipped " + docs.resolve("passwd.txt") + ": symbolic link (-> " + tmp.resolve("outside/passwd") + ")")
                .contains("3 symbolic link(s) skipped: they could lead outside the folders named; pass --follow-links to index what they point to");
        Cli ask = Cli.run("rag", "ask", "What is the vault password?", "--index", name, "--mode", "bm25");
        assertThat(ask.out()).as(ask.toString()).doesNotContain("swordfish");

        Cli followed = Cli.run("rag", "index", docs.toString(), "--index", name, "--follow-links");
        assertThat(followed.exitCode()).as(followed.toString()).isZero();
        assertThat(followed.out()).contains("indexed 2 file(s), 1 unchanged, 0 removed, 1 skipped (1 link cycle)")
                .contains("skipped " + docs.resolve("loop") + ": link cycle").doesNotContain("--follow-links");
        Cli answered = Cli.run("rag", "ask", "What is the vault password?", "--index", name, "--mode", "bm25");
        assertThat(answered.out()).as(answered.toString()).contains("swordfish");
    }

    @Test
    void indexesTheMobyDickSampleOneFilePerChapterAndCitesTheChapter(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("moby"));
        Files.writeString(data.resolve("moby-dick.txt"), """
                CHAPTER 1. Loomings.

                Call me Ishmael. Whenever it is a damp, drizzly November in my soul, I account it high time to get to sea.

                CHAPTER 2. The Carpet-Bag.

                I stuffed a shirt or two into my old carpet-bag, tucked it under my arm, and started for Cape Horn.
                """);
        String name = "moby-" + tmp.getFileName();

        Cli index = Cli.run("rag", "index", "--sample", "moby-dick", "--data", data.toString(), "--index", name);
        assertThat(index.exitCode()).as(index.toString()).isZero();
        assertThat(index.out()).contains("indexed 2 file(s)");
        Cli again = Cli.run("rag", "index", "--sample", "moby-dick", "--data", data.toString(), "--index", name);
        assertThat(again.out()).as(again.toString()).contains("indexed 0 file(s), 2 unchanged");

        Cli ask = Cli.run("rag", "ask", "What did the narrator stuff into his carpet-bag?", "--index", name);
        assertThat(ask.out()).as(ask.toString()).contains("a shirt or two").contains("chapter-002.md").contains("CHAPTER 2. The Carpet-Bag.");

        Cli both = Cli.run("rag", "index", tmp.toString(), "--sample", "moby-dick");
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.err()).contains("give files or --sample, not both");
        Cli unknown = Cli.run("rag", "index", "--sample", "hamlet");
        assertThat(unknown.err()).contains("no sample corpus 'hamlet'").contains("moby-dick");
    }

    @Test
    void helpIsThereForEverySubcommand() {
        for (String sub : List.of("index", "ask", "eval")) {
            Cli help = Cli.run("rag", sub, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Usage: dlforge rag " + sub);
        }
        assertThat(Cli.run("rag").out()).contains("index", "ask", "eval");
    }

    @Test
    void evalOnATinyWordNetGivesRecallsForTheThreeModes(@TempDir Path tmp) throws Exception {
        Path wn = Files.createDirectories(tmp.resolve("wordnet"));
        String[] animals = {"whale", "shark", "heron", "otter", "badger", "falcon", "salmon", "beetle", "spider", "rabbit", "turtle", "parrot"};
        String[] places = {"ocean", "river", "marsh", "forest", "meadow", "cliff", "desert", "cave", "reef", "lake", "hill", "field"};
        List<String> nouns = new ArrayList<>();
        for (int i = 0; i < animals.length; i++) {
            nouns.add(String.format("%08d 05 n 01 %s 0 000 | a %s animal that lives near the %s and eats small %s creatures;"
                    + " \"the %s swam along the %s at dawn\"  ",
                    1000 + i, animals[i], i % 2 == 0 ? "large" : "small", places[i], places[(i + 3) % places.length], animals[i], places[i]));
        }
        Files.write(wn.resolve("data.noun"), nouns);
        Files.write(wn.resolve("data.verb"), List.of());
        Files.write(wn.resolve("data.adj"), List.of());
        Files.write(wn.resolve("data.adv"), List.of());
        Cli eval = Cli.run("rag", "eval", "--limit", "6", "--data", wn.toString(), "--seed", "9", "--synonym-rate", "0.5",
                "--out", tmp.resolve("run").toString());
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        assertThat(eval.out()).contains("bm25", "vector", "hybrid", "recall@10")
                .contains("rag on WordNet: 6 documents, 1 questions"); // --limit N: N glosses indexed, max(1, N / 20) questions
        String metrics = Files.readString(tmp.resolve("run/metrics.json"));
        assertThat(metrics).contains("hybrid_recall_at_10", "bm25_mrr", "rrf60_recall_at_10");
        assertThat(tmp.resolve("run/plots/recall.png")).exists();
        assertThat(Files.readString(tmp.resolve("run/report.md"))).contains("| hybrid |", "| rrf60 |", "Where hybrid differs")
                .contains("(seed 9)", "probability 0.50");
        assertThat(Files.readString(tmp.resolve("run/run.json"))).contains("\"synonymRate\" : 0.5");
        Cli resume = Cli.run("train", "--resume", tmp.resolve("run").toString());
        assertThat(resume.exitCode()).isEqualTo(1);
        assertThat(resume.err()).contains("runs of project rag do not resume").contains("start a new run: `dlforge train rag`");

        Cli badRate = Cli.run("rag", "eval", "--limit", "6", "--data", wn.toString(), "--synonym-rate", "1.5");
        assertThat(badRate.exitCode()).isEqualTo(1);
        assertThat(badRate.err()).contains("--synonym-rate must be between 0 and 1, got 1.5");
    }
}
