package dev.dlforge.data.docs;

import dev.dlforge.data.text.TextCleaner;
import dev.dlforge.data.text.TextLimits;
import dev.dlforge.data.text.TextRepairs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF, read with PDFBox 3: one section per page that has text, numbered from 1. The file is parsed
 * from disk with a temp-file stream cache, so a large PDF is not held in memory; text extraction
 * stops at the character cap (counted as truncated). Skipped with a reason: no {@code %PDF-} header,
 * a parse failure, a password needed to open it, an owner who forbids text extraction, or no text
 * on any page (a scan without OCR).
 */
final class PdfReader {
    private PdfReader() {}

    static DocumentResult read(Path file, TextLimits limits, TextRepairs repairs) {
        try {
            if (!hasHeader(file)) {
                return new Skipped(file, Skipped.Reason.BROKEN, "no %PDF- header: not a PDF");
            }
            try (PDDocument pdf = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
                if (pdf.isEncrypted() && !pdf.getCurrentAccessPermission().canExtractContent()) {
                    return new Skipped(file, Skipped.Reason.ENCRYPTED, "its owner forbids text extraction");
                }
                return pages(file, pdf, limits, repairs);
            }
        } catch (InvalidPasswordException e) {
            return new Skipped(file, Skipped.Reason.ENCRYPTED, "a password is required to open it");
        } catch (IOException | RuntimeException e) {
            // PDFBox signals malformed structure with IOException and, for some damage, runtime exceptions.
            return new Skipped(file, Skipped.Reason.BROKEN, "PDFBox cannot read it: " + e.getMessage());
        }
    }

    private static DocumentResult pages(Path file, PDDocument pdf, TextLimits limits, TextRepairs repairs) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true); // reading order by position, not content-stream order
        TextCleaner cleaner = new TextCleaner(limits);
        DocumentTextBuilder doc = new DocumentTextBuilder();
        int pages = pdf.getNumberOfPages();
        for (int page = 1; page <= pages; page++) {
            if (doc.length() >= limits.maxChars()) {
                repairs.add(TextRepairs.TRUNCATED);
                break;
            }
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            String text = cleaner.clean(stripper.getText(pdf), repairs);
            doc.appendSection(text.strip(), null, page);
        }
        String title = pdf.getDocumentInformation() != null && pdf.getDocumentInformation().getTitle() != null
                && !pdf.getDocumentInformation().getTitle().isBlank()
                ? pdf.getDocumentInformation().getTitle().strip() : file.getFileName().toString();
        return doc.build(file, title).<DocumentResult>map(d -> d)
                .orElseGet(() -> new Skipped(file, Skipped.Reason.NO_TEXT, pages + " page(s) without extractable text (scanned images?)"));
    }

    /** The PDF header may follow some junk, but within the first kilobyte. */
    private static boolean hasHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(1024), StandardCharsets.ISO_8859_1).contains("%PDF-");
        }
    }
}
