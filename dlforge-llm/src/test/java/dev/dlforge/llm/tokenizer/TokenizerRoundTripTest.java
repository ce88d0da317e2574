package dev.dlforge.llm.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlforge.llm.gguf.GgufFormatException;
import dev.dlforge.llm.gguf.GgufValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TokenizerRoundTripTest {
    private static Tokenizer tokenizer(String kind) {
        return Tokenizers.fromGguf(TestVocabularies.metadata(switch (kind) {
            case "spm" -> TestVocabularies.sentencePiece(null);
            case "spm-no-prefix" -> TestVocabularies.sentencePiece(false);
            default -> TestVocabularies.bpe(kind);
        }));
    }

    /**
     * Random code points from all of Unicode but surrogates: decode(encode(text)) gives the text back, special texts too.
     * Not for SentencePiece with its prefix space after a special token (llama.cpp adds one there, and so do we), nor for
     * a literal ▁ in the text, which SentencePiece reads back as a space.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gpt-2", "llama-bpe", "qwen2", "default", "spm", "spm-no-prefix"})
    void decodeOfEncodeIsTheText(String kind) {
        Tokenizer t = tokenizer(kind);
        Random r = new Random(7);
        List<String> failures = new ArrayList<>();
        boolean spm = kind.startsWith("spm");
        List<String> specials = kind.equals("spm") ? List.of() : TestVocabularies.specials();
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(40);
            for (int k = 0; k < n; k++) {
                int cp = switch (r.nextInt(4)) {
                    case 0 -> 0x20 + r.nextInt(0x5F);
                    case 1 -> r.nextInt(0x800);
                    case 2 -> r.nextInt(0x10000);
                    default -> r.nextInt(0x110000);
                };
                if (cp >= 0xD800 && cp <= 0xDFFF || spm && cp == SentencePieceTokenizer.SPACE) {
                    cp = ' ';
                }
                sb.appendCodePoint(cp);
            }
            String text = i % 5 == 0 ? TestCorpus.random(r, specials) : sb.toString();
            for (boolean special : kind.equals("spm") ? new boolean[] {false} : new boolean[] {false, true}) {
                String back = t.decode(t.encode(text, false, special));
                if (!back.equals(text)) {
                    failures.add(LlamaCppTokenizerOracleTest.quote(text) + " came back as " + LlamaCppTokenizerOracleTest.quote(back));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void specialTokensAreOneTokenOnlyWhenParsedAndUserDefinedOnesAlways() {
        Tokenizer t = tokenizer("llama-bpe");
        int[] parsed = t.encode("<|im_start|>user<tool>", false, true);
        int[] plain = t.encode("<|im_start|>user<tool>", false, false);
        assertThat(new String(t.tokenBytes(parsed[0]), StandardCharsets.UTF_8)).isEqualTo("<|im_start|>");
        assertThat(plain.length).isGreaterThan(parsed.length);
        assertThat(new String(t.tokenBytes(plain[plain.length - 1]), StandardCharsets.UTF_8)).isEqualTo("<tool>");
        assertThat(new String(t.tokenBytes(parsed[parsed.length - 1]), StandardCharsets.UTF_8)).isEqualTo("<tool>");
    }

    @Test
    void bosIsAddedWhereTheFamilyAddsItAndEndOfTurnTokensEndGeneration() {
        Tokenizer llama3 = tokenizer("llama-bpe");
        int bos = llama3.bos();
        assertThat(new String(llama3.tokenBytes(bos), StandardCharsets.UTF_8)).isEqualTo("<|begin_of_text|>");
        assertThat(llama3.encode("hi", true, true)[0]).isEqualTo(bos);
        Tokenizer qwen = tokenizer("qwen2");
        assertThat(qwen.encode("hi", true, true)).isEqualTo(qwen.encode("hi", false, true));
        for (String end : List.of("<|eot_id|>", "<|im_end|>", "<|end_of_text|>")) {
            assertThat(llama3.endsGeneration(llama3.encode(end, false, true)[0])).as(end).isTrue();
        }
        assertThat(llama3.endsGeneration(llama3.encode("<|im_start|>", false, true)[0])).isFalse();
        Tokenizer spm = tokenizer("spm");
        assertThat(spm.encode("hi", true, false)[0]).isEqualTo(1);
        assertThat(spm.eos()).isEqualTo(2);
        assertThat(spm.endsGeneration(2)).isTrue();
    }

    @Test
    void theEndOfTurnIdInTheMetadataEndsGenerationAndTheBosIdIsRead() {
        Map<String, GgufValue> m = new LinkedHashMap<>(TestVocabularies.bpe("qwen2"));
        int imStart = Tokenizers.fromGguf(TestVocabularies.metadata(m)).encode("<|im_start|>", false, true)[0];
        m.put("tokenizer.ggml.eot_token_id", GgufValue.ofUint32(imStart));
        m.put("tokenizer.ggml.bos_token_id", GgufValue.ofUint32(imStart - 1));
        m.put("tokenizer.ggml.add_bos_token", GgufValue.ofBool(true));
        Tokenizer t = Tokenizers.fromGguf(TestVocabularies.metadata(m));
        assertThat(t.endsGeneration(imStart)).isTrue();
        assertThat(t.bos()).isEqualTo(imStart - 1);
        assertThat(t.encode("hi", true, true)[0]).isEqualTo(imStart - 1);
    }

    @Test
    void sentencePieceFallsBackToByteTokensForCharactersItLacks() {
        Tokenizer spm = tokenizer("spm");
        int[] ids = spm.encode("日", false, false); // not in the vocabulary: ▁ then its three UTF-8 bytes
        assertThat(ids).hasSize(4);
        assertThat(spm.tokenBytes(ids[1])).containsExactly((byte) 0xE6);
        assertThat(spm.decode(ids)).isEqualTo("日");
    }

    @Test
    void aLoneSurrogateIsEncodedAsTheReplacementCharacter() {
        Tokenizer t = tokenizer("gpt-2");
        assertThat(t.decode(t.encode("a\uD83D", false, false))).isEqualTo("a\uFFFD");
    }

    @Test
    void unsupportedModelsAndPreTokenizersSayWhatIsKnown() {
        Map<String, GgufValue> m = new LinkedHashMap<>(TestVocabularies.bpe("gpt-2"));
        m.put("tokenizer.ggml.pre", GgufValue.of("klingon"));
        assertThatThrownBy(() -> Tokenizers.fromGguf(TestVocabularies.metadata(m))).isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("klingon").hasMessageContaining("llama-bpe");
        m.put("tokenizer.ggml.model", GgufValue.of("bert"));
        assertThatThrownBy(() -> Tokenizers.fromGguf(TestVocabularies.metadata(m))).hasMessageContaining("\"gpt2\"");
        m.put("tokenizer.ggml.model", GgufValue.of("gpt2"));
        m.remove("tokenizer.ggml.merges");
        m.put("tokenizer.ggml.pre", GgufValue.of("qwen2"));
        assertThatThrownBy(() -> Tokenizers.fromGguf(TestVocabularies.metadata(m))).hasMessageContaining("merges");
    }
}
