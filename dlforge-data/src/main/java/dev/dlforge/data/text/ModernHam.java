package dev.dlforge.data.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Modern ham written by the dlforge team: 66 ordinary mails of the 2020s that a spam filter must
 * not lose (receipts, invoices with PO numbers, appointment reminders, shipping notices, password
 * resets and sign-in alerts, subscribed newsletters, calendar invitations, bank notices, travel
 * bookings, account notices), CC0, every person and company made up. The SpamAssassin corpus is
 * from 2002; these measure how a filter trained on it treats today's transactional mail. Held out:
 * no model trains on them. One mboxrd file ({@value #RESOURCE}) whose note states the provenance;
 * each message's {@code X-Dlforge-Kind} header names its kind, which no classifier reads
 * ({@link MailMessage#classifierText()} uses the subject, the sender's domain and the body).
 */
public final class ModernHam {
    public static final String RESOURCE = "/dev/dlforge/data/text/modern-ham.mbox";
    /** What each mail is, in report order. */
    public static final List<String> KINDS = List.of("invoice", "receipt", "appointment", "shipping", "security", "newsletter",
            "calendar", "bank", "travel", "account");
    private static final Pattern KIND = Pattern.compile("(?im)^X-Dlforge-Kind:\\s*(\\S+)\\s*$");

    /**
     * One mail.
     *
     * @param kind one of {@link #KINDS}
     * @param mail the parsed message
     */
    public record Mail(String kind, MailMessage mail) {}

    private ModernHam() {}

    /** Every mail, in file order. */
    public static List<Mail> mails() {
        try (InputStream in = ModernHam.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the dlforge-data jar");
            }
            return parse(in.readAllBytes(), new MailReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Mail> parse(byte[] mbox, MailReader reader) {
        List<Mail> mails = new ArrayList<>();
        for (byte[] message : Mbox.split(mbox)) {
            String raw = new String(message, StandardCharsets.ISO_8859_1);
            int headersEnd = raw.indexOf("\n\n");
            Matcher kind = KIND.matcher(headersEnd < 0 ? raw : raw.substring(0, headersEnd));
            if (!kind.find() || !KINDS.contains(kind.group(1))) {
                throw new IllegalStateException(RESOURCE + ": a message without a known X-Dlforge-Kind (" + KINDS + "): "
                        + raw.lines().limit(4).toList());
            }
            TextRepairs repairs = new TextRepairs();
            MailMessage mail = reader.read(message, repairs);
            if (mail.body().isBlank() || mail.subject().isBlank()) {
                throw new IllegalStateException(RESOURCE + ": message '" + mail.subject() + "' has no subject or no body (" + repairs.summary() + ")");
            }
            mails.add(new Mail(kind.group(1), mail));
        }
        return mails;
    }

    /**
     * The mails as labelled texts with the SpamAssassin classes ({@code ham, spam}), every one ham,
     * read as the spam project reads mail ({@link MailMessage#classifierText()}); grouped by kind,
     * ids {@code modern-ham:<n>} (1-based).
     */
    public static LabeledTexts labeledTexts() {
        List<Mail> all = mails();
        int ham = SpamAssassin.CLASSES.indexOf("ham");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ids.add("modern-ham:" + (i + 1));
        }
        return new LabeledTexts(SpamAssassin.CLASSES, all.stream().map(m -> m.mail().classifierText()).toList(),
                all.stream().mapToInt(m -> ham).toArray(), all.stream().map(Mail::kind).toList(), ids);
    }
}
