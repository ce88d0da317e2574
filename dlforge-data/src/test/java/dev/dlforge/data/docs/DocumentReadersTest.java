package dev.dlforge.data.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.data.text.TextDecoder;
import dev.dlforge.data.text.TextLimits;
import dev.dlforge.data.text.TextRepairs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReadersTest {
    @TempDir
    Path dir;

    private final DocumentReaders readers = new DocumentReaders();
    private final TextRepairs repairs = new TextRepairs();

    private DocumentText read(Path file) {
        DocumentResult result = readers.read(file, repairs);
        assertThat(result).as(result.toString()).isInstanceOf(DocumentText.class);
        return (DocumentText) result;
    }

    private Skipped skipped(Path file) {
        DocumentResult result = readers.read(file, repairs);
        assertThat(result).isInstanceOf(Skipped.class);
        return (Skipped) result;
    }

    @Test
    void markdownHeadingsOpenSectionsAndFencedHashesStayText() throws Exception {
        String md = "Intro line.\n\n# Whales\n\nThe sperm whale dives deep.\n\n## Diet ##\nSquid, mostly.\n```sh\n# not a heading\n```\n";
        Path file = Files.writeString(dir.resolve("notes.md"), md);
        DocumentText doc = read(file);
        assertThat(doc.text()).isEqualTo(md);
        assertThat(doc.title()).isEqualTo("Whales");
        assertThat(doc.sections()).extracting(Section::heading).containsExactly(null, "Whales", "Diet");
        assertThat(doc.sections().get(2).text()).isEqualTo("Squid, mostly.\n```sh\n# not a heading\n```");
        for (Section s : doc.sections()) {
            assertThat(md.substring(s.start(), s.end())).isEqualTo(s.text());
            assertThat(s.page()).isNull();
        }
    }

    @Test
    void htmlHeadingsBecomeSectionsScriptsAndStylesAreDropped() throws Exception {
        String html = "<html><head><title>Ships</title><style>p{color:red}</style></head><body>"
                + "<p>Before any heading.</p><h1>The Pequod</h1><p>A whaler.</p><p>Out of Nantucket.</p>"
                + "<script>alert('x')</script><h2>Crew</h2><ul><li>Ahab</li><li>Starbuck</li></ul></body></html>";
        DocumentText doc = read(Files.writeString(dir.resolve("ships.html"), html));
        assertThat(doc.title()).isEqualTo("Ships");
        assertThat(doc.sections()).extracting(Section::heading).containsExactly(null, "The Pequod", "Crew");
        assertThat(doc.sections()).extracting(Section::text)
                .containsExactly("Before any heading.", "A whaler.\n\nOut of Nantucket.", "Ahab\n\nStarbuck");
        assertThat(doc.text()).doesNotContain("alert").doesNotContain("color");
        for (Section s : doc.sections()) {
            assertThat(doc.text().substring(s.start(), s.end())).isEqualTo(s.text());
        }
    }

    @Test
    void htmlDeclaringLatin1IsDecodedByItsMetaCharset() throws Exception {
        byte[] bytes = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>caf\u00e9 cr\u00e8me</p></body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);
        DocumentText doc = read(Files.write(dir.resolve("menu.htm"), bytes));
        assertThat(doc.sections().get(0).text()).isEqualTo("caf\u00e9 cr\u00e8me");
        assertThat(doc.title()).isEqualTo("menu.htm");
    }

    @Test
    void nonUtf8TextIsDecodedAsWindows1252AndCounted() throws Exception {
        byte[] bytes = "na\u00efve r\u00e9sum\u00e9 \u20ac5\r\nsecond line".getBytes(TextDecoder.WINDOWS_1252);
        DocumentText doc = read(Files.write(dir.resolve("cv.txt"), bytes));
        assertThat(doc.text()).isEqualTo("na\u00efve r\u00e9sum\u00e9 \u20ac5\nsecond line");
        assertThat(doc.sections()).singleElement().satisfies(s -> {
            assertThat(s.heading()).isNull();
            assertThat(s.start()).isZero();
        });
        assertThat(repairs.count(TextRepairs.WINDOWS_1252)).isEqualTo(1);
    }

    @Test
    void binaryFileNamedTxtIsSkippedWithAReason() throws Exception {
        Path file = Files.write(dir.resolve("photo.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Skipped s = skipped(file);
        assertThat(s.reason()).isEqualTo(Skipped.Reason.BINARY);
        assertThat(s.detail()).contains("NUL");

        byte[] controls = new byte[400];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 3 == 0 ? 0x01 : 'a'); // a third control characters, no NUL
        }
        assertThat(skipped(Files.write(dir.resolve("junk.md"), controls)).reason()).isEqualTo(Skipped.Reason.BINARY);
    }

    @Test
    void emptyBlankAndUnsupportedFilesAreSkipped() throws Exception {
        assertThat(skipped(Files.write(dir.resolve("empty.txt"), new byte[0])).reason()).isEqualTo(Skipped.Reason.EMPTY);
        assertThat(skipped(Files.writeString(dir.resolve("blank.md"), "\n   \n\t\n")).reason()).isEqualTo(Skipped.Reason.EMPTY);
        assertThat(skipped(Files.writeString(dir.resolve("only-headings.md"), "# A\n## B\n")).reason()).isEqualTo(Skipped.Reason.EMPTY);
        Skipped docx = skipped(Files.writeString(dir.resolve("report.docx"), "PK"));
        assertThat(docx.reason()).isEqualTo(Skipped.Reason.UNSUPPORTED);
        assertThat(docx.toString()).contains("report.docx").contains(".docx").contains(".pdf");
        assertThat(skipped(dir.resolve("missing.txt")).reason()).isEqualTo(Skipped.Reason.UNREADABLE);
    }

    @Test
    void hugeTextIsCutAtTheCapAndCountedNotLoadedWhole() throws Exception {
        Path file = dir.resolve("huge.txt");
        Files.writeString(file, "All work and no play makes Jack a dull boy.\n".repeat(20_000)); // 880 kB
        DocumentResult result = new DocumentReaders(new TextLimits(10_000, 1_000)).read(file, repairs);
        assertThat(((DocumentText) result).text()).hasSizeLessThanOrEqualTo(10_000).startsWith("All work");
        assertThat(repairs.count(TextRepairs.TRUNCATED)).isPositive();
    }

    @Test
    void pdfPagesBecomeSectionsWithPageNumbers() throws Exception {
        Path file = dir.resolve("two-pages.pdf");
        try (PDDocument pdf = pdf(List.of("Call me Ishmael.", "The whale breached at dawn."))) {
            pdf.getDocumentInformation().setTitle("Moby Notes");
            pdf.save(file.toFile());
        }
        DocumentText doc = read(file);
        assertThat(doc.title()).isEqualTo("Moby Notes");
        assertThat(doc.sections()).extracting(Section::page).containsExactly(1, 2);
        assertThat(doc.sections()).extracting(Section::text).containsExactly("Call me Ishmael.", "The whale breached at dawn.");
        for (Section s : doc.sections()) {
            assertThat(doc.text().substring(s.start(), s.end())).isEqualTo(s.text());
        }
    }

    @Test
    void encryptedCorruptAndTextlessPdfsAreSkippedWithReasons() throws Exception {
        Path locked = dir.resolve("locked.pdf");
        try (PDDocument pdf = pdf(List.of("Secret plans."))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-pw", "user-pw", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(locked.toFile());
        }
        assertThat(skipped(locked).reason()).isEqualTo(Skipped.Reason.ENCRYPTED);

        Path good = dir.resolve("good.pdf");
        try (PDDocument pdf = pdf(List.of("Some text here."))) {
            pdf.save(good.toFile());
        }
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.pdf"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path garbage = Files.writeString(dir.resolve("garbage.pdf"), "%PDF-1.7\nthis is not a pdf at all\n");
        Path notPdf = Files.writeString(dir.resolve("renamed.pdf"), "hello, I am text");
        for (Path broken : List.of(cut, garbage, notPdf)) {
            assertThat(skipped(broken).reason()).as(broken.toString()).isIn(Skipped.Reason.BROKEN, Skipped.Reason.NO_TEXT);
        }
        assertThat(skipped(notPdf).detail()).contains("%PDF-");

        Path blank = dir.resolve("blank.pdf");
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            pdf.save(blank.toFile());
        }
        assertThat(skipped(blank).reason()).isEqualTo(Skipped.Reason.NO_TEXT);
    }

    /** A PDF with one page per text, in Helvetica. */
    static PDDocument pdf(List<String> pages) throws Exception {
        PDDocument pdf = new PDDocument();
        for (String text : pages) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
        }
        return pdf;
    }

}
