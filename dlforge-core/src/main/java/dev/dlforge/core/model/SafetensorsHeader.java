package dev.dlforge.core.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dlforge.core.DlforgeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated header of a safetensors file.
 *
 * <p>Layout: 8 bytes little-endian u64 {@code N}; {@code N} bytes of UTF-8 JSON mapping each tensor
 * name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} plus an optional
 * {@code "__metadata__"} string map; then the data region, to which the offsets are relative.
 *
 * <p>The rules are those of the reference implementation (huggingface/safetensors): {@code N} at most
 * 100,000,000; each tensor's byte length equals shape product times dtype width, computed without
 * overflow; sorted by offset, the tensors tile the data region exactly from 0 to its end, so there
 * are no overlaps, no holes and no trailing bytes. Duplicate names are refused too (the reference's
 * JSON map keeps the last one, which then leaves a hole or an overlap anyway).
 */
record SafetensorsHeader(List<SafetensorsEntry> entries, Map<String, String> metadata, long dataStart, long dataLength) {
    /** The reference implementation's cap; it keeps a damaged length from allocating gigabytes. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    static final String METADATA_KEY = "__metadata__";

    private static final String HINT = "the file is damaged or is not a safetensors file; export or download it again";

    private static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    SafetensorsHeader {
        entries = List.copyOf(entries);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    static SafetensorsHeader read(FileChannel channel, Path file) throws IOException {
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw bad(file, "is " + fileSize + " bytes, shorter than the 8-byte header length");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthBytes, 0);
        long n = lengthBytes.getLong(0);
        // a u64 above 2^63 reads as negative here; it is too large either way
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw bad(file, "declares a header of " + Long.toUnsignedString(n) + " bytes, over the limit of " + MAX_HEADER_BYTES);
        }
        if (8 + n > fileSize) {
            throw bad(file, "declares a header of " + n + " bytes, but only " + (fileSize - 8) + " bytes follow the length");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) n);
        readFully(channel, headerBytes, 8);
        String json = decodeUtf8(headerBytes.flip(), file);
        long dataLength = fileSize - 8 - n;
        return parse(json, file, 8 + n, dataLength);
    }

    private static SafetensorsHeader parse(String json, Path file, long dataStart, long dataLength) {
        JsonNode root;
        try (JsonParser parser = STRICT_JSON.createParser(json)) {
            root = STRICT_JSON.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw bad(file, "has text after the end of its JSON header");
            }
        } catch (JacksonException e) {
            throw bad(file, "has a header that is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad(file, "has a header that could not be parsed: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "has a header that is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<SafetensorsEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals(METADATA_KEY)) {
                readMetadata(field.getValue(), file, metadata);
            } else {
                entries.add(readEntry(field.getKey(), field.getValue(), file, dataLength));
            }
        }
        checkTiling(entries, file, dataLength);
        return new SafetensorsHeader(entries, metadata, dataStart, dataLength);
    }

    private static void readMetadata(JsonNode node, Path file, Map<String, String> into) {
        if (node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw bad(file, "has a " + METADATA_KEY + " that is not an object of strings");
        }
        for (Map.Entry<String, JsonNode> kv : node.properties()) {
            if (!kv.getValue().isTextual()) {
                throw bad(file, "has " + METADATA_KEY + " value '" + kv.getKey() + "' that is not a string");
            }
            into.put(kv.getKey(), kv.getValue().textValue());
        }
    }

    private static SafetensorsEntry readEntry(String name, JsonNode node, Path file, long dataLength) {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw bad(file, "describes " + where + " with a JSON " + node.getNodeType().toString().toLowerCase() + ", not an object");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw bad(file, "gives " + where + " no dtype string");
        }
        SafetensorsDtype dtype = SafetensorsDtype.parse(dtypeNode.textValue())
                .orElseThrow(() -> bad(file, "gives " + where + " the unknown dtype '" + dtypeNode.textValue() + "'"));
        long[] shape = naturals(node.get("shape"), -1, file, where + " shape");
        long[] offsets = naturals(node.get("data_offsets"), 2, file, where + " data_offsets");
        long begin = offsets[0];
        long end = offsets[1];
        long bits;
        try {
            long elements = 1;
            for (long d : shape) {
                elements = Math.multiplyExact(elements, d);
            }
            bits = Math.multiplyExact(elements, (long) dtype.bits());
        } catch (ArithmeticException overflow) {
            throw bad(file, "gives " + where + " a shape whose size in bytes overflows 64 bits");
        }
        if (bits % 8 != 0) {
            throw bad(file, "gives " + where + " a shape whose " + dtype + " data is not a whole number of bytes");
        }
        if (end < begin) {
            throw bad(file, "gives " + where + " data_offsets [" + begin + ", " + end + "] that end before they begin");
        }
        if (end - begin != bits / 8) {
            throw bad(file, "gives " + where + " data_offsets spanning " + (end - begin) + " bytes, but its shape and dtype need " + bits / 8);
        }
        if (end > dataLength) {
            throw bad(file, "places " + where + " at bytes [" + begin + ", " + end + ") of a data region only " + dataLength + " bytes long (truncated file?)");
        }
        return new SafetensorsEntry(name, dtype, shape, begin, end);
    }

    /** A JSON array of non-negative integers that fit a long; {@code length} -1 means any length. */
    private static long[] naturals(JsonNode node, int length, Path file, String what) {
        if (node == null || !node.isArray()) {
            throw bad(file, "has no " + what + " array");
        }
        if (length >= 0 && node.size() != length) {
            throw bad(file, "has " + what + " with " + node.size() + " numbers, not " + length);
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw bad(file, "has " + what + " holding " + abbreviate(v.toString()) + ", not a whole number that fits 64 bits");
            }
            values[i] = v.longValue();
            if (values[i] < 0) {
                throw bad(file, "has " + what + " holding the negative number " + values[i]);
            }
        }
        return values;
    }

    /** Sorted by offset, the tensors must cover [0, dataLength) once each. */
    private static void checkTiling(List<SafetensorsEntry> entries, Path file, long dataLength) {
        List<SafetensorsEntry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(SafetensorsEntry::begin).thenComparingLong(SafetensorsEntry::end));
        long covered = 0;
        String previous = null;
        for (SafetensorsEntry e : byOffset) {
            if (e.begin() < covered) {
                throw bad(file, "places tensor '" + e.name() + "' at bytes [" + e.begin() + ", " + e.end()
                        + "), overlapping tensor '" + previous + "' which ends at " + covered);
            }
            if (e.begin() > covered) {
                throw bad(file, "leaves data bytes [" + covered + ", " + e.begin() + ") before tensor '" + e.name() + "' in no tensor");
            }
            covered = e.end();
            previous = e.name();
        }
        if (covered != dataLength) {
            throw bad(file, "has " + (dataLength - covered) + " data bytes after the last tensor that belong to no tensor");
        }
    }

    private static String decodeUtf8(ByteBuffer bytes, Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad(file, "has a header that is not valid UTF-8");
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            int read = channel.read(into, position + into.position());
            if (read < 0) {
                throw new IOException("file ended while reading its header");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    static DlforgeException bad(Path file, String what) {
        return new DlforgeException("safetensors file " + file + " " + what, HINT);
    }
}
