package dev.dlforge.projects.rag;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A small folder of documents in every supported format, plus files that must be skipped. */
final class SampleDocs {
    private SampleDocs() {}

    /** whales.txt, harpoons.md, ships.html, lighthouse.pdf (indexable); binary.txt, empty.md, notes.xyz (skipped). */
    static Path write(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("whales.txt"), "Sperm whales dive deeper than any other whale.\n"
                + "They hunt giant squid at depths of two thousand metres.\n\nA sperm whale can hold its breath for ninety minutes.\n");
        Files.writeString(dir.resolve("sub/harpoons.md"), "# Harpoons\n\nA harpoon is a long spear used in whaling to strike the whale.\n\n"
                + "# Ropes\n\nThe harpoon line is coiled in a tub so that it runs out smoothly.\n");
        Files.writeString(dir.resolve("ships.html"), "<html><head><title>Ships</title></head><body><h1>The Pequod</h1>"
                + "<p>The Pequod was a whaling ship from Nantucket commanded by Captain Ahab.</p></body></html>");
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("The lighthouse keeper lit the lamp every evening at dusk.");
                content.endText();
            }
            pdf.save(dir.resolve("lighthouse.pdf").toFile());
        }
        byte[] binary = new byte[512];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("binary.txt"), binary);
        Files.write(dir.resolve("empty.md"), new byte[0]);
        Files.write(dir.resolve("notes.xyz"), "not a document type".getBytes(StandardCharsets.UTF_8));
        return dir;
    }
}
