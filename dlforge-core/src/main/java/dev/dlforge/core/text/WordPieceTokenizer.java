package dev.dlforge.core.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * BERT's WordPiece tokenizer, read from a Hugging Face {@code tokenizer.json}, giving the same ids
 * as Hugging Face's own tokenizers. Text goes through, in order:
 * <ol>
 *   <li>{@link AddedTokens}: literal {@code [CLS]}, {@code [MASK]}, ... in the text are those tokens;</li>
 *   <li>{@link BertNormalizer}: clean, pad CJK ideographs, strip accents, lowercase (as the file says);</li>
 *   <li>{@link BertPreTokenizer}: split at whitespace and around punctuation;</li>
 *   <li>{@link WordPieceModel}: greedy longest-match-first word pieces, {@code ##} continuations;</li>
 *   <li>the post-processor's template: {@code [CLS] text [SEP]}.</li>
 * </ol>
 * Truncation keeps the first {@code maxLength - 2} word pieces (the two are the template's special
 * tokens). The file's own {@code truncation} and {@code padding} settings are not applied: the
 * caller chooses the length (see {@link #truncationInFile()}). Thread-safe.
 */
public final class WordPieceTokenizer {
    private final AddedTokens addedTokens;
    private final BertNormalizer normalizer;
    private final WordPieceModel model;
    private final String[] tokens;
    private final Set<Integer> specialIds;
    private final int[] prefixIds;
    private final int[] suffixIds;
    private final int padId;
    private final String continuationPrefix;
    private final boolean cleanupDecoded;
    private final OptionalInt truncationInFile;

    private WordPieceTokenizer(JsonNode json, String origin) {
        JsonNode m = json.path("model");
        String type = m.path("type").asText("");
        if (!type.equals("WordPiece")) {
            throw new DlforgeException(origin + " holds a " + (type.isEmpty() ? "tokenizer of unknown kind" : type + " tokenizer")
                    + ", not WordPiece", "WordPieceTokenizer reads BERT-style tokenizer.json files (model.type \"WordPiece\")");
        }
        Map<String, Integer> vocab = new HashMap<>();
        m.path("vocab").properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        if (vocab.isEmpty()) {
            throw new DlforgeException(origin + " has an empty WordPiece vocabulary", "check that the file is a complete tokenizer.json");
        }
        Map<String, Integer> added = new HashMap<>();
        Set<Integer> special = new HashSet<>();
        for (JsonNode t : json.path("added_tokens")) {
            if (t.path("normalized").asBoolean(false) || t.path("single_word").asBoolean(false)
                    || t.path("lstrip").asBoolean(false) || t.path("rstrip").asBoolean(false)) {
                throw unsupported(origin, "added token " + t.path("content").asText() + " with normalized/single_word/lstrip/rstrip set");
            }
            added.put(t.path("content").asText(), t.path("id").asInt());
            vocab.putIfAbsent(t.path("content").asText(), t.path("id").asInt());
            if (t.path("special").asBoolean(false)) {
                special.add(t.path("id").asInt());
            }
        }
        this.tokens = new String[vocab.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        vocab.forEach((token, id) -> tokens[id] = token);
        this.addedTokens = new AddedTokens(added);
        this.specialIds = Set.copyOf(special);
        this.normalizer = normalizer(json.path("normalizer"), origin);
        String pre = json.path("pre_tokenizer").path("type").asText("");
        if (!pre.equals("BertPreTokenizer")) {
            throw unsupported(origin, "pre_tokenizer " + (pre.isEmpty() ? "null" : pre));
        }
        this.continuationPrefix = m.path("continuing_subword_prefix").asText("##");
        this.model = new WordPieceModel(vocab, m.path("unk_token").asText("[UNK]"), continuationPrefix,
                m.path("max_input_chars_per_word").asInt(100));
        int[][] template = template(json.path("post_processor"), vocab, origin);
        this.prefixIds = template[0];
        this.suffixIds = template[1];
        JsonNode decoder = json.path("decoder");
        if (!decoder.isMissingNode() && !decoder.isNull() && !decoder.path("type").asText().equals("WordPiece")) {
            throw unsupported(origin, "decoder " + decoder.path("type").asText());
        }
        this.cleanupDecoded = decoder.path("cleanup").asBoolean(true);
        this.padId = json.path("padding").path("pad_id").asInt(vocab.getOrDefault("[PAD]", 0));
        JsonNode truncation = json.path("truncation").path("max_length");
        this.truncationInFile = truncation.isInt() ? OptionalInt.of(truncation.asInt()) : OptionalInt.empty();
    }

    /** Reads {@code tokenizer.json}; a file of another kind (BPE, Unigram, ...) fails with a clear message. */
    public static WordPieceTokenizer read(Path tokenizerJson) throws IOException {
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            return read(in, tokenizerJson.toString());
        }
    }

    /** Reads a {@code tokenizer.json} stream (e.g. a class-path resource); {@code origin} names it in errors. */
    public static WordPieceTokenizer read(InputStream tokenizerJson, String origin) throws IOException {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(Objects.requireNonNull(tokenizerJson, origin + " not found"));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new DlforgeException(origin + " is not valid JSON: " + e.getOriginalMessage(), "pass a Hugging Face tokenizer.json", e);
        }
        if (json == null || !json.isObject()) {
            throw new DlforgeException(origin + " is not a tokenizer.json object", "pass a Hugging Face tokenizer.json");
        }
        return new WordPieceTokenizer(json, origin);
    }

    /** One text's ids, special tokens included, and whether the maximum length cut word pieces off. */
    public record TokenIds(int[] ids, boolean truncated) {}

    /** Ids with the template's special tokens ({@code [CLS] ... [SEP]}), not truncated. */
    public int[] encode(String text) {
        return encodeTruncated(text, Integer.MAX_VALUE).ids();
    }

    /** Ids with the special tokens, at most {@code maxLength} of them (the word pieces are cut at the end). */
    public int[] encode(String text, int maxLength) {
        return encodeTruncated(text, maxLength).ids();
    }

    /**
     * As {@link #encode(String, int)}, and says whether pieces were cut. Work stops at the limit, so
     * a 10 MB line costs little more than its first {@code maxLength} tokens (plus one normalization pass).
     */
    public TokenIds encodeTruncated(String text, int maxLength) {
        int maxPieces = maxPieces(maxLength);
        List<Integer> pieces = pieceIds(text, maxPieces == Integer.MAX_VALUE ? maxPieces : maxPieces + 1);
        int keep = Math.min(pieces.size(), maxPieces);
        int[] ids = new int[prefixIds.length + keep + suffixIds.length];
        System.arraycopy(prefixIds, 0, ids, 0, prefixIds.length);
        for (int i = 0; i < keep; i++) {
            ids[prefixIds.length + i] = pieces.get(i);
        }
        System.arraycopy(suffixIds, 0, ids, prefixIds.length + keep, suffixIds.length);
        return new TokenIds(ids, pieces.size() > maxPieces);
    }

    /**
     * Encodes texts into one batch padded to its longest member, each cut to {@code maxLength}
     * tokens (special tokens included); {@link TokenBatch#truncated()} counts the ones cut.
     */
    public TokenBatch encodeBatch(List<String> texts, int maxLength) {
        List<TokenIds> rows = new ArrayList<>(texts.size());
        for (String text : texts) {
            rows.add(encodeTruncated(text, maxLength));
        }
        return TokenBatch.padded(rows, padId);
    }

    private int maxPieces(int maxLength) {
        if (maxLength == Integer.MAX_VALUE) {
            return maxLength;
        }
        int specials = prefixIds.length + suffixIds.length;
        if (maxLength <= specials) {
            throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room beside the " + specials + " special tokens");
        }
        return maxLength - specials;
    }

    /** The word pieces of {@code text}, without special tokens: {@code "Unaffable!"} gives {@code una, ##ffa, ##ble, !} (MiniLM). */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (int id : pieceIds(text, Integer.MAX_VALUE)) {
            out.add(tokens[id]);
        }
        return out;
    }

    /** Word piece ids of {@code text}, without special tokens: the first {@code limit} or more, or all. */
    private List<Integer> pieceIds(String text, int limit) {
        List<AddedTokens.Piece> pieces = new ArrayList<>();
        addedTokens.split(text, pieces);
        List<Integer> ids = new ArrayList<>();
        for (AddedTokens.Piece piece : pieces) {
            if (ids.size() >= limit) {
                break;
            }
            if (piece.id() >= 0) {
                ids.add(piece.id());
                continue;
            }
            BertPreTokenizer.split(normalizer == null ? piece.text() : normalizer.normalize(piece.text()), word -> {
                model.tokenize(word, ids);
                return ids.size() < limit;
            });
        }
        return ids;
    }

    /**
     * Text of {@code ids}, special tokens left out: pieces joined by spaces, {@code ##} pieces glued to
     * the one before. When the file's decoder asks for cleanup, each piece with its leading space
     * goes through Hugging Face's replacements ({@code " ."} to {@code "."}, {@code " ,"} to
     * {@code ","}, ...); as there, this is per piece, so {@code "don ' t"} stays apart.
     */
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        for (int id : ids) {
            if (specialIds.contains(id)) {
                continue;
            }
            String token = token(id);
            if (token.startsWith(continuationPrefix)) {
                token = token.substring(continuationPrefix.length());
            } else if (out.length() > 0) {
                token = " " + token;
            }
            out.append(cleanupDecoded ? cleanup(token) : token);
        }
        return out.toString();
    }

    private static String cleanup(String s) {
        return s.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",").replace(" ' ", "'")
                .replace(" n't", "n't").replace(" 'm", "'m").replace(" do not", " don't").replace(" 's", "'s")
                .replace(" 've", "'ve").replace(" 're", "'re");
    }

    /** The token of an id; an id outside the vocabulary fails. */
    public String token(int id) {
        if (id < 0 || id >= tokens.length || tokens[id] == null) {
            throw new IllegalArgumentException("id " + id + " is not in the vocabulary of " + vocabSize());
        }
        return tokens[id];
    }

    /** Ids run from 0 to {@code vocabSize() - 1}. */
    public int vocabSize() {
        return tokens.length;
    }

    /** The id of the padding token (from the file's padding settings, else {@code [PAD]}). */
    public int padId() {
        return padId;
    }

    /**
     * The {@code truncation.max_length} the file was saved with (128 for all-MiniLM-L6-v2, which is
     * what langchain4j's embedding model applies), if any; {@link #encode(String, int)} ignores it.
     */
    public OptionalInt truncationInFile() {
        return truncationInFile;
    }

    private static BertNormalizer normalizer(JsonNode n, String origin) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.path("type").asText().equals("BertNormalizer")) {
            throw unsupported(origin, "normalizer " + n.path("type").asText());
        }
        JsonNode strip = n.path("strip_accents");
        return BertNormalizer.of(n.path("clean_text").asBoolean(true), n.path("handle_chinese_chars").asBoolean(true),
                strip.isBoolean() ? strip.asBoolean() : null, n.path("lowercase").asBoolean(true));
    }

    /** The single-sequence template as {prefix ids, suffix ids}: {@code [CLS] $A [SEP]} gives {{101}, {102}}. */
    private static int[][] template(JsonNode p, Map<String, Integer> vocab, String origin) {
        String type = p.path("type").asText("");
        switch (type) {
            case "" -> {
                return new int[][] {{}, {}};
            }
            case "BertProcessing" -> {
                return new int[][] {{p.path("cls").path(1).asInt()}, {p.path("sep").path(1).asInt()}};
            }
            case "TemplateProcessing" -> {
                List<Integer> prefix = new ArrayList<>();
                List<Integer> suffix = new ArrayList<>();
                boolean sequenceSeen = false;
                for (JsonNode part : p.path("single")) {
                    if (part.findPath("type_id").asInt(0) != 0) {
                        throw unsupported(origin, "single-sequence template with token type ids other than 0");
                    }
                    if (part.has("Sequence")) {
                        if (!part.path("Sequence").path("id").asText().equals("A") || sequenceSeen) {
                            throw unsupported(origin, "single-sequence template " + p.path("single"));
                        }
                        sequenceSeen = true;
                        continue;
                    }
                    String name = part.path("SpecialToken").path("id").asText();
                    JsonNode ids = p.path("special_tokens").path(name).path("ids");
                    List<Integer> target = sequenceSeen ? suffix : prefix;
                    if (ids.isArray() && ids.size() > 0) {
                        ids.forEach(id -> target.add(id.asInt()));
                    } else if (vocab.containsKey(name)) {
                        target.add(vocab.get(name));
                    } else {
                        throw unsupported(origin, "template token " + name + " that is in neither special_tokens nor the vocabulary");
                    }
                }
                if (!sequenceSeen) {
                    throw unsupported(origin, "single-sequence template without $A");
                }
                return new int[][] {prefix.stream().mapToInt(Integer::intValue).toArray(), suffix.stream().mapToInt(Integer::intValue).toArray()};
            }
            default -> throw unsupported(origin, "post_processor " + type);
        }
    }

    private static DlforgeException unsupported(String origin, String what) {
        return new DlforgeException(origin + " uses a " + what + ", which WordPieceTokenizer does not implement",
                "WordPieceTokenizer reads BERT-style files: BertNormalizer, BertPreTokenizer, WordPiece, [CLS] $A [SEP] template");
    }
}
