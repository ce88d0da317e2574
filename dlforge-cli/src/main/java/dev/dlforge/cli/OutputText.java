package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.AtomicFiles;
import dev.dlforge.projects.serving.output.Boxes;
import dev.dlforge.projects.serving.output.CitedAnswer;
import dev.dlforge.projects.serving.output.Classes;
import dev.dlforge.projects.serving.output.GeneratedText;
import dev.dlforge.projects.serving.output.Output;
import dev.dlforge.projects.serving.output.Picture;
import dev.dlforge.projects.serving.output.Tags;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How {@code dlforge predict} prints each {@link Output} shape, once for every project that answers
 * it. Each answer starts with the input's name and a colon; classes and tags fit on that line, the
 * others continue on indented lines. A picture is written to a file and its path printed.
 */
final class OutputText {
    private OutputText() {}

    /**
     * The text for one answer.
     *
     * @param shown the input's name, e.g. a path or a quoted text
     * @param pictureFile where a {@link Picture} answer is written (its folder is created)
     */
    static String render(String shown, Output output, Path pictureFile) {
        StringBuilder out = new StringBuilder(shown).append(':');
        if (output instanceof Classes c) {
            c.top().forEach(s -> out.append(String.format(Locale.ROOT, "  %s %.3f", s.label(), s.probability())));
            if (c.rule() != null) { // a threshold, not the most probable class, decides (spam)
                out.append("  => ").append(c.label()).append("; rule: ").append(c.rule());
            }
        } else if (output instanceof Tags t) {
            t.tokens().forEach(k -> out.append(String.format(Locale.ROOT, "  %s/%s %.3f", k.token(), k.tag(), k.probability())));
        } else if (output instanceof GeneratedText g) {
            out.append('\n').append(g.text()).append(g.text().endsWith("\n") ? "" : "\n");
            out.append(String.format(Locale.ROOT, "  (%d prompt tokens, %d written, finish: %s, %.1f tokens/s)",
                    g.promptTokens(), g.generatedTokens(), g.finishReason(), g.tokensPerSecond()));
        } else if (output instanceof CitedAnswer a) {
            answer(out, a);
        } else if (output instanceof Boxes b) {
            out.append(String.format(Locale.ROOT, "  %d %s in %dx%d", b.boxes().size(), b.boxes().size() == 1 ? "box" : "boxes", b.width(), b.height()));
            b.boxes().forEach(x -> out.append(String.format(Locale.ROOT, "%n  %s %.3f at x=%.0f y=%.0f, %.0fx%.0f",
                    x.label(), x.score(), x.x(), x.y(), x.width(), x.height())));
        } else if (output instanceof Picture p) {
            out.append(String.format(Locale.ROOT, "  %dx%d %s written to %s", p.width(), p.height(), p.mediaType(), write(p, pictureFile)));
        } else {
            throw new IllegalStateException("no text rendering for " + output.getClass()); // unreachable: Output is sealed
        }
        return out.toString();
    }

    /** The answer, then its sources ({@code [n] citation (similarity s)}), or the closest passages when not answered. */
    private static void answer(StringBuilder out, CitedAnswer a) {
        out.append("  ").append(a.answer());
        if (a.answered()) {
            for (int i = 0; i < a.sentences().size(); i++) {
                CitedAnswer.Sentence s = a.sentences().get(i);
                out.append(String.format(Locale.ROOT, "%n  [%d] %s (similarity %.2f)", i + 1, s.citation(), s.score()));
            }
        } else if (!a.passages().isEmpty()) {
            out.append("\n  closest passages:");
            for (int i = 0; i < a.passages().size(); i++) {
                CitedAnswer.Passage p = a.passages().get(i);
                String flat = p.text().replaceAll("\\s+", " ").strip();
                out.append(String.format(Locale.ROOT, "%n  [%d] %s (score %.2f)%n      %s", i + 1, p.citation(), p.score(),
                        flat.length() <= 120 ? flat : flat.substring(0, 117) + "..."));
            }
        }
    }

    private static Path write(Picture p, Path file) {
        try {
            AtomicFiles.write(file, out -> out.write(p.image())); // creates the folder
            return file;
        } catch (IOException e) {
            throw new DlforgeException("cannot write the predicted picture to " + file + ": " + e.getMessage(), "pass --out DIR with a writable folder");
        }
    }
}
