package dev.dlforge.llm.gguf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A GGUF file's key-value metadata, in file order, with typed accessors that name the key in their errors.
 *
 * <p>Keys follow gguf.md: {@code general.architecture}, {@code ARCH.context_length}, {@code ARCH.embedding_length},
 * {@code tokenizer.ggml.tokens}, and so on.
 */
public final class GgufMetadata {
    private final Map<String, GgufValue> values;

    public GgufMetadata(Map<String, GgufValue> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, GgufValue> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<GgufValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Optional<String> string(String key) {
        return get(key).map(v -> expect(key, v, String.class));
    }

    /** Any integer type, widened to long. */
    public OptionalLong integer(String key) {
        GgufValue v = values.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(expect(key, v, Number.class).longValue());
    }

    /** FLOAT32 or FLOAT64, widened to double (integers are accepted too: some writers store 10000 as an int). */
    public OptionalDouble real(String key) {
        GgufValue v = values.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(expect(key, v, Number.class).doubleValue());
    }

    public Optional<Boolean> bool(String key) {
        return get(key).map(v -> expect(key, v, Boolean.class));
    }

    public Optional<GgufArray> array(String key) {
        return get(key).map(v -> expect(key, v, GgufArray.class));
    }

    public String requireString(String key) {
        return string(key).orElseThrow(() -> missing(key));
    }

    public long requireInteger(String key) {
        return integer(key).orElseThrow(() -> missing(key));
    }

    public GgufArray requireArray(String key) {
        return array(key).orElseThrow(() -> missing(key));
    }

    private static <T> T expect(String key, GgufValue v, Class<T> type) {
        if (!type.isInstance(v.value())) {
            throw new GgufFormatException("metadata " + key + " is " + v.type() + ", expected " + type.getSimpleName());
        }
        return type.cast(v.value());
    }

    private static GgufFormatException missing(String key) {
        return new GgufFormatException("metadata key " + key + " is missing");
    }

    @Override
    public String toString() {
        return "GgufMetadata" + values.keySet();
    }
}
