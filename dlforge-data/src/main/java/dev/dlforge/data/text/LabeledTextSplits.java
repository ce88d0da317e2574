package dev.dlforge.data.text;

import dev.dlforge.core.DlforgeException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A labelled text dataset's splits by name, in their natural order ({@code train}, {@code dev},
 * {@code test}).
 *
 * @param id the dataset id
 * @param splits split name to its texts
 * @param note how the splits were made, for reports
 */
public record LabeledTextSplits(String id, Map<String, LabeledTexts> splits, String note) {

    public LabeledTextSplits {
        splits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(splits));
    }

    public LabeledTexts split(String name) {
        LabeledTexts texts = splits.get(name);
        if (texts == null) {
            throw new DlforgeException("dataset " + id + " has no '" + name + "' split", "its splits: " + String.join(", ", splits.keySet()));
        }
        return texts;
    }

    /** Warnings of all splits, one line per split that had any. */
    public String warningSummary() {
        StringBuilder s = new StringBuilder();
        splits.forEach((name, texts) -> {
            if (texts.warnings().total() > 0) {
                s.append(s.isEmpty() ? "" : "\n").append(name).append(": ").append(texts.warnings().summary().replace("\n", "; "));
            }
        });
        return s.toString();
    }
}
