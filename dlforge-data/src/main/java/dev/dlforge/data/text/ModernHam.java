package dev.dlforge.data.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * dlforge's modern ham: 64 ordinary mails of 2026 written by the dlforge team (CC0), the kind a
 * 2002 corpus never saw: invoices with PO numbers, receipts, appointment reminders, shipping and
 * security notices, subscribed newsletters, calendar invitations, bank, travel and account notices.
 * Every one is ham; a spam filter's false-positive rate on them is the share of real mail it would
 * lose. Never trained on. The file ({@value #RESOURCE}) is an mbox ({@link Mbox}); each message's
 * {@value #KIND_HEADER} header names its kind, and the file's preamble states its provenance.
 */
public final class ModernHam {
    public static final String RESOURCE = "/dev/dlforge/data/text/modern-ham.mbox";
    public static final String KIND_HEADER = "X-Dlforge-Kind";
    /** The kinds, in report order. */
    public static final List<String> KINDS = List.of("invoice", "receipt", "appointment", "shipping", "security", "newsletter",
            "calendar", "bank", "travel", "account");

    /**
     * One mail.
     *
     * @param id {@code modern-ham:<n>}, 1-based in file order
     * @param kind one of {@link #KINDS}
     * @param raw the RFC-822 message
     */
    public record Mail(String id, String kind, byte[] raw) {}

    private ModernHam() {}

    public static List<Mail> mails() {
        try (InputStream in = ModernHam.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the dlforge-data jar");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Mail> parse(byte[] mbox) {
        List<Mail> mails = new ArrayList<>();
        for (byte[] raw : Mbox.split(mbox)) {
            String id = "modern-ham:" + (mails.size() + 1);
            String kind = kind(raw);
            if (!KINDS.contains(kind)) {
                throw new IllegalStateException(id + " in " + RESOURCE + " has kind '" + kind + "', not one of " + KINDS);
            }
            mails.add(new Mail(id, kind, raw));
        }
        return mails;
    }

    /**
     * The mails as a classifier reads them ({@link MailMessage#classifierText()}), classes
     * {@code ham, spam} as in {@link SpamAssassin#CLASSES}, every label ham, grouped by kind.
     */
    public static LabeledTexts labeledTexts(MailReader reader) {
        List<Mail> mails = mails();
        List<String> texts = new ArrayList<>();
        TextRepairs repairs = new TextRepairs();
        for (Mail m : mails) {
            texts.add(reader.read(m.raw(), repairs).classifierText());
        }
        return new LabeledTexts(SpamAssassin.CLASSES, texts, new int[mails.size()], mails.stream().map(Mail::kind).toList(),
                mails.stream().map(Mail::id).toList());
    }

    /** The value of the kind header, from the header block (before the first empty line). */
    private static String kind(byte[] raw) {
        for (String line : new String(raw, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, KIND_HEADER + ":", 0, KIND_HEADER.length() + 1)) {
                return line.substring(KIND_HEADER.length() + 1).strip();
            }
        }
        return "";
    }
}
