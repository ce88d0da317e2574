package dev.dlforge.llm.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import dev.dlforge.llm.gguf.GgufFile;
import dev.dlforge.llm.gguf.GgufValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our ids equal llama.cpp's (de.kherud:llama 4.2.0, llama.cpp b4916) for the same GGUF file: a tiny Llama model whose
 * vocabulary the test learns, for each pre-tokenizer and SentencePiece, over hard cases and random strings. llama.cpp's
 * {@code encode} is {@code tokenize(text, add_special = false, parse_special = true)}; its {@code decode} is the
 * concatenation of the tokens' pieces.
 */
class LlamaCppTokenizerOracleTest {
    private static final int RANDOM_TEXTS = 300;

    @TempDir
    static Path dir;

    @BeforeAll
    static void quietLlamaCpp() {
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-2", "llama-bpe", "qwen2", "default", "spm", "spm-no-prefix"})
    void idsAndPiecesEqualLlamaCpp(String kind) throws Exception {
        Map<String, GgufValue> vocab = switch (kind) {
            case "spm" -> TestVocabularies.sentencePiece(null);
            case "spm-no-prefix" -> TestVocabularies.sentencePiece(false);
            default -> TestVocabularies.bpe(kind);
        };
        Path file = TinyLlamaGguf.write(dir.resolve(kind + ".gguf"), vocab, TestVocabularies.size(vocab));
        Tokenizer ours;
        try (GgufFile gguf = GgufFile.open(file)) {
            ours = Tokenizers.fromGguf(gguf.metadata());
        }
        List<String> texts = new ArrayList<>(TestCorpus.FIXED);
        Random r = new Random(kind.hashCode());
        for (int i = 0; i < RANDOM_TEXTS; i++) {
            texts.add(TestCorpus.random(r, TestVocabularies.specials()));
        }
        List<String> mismatches = new ArrayList<>();
        try (LlamaModel llama = new LlamaModel(new ModelParameters().setModel(file.toString()).setCtxSize(64).setThreads(1))) {
            for (String text : texts) {
                int[] expected = llama.encode(text);
                int[] actual = ours.encode(text, false, true);
                if (!Arrays.equals(expected, actual)) {
                    mismatches.add(quote(text) + "\n   llama.cpp " + Arrays.toString(expected) + "\n   dlforge   " + Arrays.toString(actual));
                    continue;
                }
                byte[] pieces = concat(ours, actual);
                String theirs = llama.decode(expected);
                if (!theirs.equals(new String(pieces, StandardCharsets.UTF_8))) {
                    mismatches.add(quote(text) + " decodes to " + quote(theirs) + " in llama.cpp, "
                            + quote(new String(pieces, StandardCharsets.UTF_8)) + " here");
                }
            }
        }
        assertThat(mismatches).as("texts tokenized differently from llama.cpp (%s of %s)", mismatches.size(), texts.size()).isEmpty();
    }

    private static byte[] concat(Tokenizer t, int[] ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id : ids) {
            out.writeBytes(t.tokenBytes(id));
        }
        return out.toByteArray();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp >= 0x7F && cp < 0xA0 || cp == 0x2028) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }
}
