package dev.dlforge.core.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face {@code tokenizer.json} for byte-level BPE: a {@code BPE} model (vocab + merges), the
 * {@code ByteLevel} pre-tokenizer (no prefix space, GPT-2 regex) and decoder, and special tokens
 * under {@code added_tokens}. Merges are written as {@code "a b"} strings, which every version of
 * the library reads; both that and the newer {@code ["a", "b"]} form are read.
 */
final class BpeTokenizerJson {
    private BpeTokenizerJson() {}

    static void write(ByteLevelBpe bpe, Path file) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        bpe.specialTokens().entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            ObjectNode t = added.addObject();
            t.put("id", e.getValue());
            t.put("content", e.getKey());
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
        });
        root.putNull("normalizer");
        byteLevel(root.putObject("pre_tokenizer"));
        root.putNull("post_processor");
        byteLevel(root.putObject("decoder"));
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        ObjectNode vocab = model.putObject("vocab");
        bpe.vocabInIdOrder().forEach(vocab::put);
        ArrayNode merges = model.putArray("merges");
        for (String[] m : bpe.merges()) {
            merges.add(m[0] + " " + m[1]);
        }
        Json.writeFile(file, root);
    }

    private static void byteLevel(ObjectNode node) {
        node.put("type", "ByteLevel");
        node.put("add_prefix_space", false);
        node.put("trim_offsets", true);
        node.put("use_regex", true);
    }

    static ByteLevelBpe read(Path file) throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file));
        JsonNode model = root.path("model");
        if (!"BPE".equals(model.path("type").asText("BPE")) || !model.has("vocab") || !model.has("merges")) {
            throw notByteLevel(file, "its model is " + model.path("type").asText("missing") + ", not BPE");
        }
        checkByteLevel(file, root.path("pre_tokenizer"));
        if (!root.path("normalizer").isNull() && !root.path("normalizer").isMissingNode()) {
            throw notByteLevel(file, "it has a normalizer (" + root.path("normalizer").path("type").asText() + ")");
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        List<String[]> merges = new ArrayList<>();
        for (JsonNode m : model.path("merges")) {
            merges.add(m.isArray() ? new String[] {m.get(0).asText(), m.get(1).asText()} : splitMerge(m.asText(), file));
        }
        Map<String, Integer> specials = new LinkedHashMap<>();
        for (JsonNode t : root.path("added_tokens")) {
            specials.put(t.path("content").asText(), t.path("id").asInt());
        }
        return new ByteLevelBpe(vocab, merges, specials);
    }

    /** The pre-tokenizer must be ByteLevel (alone or inside a Sequence) without a prefix space. */
    private static void checkByteLevel(Path file, JsonNode pre) {
        JsonNode byteLevel = pre;
        if ("Sequence".equals(pre.path("type").asText())) {
            for (JsonNode p : pre.path("pretokenizers")) {
                if ("ByteLevel".equals(p.path("type").asText())) {
                    byteLevel = p;
                }
            }
            if (pre.path("pretokenizers").size() != 1) {
                throw notByteLevel(file, "its pre-tokenizer is a sequence of several steps");
            }
        }
        if (!"ByteLevel".equals(byteLevel.path("type").asText())) {
            throw notByteLevel(file, "its pre-tokenizer is " + pre.path("type").asText("missing") + ", not ByteLevel");
        }
        if (byteLevel.path("add_prefix_space").asBoolean(false) || !byteLevel.path("use_regex").asBoolean(true)) {
            throw notByteLevel(file, "its ByteLevel pre-tokenizer adds a prefix space or skips the GPT-2 regex");
        }
    }

    private static String[] splitMerge(String merge, Path file) {
        int space = merge.indexOf(' ');
        if (space <= 0 || space == merge.length() - 1 || merge.indexOf(' ', space + 1) >= 0) {
            throw new DlforgeException(file + ": merge \"" + merge + "\" is not two tokens separated by one space",
                    "check the file is a BPE tokenizer.json or merges.txt");
        }
        return new String[] {merge.substring(0, space), merge.substring(space + 1)};
    }

    private static DlforgeException notByteLevel(Path file, String why) {
        return new DlforgeException(file + " is not a byte-level BPE tokenizer this reader supports: " + why,
                "use a GPT-2 style tokenizer.json (BPE model, ByteLevel pre-tokenizer without prefix space)");
    }

    static ByteLevelBpe readGpt2(Path vocabJson, Path mergesTxt) throws IOException {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = Json.MAPPER.readTree(Files.readAllBytes(vocabJson)).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        List<String[]> merges = new ArrayList<>();
        for (String line : Files.readAllLines(mergesTxt, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#version")) {
                merges.add(splitMerge(line.strip(), mergesTxt));
            }
        }
        Map<String, Integer> specials = new LinkedHashMap<>();
        if (vocab.containsKey("<|endoftext|>")) {
            specials.put("<|endoftext|>", vocab.get("<|endoftext|>"));
        }
        return new ByteLevelBpe(vocab, merges, specials);
    }
}
