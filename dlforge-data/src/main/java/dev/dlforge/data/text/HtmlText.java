package dev.dlforge.data.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The visible text of an HTML document or fragment, with jsoup; scripts and styles are dropped. */
public final class HtmlText {
    private HtmlText() {}

    public static String of(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head").remove();
        // wholeText keeps line breaks between blocks poorly; text() joins them with spaces, which is what a bag of words wants.
        return doc.body() == null ? doc.text() : doc.body().text();
    }
}
