package dev.dlforge.llm.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON as the chat templates' {@code tojson} filter writes it (Python's {@code json.dumps(x, ensure_ascii=False)}, which
 * Hugging Face's template runtime and llama.cpp's minja copy): {@code ", "} and {@code ": "} between items, keys in their
 * given order, non-ASCII characters as they are; with an indent, one item per line and {@code ","} at line ends.
 */
final class PythonJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private PythonJson() { }

    /** The tree of {@code json}, or null when it is not JSON. */
    static JsonNode parse(String json) {
        try {
            return json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String dumps(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, -1, 0, sb);
        return sb.toString();
    }

    static String dumps(JsonNode node, int indent) {
        StringBuilder sb = new StringBuilder();
        write(node, indent, 0, sb);
        return sb.toString();
    }

    /** A Java string as a JSON string literal, Python's escapes. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        string(s, sb);
        return sb.toString();
    }

    private static void write(JsonNode n, int indent, int depth, StringBuilder sb) {
        if (n.isObject() || n.isArray()) {
            boolean object = n.isObject();
            if (n.isEmpty()) {
                sb.append(object ? "{}" : "[]");
                return;
            }
            sb.append(object ? '{' : '[');
            Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
            Iterator<JsonNode> items = n.elements();
            boolean first = true;
            while (object ? fields.hasNext() : items.hasNext()) {
                sb.append(first ? "" : indent < 0 ? ", " : ",");
                first = false;
                newline(indent, depth + 1, sb);
                JsonNode value;
                if (object) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    string(f.getKey(), sb);
                    sb.append(": ");
                    value = f.getValue();
                } else {
                    value = items.next();
                }
                write(value, indent, depth + 1, sb);
            }
            newline(indent, depth, sb);
            sb.append(object ? '}' : ']');
        } else if (n.isTextual()) {
            string(n.textValue(), sb);
        } else {
            sb.append(n.toString()); // numbers, booleans, null
        }
    }

    private static void newline(int indent, int depth, StringBuilder sb) {
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        sb.append('"');
    }
}
