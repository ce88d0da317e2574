package dev.dlforge.data.text;

import java.util.List;
import java.util.Set;

/**
 * Joins Brown tokens back into readable text: no space before closing punctuation ({@code , . ; : ! ? ) ]}
 * and closing quotes), none after opening brackets and quotes, and the corpus's LaTeX-style quotes
 * {@code ``} and {@code ''} written as {@code "}. Brown keeps contractions and possessives inside one
 * token ({@code didn't}, {@code Fulton's}), so only punctuation needs care. A classifier that reads
 * user-typed paragraphs should train on text that looks like them, not on space-separated tokens.
 */
public final class BrownDetokenizer {
    private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", ";", ":", "!", "?", ")", "]", "}", "''", "'", "%", "...");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "``", "$");

    private BrownDetokenizer() {}

    /** The sentence's tokens as text, e.g. {@code [``, Yes, ,, '' he, said, .]} -> {@code "Yes," he said.}. */
    public static String join(List<String> tokens) {
        StringBuilder out = new StringBuilder();
        boolean glueNext = true; // no space before the first token
        for (String token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            if (!glueNext && !NO_SPACE_BEFORE.contains(token)) {
                out.append(' ');
            }
            out.append(switch (token) {
                case "``", "''" -> "\"";
                default -> token;
            });
            glueNext = NO_SPACE_AFTER.contains(token);
        }
        return out.toString();
    }
}
