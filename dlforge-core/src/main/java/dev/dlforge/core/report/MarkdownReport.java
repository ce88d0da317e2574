package dev.dlforge.core.report;

import dev.dlforge.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A run report in Markdown: headings, text, tables and images relative to the report. */
public final class MarkdownReport {
    private final StringBuilder text = new StringBuilder();

    public MarkdownReport(String title) {
        text.append("# ").append(title).append("\n\n");
    }

    public MarkdownReport section(String heading) {
        text.append("## ").append(heading).append("\n\n");
        return this;
    }

    public MarkdownReport paragraph(String body) {
        text.append(body).append("\n\n");
        return this;
    }

    public MarkdownReport table(List<String> header, List<List<String>> rows) {
        text.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> text.append("---|"));
        text.append('\n');
        for (List<String> row : rows) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        text.append('\n');
        return this;
    }

    public MarkdownReport image(String alt, String relativePath) {
        text.append("![").append(alt).append("](").append(relativePath).append(")\n\n");
        return this;
    }

    public String text() {
        return text.toString();
    }

    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, text.toString());
    }
}
