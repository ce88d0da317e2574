package dev.dlforge.data.docs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A markdown file: each ATX heading ({@code #} to {@code ######} at the start of a line, up to three
 * spaces in) opens a section that runs to the next heading; text before the first heading is a section
 * without heading. Lines inside code fences ({@code ```} or {@code ~~~}) are never headings, so a
 * {@code # comment} in a shell block stays text. The markup itself is kept (offsets point into the
 * file); setext headings (a line underlined with {@code ===}) are read as text.
 */
final class MarkdownReader {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    private MarkdownReader() {}

    static Optional<DocumentText> parse(Path source, String text) {
        DocumentTextBuilder doc = new DocumentTextBuilder(text);
        String heading = null;
        String title = null;
        String fence = null;
        int sectionStart = 0;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            Matcher fenceMatch = FENCE.matcher(line);
            Matcher headingMatch = HEADING.matcher(line);
            if (fenceMatch.find()) {
                String marker = fenceMatch.group(1);
                fence = fence == null ? marker : fence.equals(marker) ? null : fence;
            } else if (fence == null && headingMatch.matches()) {
                doc.range(sectionStart, lineStart, heading, null);
                heading = headingMatch.group(2) == null ? "" : headingMatch.group(2).strip();
                if (title == null && headingMatch.group(1).length() == 1 && !heading.isEmpty()) {
                    title = heading;
                }
                sectionStart = lineEnd;
            }
            lineStart = lineEnd + 1;
        }
        doc.range(sectionStart, text.length(), heading, null);
        return doc.build(source, title != null ? title : source.getFileName().toString());
    }
}
