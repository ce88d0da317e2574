package dev.dlforge.core.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * One token per Unicode code point. Id 0 is the unknown token (any code point not seen when the
 * vocabulary was built, decoded as U+FFFD); ids 1.. are the seen code points in ascending order, so
 * the same text always gives the same vocabulary. Text made of seen code points round-trips exactly.
 */
public final class CharTokenizer implements Tokenizer {
    public static final int UNKNOWN_ID = 0;
    static final int UNKNOWN_CODE_POINT = 0xFFFD;

    private final int[] codePoints;
    private final Map<Integer, Integer> ids = new HashMap<>();

    private CharTokenizer(int[] codePoints) {
        this.codePoints = codePoints;
        for (int i = 1; i < codePoints.length; i++) {
            ids.put(codePoints[i], i);
        }
    }

    /** The code points of {@code texts}, sorted. */
    public static CharTokenizer build(Iterable<String> texts) {
        TreeSet<Integer> seen = new TreeSet<>();
        for (String t : texts) {
            t.codePoints().forEach(seen::add);
        }
        int[] cps = new int[seen.size() + 1];
        cps[UNKNOWN_ID] = UNKNOWN_CODE_POINT;
        int i = 1;
        for (int cp : seen) {
            cps[i++] = cp;
        }
        return new CharTokenizer(cps);
    }

    @Override
    public int[] encode(String text) {
        return text.codePoints().map(cp -> ids.getOrDefault(cp, UNKNOWN_ID)).toArray();
    }

    @Override
    public String decode(int[] tokenIds) {
        StringBuilder out = new StringBuilder(tokenIds.length);
        for (int id : tokenIds) {
            out.appendCodePoint(id > 0 && id < codePoints.length ? codePoints[id] : UNKNOWN_CODE_POINT);
        }
        return out.toString();
    }

    @Override
    public int vocabSize() {
        return codePoints.length;
    }

    @Override
    public String token(int id) {
        return id == UNKNOWN_ID ? "<unk>" : new String(Character.toChars(codePoints[id]));
    }

    /**
     * Saved as {@code {"type": "char", "code_points": [...]}}: numbers rather than strings, so
     * control characters and lone surrogates survive any JSON reader.
     */
    public void save(Path file) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("type", "char");
        var array = root.putArray("code_points");
        for (int i = 1; i < codePoints.length; i++) {
            array.add(codePoints[i]);
        }
        Json.writeFile(file, root);
    }

    public static CharTokenizer load(Path file) throws IOException {
        JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file));
        if (!"char".equals(root.path("type").asText()) || !root.path("code_points").isArray()) {
            throw new IOException(file + " is not a dlforge character tokenizer (no \"type\": \"char\" with \"code_points\")");
        }
        int[] cps = new int[root.path("code_points").size() + 1];
        cps[UNKNOWN_ID] = UNKNOWN_CODE_POINT;
        int i = 1;
        for (JsonNode cp : root.path("code_points")) {
            cps[i++] = cp.asInt();
        }
        return new CharTokenizer(cps);
    }
}
