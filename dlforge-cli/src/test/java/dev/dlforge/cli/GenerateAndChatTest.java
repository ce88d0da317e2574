package dev.dlforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.dlforge.core.testing.EndToEnd;

/**
 * {@code dlforge generate} and {@code dlforge chat} through the real CLI, against a gpt run of a few
 * iterations made here (characters of Moby-Dick): what they print where, that seeds, stop strings,
 * stdin prompts and the cache switch behave, and that a chat keeps and clears its history.
 */
@EndToEnd
class GenerateAndChatTest {
    private static final String PROMPT = "Call me";

    @TempDir
    static Path tmp;
    private static String run;

    @BeforeAll
    static void trainATinyGpt() {
        Path dir = tmp.resolve("gpt-run");
        Cli train = Cli.run("train", "gpt", "--epochs", "1", "--limit", "20", "--batch-size", "4", "--out", dir.toString());
        assertThat(train.exitCode()).as(train.toString()).isZero();
        run = dir.toString();
    }

    private static Cli generate(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "generate";
        args[1] = run;
        System.arraycopy(options, 0, args, 2, options.length);
        return Cli.run(args);
    }

    private static void assertOk(Cli cli) {
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
    }

    @Test
    void generateStreamsThePromptAndItsContinuationThenStatsOnStderr() {
        Cli cli = generate("--prompt", PROMPT, "--max-tokens", "30", "--seed", "5");
        assertOk(cli);
        assertThat(cli.out()).startsWith(PROMPT).endsWith("\n");
        String continuation = cli.out().substring(PROMPT.length(), cli.out().length() - 1);
        assertThat(continuation.codePointCount(0, continuation.length())).as("one character per token").isEqualTo(30);
        assertThat(cli.err()).contains("[7 prompt tokens, 30 generated in ").contains("tokens/s, finish: length, cache: on, seed 5]");
        assertThat(tokensPerSecond(cli.err())).isPositive();

        Cli again = generate("--prompt", PROMPT, "--max-tokens", "30", "--seed", "5");
        assertThat(again.out()).as("same seed, same text").isEqualTo(cli.out());
        Cli noEcho = generate("--prompt", PROMPT, "--max-tokens", "10", "--seed", "5", "--no-echo");
        assertThat(noEcho.out()).as("a shorter run with the same seed writes the same first tokens")
                .isEqualTo(continuation.substring(0, continuation.offsetByCodePoints(0, 10)) + "\n");
    }

    @Test
    void thePromptIsReadFromStdinWhenLeftOutOrDash() {
        String expected = generate("--prompt", PROMPT, "--max-tokens", "12", "--seed", "9").out();
        for (String[] args : new String[][] {{"generate", run, "--max-tokens", "12", "--seed", "9"},
                {"generate", run, "--prompt", "-", "--max-tokens", "12", "--seed", "9"}}) {
            Cli piped = Cli.withInput(PROMPT, args);
            assertOk(piped);
            assertThat(piped.out()).isEqualTo(expected);
        }
        Cli empty = Cli.withInput("", "generate", run);
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("error: the prompt is empty").contains("hint: ");
    }

    @Test
    void theKvCacheChangesSpeedNotText() {
        Cli cached = generate("--prompt", PROMPT, "--max-tokens", "40", "--greedy");
        Cli uncached = generate("--prompt", PROMPT, "--max-tokens", "40", "--greedy", "--no-cache");
        assertOk(cached);
        assertOk(uncached);
        assertThat(uncached.out()).isEqualTo(cached.out());
        assertThat(cached.err()).contains("cache: on");
        assertThat(uncached.err()).contains("cache: off");
    }

    @Test
    void aStopStringEndsTheContinuationBeforeIt() {
        String free = generate("--prompt", PROMPT, "--max-tokens", "40", "--seed", "3", "--no-echo").out();
        String stop = free.substring(15, 17);
        Cli stopped = generate("--prompt", PROMPT, "--max-tokens", "40", "--seed", "3", "--no-echo", "--stop", stop.replace("\n", "\\n"));
        assertOk(stopped);
        assertThat(stopped.out()).isEqualTo(free.substring(0, free.indexOf(stop)) + "\n");
        assertThat(stopped.err()).contains("finish: stop");
    }

    @Test
    void samplesUseConsecutiveSeeds() {
        Cli two = generate("--prompt", PROMPT, "--max-tokens", "8", "--seed", "20", "--samples", "2");
        assertOk(two);
        assertThat(two.out()).contains("--- sample 1 of 2, seed 20 ---").contains("--- sample 2 of 2, seed 21 ---");
        assertThat(two.err()).contains("seed 20]").contains("seed 21]");
        String second = two.out().substring(two.out().indexOf("seed 21 ---\n") + "seed 21 ---\n".length());
        assertThat(second).isEqualTo(generate("--prompt", PROMPT, "--max-tokens", "8", "--seed", "21").out());
    }

    @Test
    void badSamplingOptionsAreRefusedWithAHint() {
        Cli topP = generate("--prompt", PROMPT, "--top-p", "2");
        assertThat(topP.exitCode()).isEqualTo(1);
        assertThat(topP.err()).contains("error: top-p must be in (0, 1]").contains("hint: ");
        Cli greedy = generate("--prompt", PROMPT, "--greedy", "--temperature", "1");
        assertThat(greedy.exitCode()).isEqualTo(1);
        assertThat(greedy.err()).contains("contradict");
        Cli samples = generate("--prompt", PROMPT, "--samples", "0");
        assertThat(samples.exitCode()).isEqualTo(1);
        assertThat(samples.err()).contains("--samples must be at least 1");
    }

    @Test
    void chatAnswersEachLineKeepsHistoryAndResetsOnRequest() {
        Cli chat = Cli.withInput("hi\n\nok\n/reset\n/nonsense\nsea\n/exit\nnever read\n", "chat", run, "--max-tokens", "5", "--seed", "4");
        assertOk(chat);
        String[] replies = chat.out().split("(?m)^Assistant:", -1);
        assertThat(replies).as(chat.toString()).hasSize(4); // nothing before the first, then three replies
        for (int i = 1; i < replies.length; i++) {
            assertThat(replies[i]).doesNotContain("\nUser:").endsWith("\n");
        }
        assertThat(chat.err()).contains("[history cleared]").contains("unknown command /nonsense");
        assertThat(chat.err().lines().filter(l -> l.contains("generated in")).count()).isEqualTo(3);
        // 64 tokens of context leave 59 for the transcript: the second message is read after the first
        // exchange, the third (after /reset) alone. One token per character.
        String second = "User: hi\nAssistant: " + replies[1].strip() + "\nUser: ok\nAssistant:";
        assertThat(promptTokens(chat.err(), 0)).isEqualTo("User: hi\nAssistant:".length());
        assertThat(promptTokens(chat.err(), 1)).isEqualTo(second.codePointCount(0, second.length()));
        assertThat(promptTokens(chat.err(), 2)).isEqualTo("User: sea\nAssistant:".length());

        Cli eof = Cli.withInput("hi\n", "chat", run, "--max-tokens", "5", "--seed", "4");
        assertOk(eof);
        assertThat(eof.out()).as("the end of input ends the chat; same seed, same first reply").isEqualTo("Assistant:" + replies[1]);
    }

    @Test
    void aRunOfAProjectThatDoesNotGenerateIsRefusedWithTheProjectsThatDo() throws Exception {
        Path spam = tmp.resolve("spam-run");
        // A run folder of spam as training starts it (not linked into the home, where other tests look for spam runs).
        Files.createDirectories(spam);
        String now = Instant.now().toString();
        new RunDir(spam).writeInfo(new RunInfo("spam-run", "spam", "running", now, now, JsonNodeFactory.instance.objectNode(), Map.of(), ""));
        for (String command : new String[] {"generate", "chat"}) {
            Cli cli = Cli.withInput("hi\n", command, spam.toString());
            assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
            assertThat(cli.err()).contains("error: run spam-run belongs to project spam, which does not generate text")
                    .contains("hint: train a run of a project that generates text: ").contains("gpt");
        }
    }

    @Test
    void helpListsTheSamplingOptions() {
        for (String command : new String[] {"generate", "chat"}) {
            Cli help = Cli.run(command, "--help");
            assertOk(help);
            assertThat(help.out()).contains("--max-tokens", "--temperature", "--greedy", "--top-k", "--top-p", "--repetition-penalty",
                    "--stop", "--seed", "--no-cache");
        }
        assertThat(Cli.run("generate", "--help").out()).contains("--prompt", "--samples");
    }

    private static double tokensPerSecond(String err) {
        Matcher m = Pattern.compile("([0-9.]+) tokens/s").matcher(err);
        assertThat(m.find()).as(err).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static int promptTokens(String err, int reply) {
        Matcher m = Pattern.compile("\\[(\\d+) prompt tokens").matcher(err);
        for (int i = 0; i < reply; i++) {
            assertThat(m.find()).as(err).isTrue();
        }
        assertThat(m.find()).as(err).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void ragAskWithGptWritesAGroundedAnswerFromTheLocalRun() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("rag-docs"));
        Files.writeString(docs.resolve("ships.txt"), "The Pequod was a whaling ship commanded by Captain Ahab.\n");
        String name = "gpt-" + tmp.getFileName();
        assertOk(Cli.run("rag", "index", docs.toString(), "--index", name));

        Cli ask = Cli.run("rag", "ask", "Who commanded the Pequod?", "--index", name, "--gpt", run);
        assertOk(ask);
        // A few iterations of training write gibberish; what is checked is the plumbing: sources listed, numbered, cited or not.
        assertThat(ask.out()).contains("Sources:\n[1] " + docs.toAbsolutePath().resolve("ships.txt"));

        Cli unrelated = Cli.run("rag", "ask", "How do I bake sourdough bread at home?", "--index", name, "--gpt", run);
        assertOk(unrelated);
        assertThat(unrelated.out()).startsWith("The documents do not answer this.").contains("Closest passages:");
    }
}
