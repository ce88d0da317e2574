package dev.dlforge.data.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * An HTML file, parsed by jsoup: each {@code h1..h6} opens a section that runs to the next heading;
 * scripts, styles, templates and the head are dropped; block elements ({@code p}, {@code li},
 * {@code br}, ...) end a line, so sentences of different paragraphs do not run together. Runs of
 * spaces collapse to one (also inside {@code pre}: indentation is lost). The title is
 * {@code <title>}, else the first {@code h1}, else the file name. ({@link dev.dlforge.data.text.HtmlText}
 * gives the flat text of a page; this keeps its structure.)
 */
final class HtmlReader {
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "head", "svg");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "pre",
            "blockquote", "section", "article", "header", "footer", "nav", "aside", "main", "dd", "dt", "dl", "hr",
            "figure", "figcaption", "form", "address", "details", "summary");
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private HtmlReader() {}

    /** The charset a {@code <meta>} tag in the first kilobyte declares, or null. */
    static String declaredCharset(byte[] bytes) {
        Matcher m = META_CHARSET.matcher(new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }

    static Optional<DocumentText> parse(Path source, String html) {
        Document page = Jsoup.parse(html);
        DocumentTextBuilder doc = new DocumentTextBuilder();
        StringBuilder body = new StringBuilder();
        String[] heading = {null};
        String[] firstH1 = {null};
        Element root = page.body() != null ? page.body() : page;
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    body.append(t.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_ENTIRELY; // comments, doctype
                }
                String tag = e.normalName();
                if (DROPPED.contains(tag)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (HEADINGS.contains(tag)) {
                    doc.appendSection(normalise(body), heading[0], null);
                    body.setLength(0);
                    heading[0] = e.text().strip();
                    if (firstH1[0] == null && tag.equals("h1") && !heading[0].isEmpty()) {
                        firstH1[0] = heading[0];
                    }
                    doc.appendOutside(heading[0]);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (BLOCKS.contains(tag)) {
                    body.append('\n');
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    body.append('\n');
                }
                return FilterResult.CONTINUE;
            }
        });
        doc.appendSection(normalise(body), heading[0], null);
        String title = !page.title().isBlank() ? page.title().strip() : firstH1[0] != null ? firstH1[0] : source.getFileName().toString();
        return doc.build(source, title);
    }

    /** Spaces collapsed, lines stripped, at most one blank line in a row. */
    private static String normalise(CharSequence text) {
        StringBuilder out = new StringBuilder();
        int newlines = 0;
        for (String line : text.toString().replace('\u00A0', ' ').split("\n", -1)) {
            String l = line.replaceAll("[ \\t\\f\\u200B]+", " ").strip();
            if (l.isEmpty()) {
                newlines++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(newlines > 1 ? "\n\n" : "\n");
            }
            out.append(l);
            newlines = 1;
        }
        return out.toString();
    }
}
