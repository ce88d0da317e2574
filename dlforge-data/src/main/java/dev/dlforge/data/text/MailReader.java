package dev.dlforge.data.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Parses RFC-822/MIME mail with mime4j, leniently: no limit on line or header length or count,
 * malformed headers and boundaries tolerated, encoded words and base64/quoted-printable decoded,
 * each text part read in its declared charset (or, when that is wrong, as {@link TextDecoder}
 * guesses). text/html becomes text with jsoup; nested multiparts and attached messages
 * ({@code message/rfc822}) are walked; binary parts are skipped and counted. Whatever the bytes,
 * {@link #read} returns a message, at worst the raw bytes as text, and counts what it repaired.
 */
public final class MailReader {
    /** Headers kept besides Subject and From. */
    public static final List<String> KEPT_HEADERS = List.of("To", "Reply-To", "Content-Type", "X-Mailer", "Date");
    /** Attachments skipped. */
    public static final String ATTACHMENTS = "attachments skipped";
    /** Messages whose MIME structure could not be parsed; read as plain text instead. */
    public static final String MALFORMED = "malformed, read as plain text";
    /** Messages with no readable body text. */
    public static final String EMPTY = "with an empty body";

    private final TextLimits limits;
    private final TextCleaner cleaner;

    public MailReader(TextLimits limits) {
        this.limits = limits;
        this.cleaner = new TextCleaner(limits);
    }

    public MailReader() {
        this(TextLimits.DEFAULT);
    }

    /** A message longer than the byte budget is parsed from its first part only (counted as truncated). */
    public long maxBytes() {
        return 8L * limits.maxChars();
    }

    /** Parses {@code raw} (cut to {@link #maxBytes()} by the caller or here). Never throws. */
    public MailMessage read(byte[] raw, TextRepairs repairs) {
        byte[] bytes = raw;
        if (bytes.length > maxBytes()) {
            bytes = java.util.Arrays.copyOf(raw, (int) maxBytes());
            repairs.add(TextRepairs.TRUNCATED);
        }
        try {
            Message message = builder().parseMessage(new ByteArrayInputStream(bytes));
            try {
                return fromMessage(message, repairs);
            } finally {
                message.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // mime4j is lenient, but a parser is no place to let one odd message end a whole run.
            repairs.add(MALFORMED);
            return new MailMessage("", "", Map.of(), cleaner.clean(TextDecoder.decode(bytes, repairs), repairs), 0);
        }
    }

    private MailMessage fromMessage(Message message, TextRepairs repairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = header(message, name);
            if (!value.isEmpty()) {
                headers.put(name, value);
            }
        }
        StringBuilder body = new StringBuilder();
        int[] attachments = {0};
        walk(message, body, attachments, repairs, 0);
        if (attachments[0] > 0) {
            repairs.add(ATTACHMENTS);
        }
        String text = cleaner.clean(body.toString(), repairs);
        if (text.isBlank()) {
            repairs.add(EMPTY);
        }
        return new MailMessage(cleaner.clean(header(message, "Subject"), repairs), cleaner.clean(header(message, "From"), repairs),
                headers, text, attachments[0]);
    }

    /** Appends the text of {@code entity} and its parts; {@code depth} stops pathological nesting. */
    private void walk(Entity entity, StringBuilder out, int[] attachments, TextRepairs repairs, int depth) {
        if (depth > 20 || out.length() > limits.maxChars()) {
            return;
        }
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                walk(part, out, attachments, repairs, depth + 1);
            }
        } else if (body instanceof Message attached) {
            String subject = header(attached, "Subject");
            if (!subject.isEmpty()) {
                out.append(subject).append('\n');
            }
            walk(attached, out, attachments, repairs, depth + 1);
        } else if (body instanceof SingleBody single) {
            String type = entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
            boolean attachment = "attachment".equalsIgnoreCase(entity.getDispositionType()) && entity.getFilename() != null;
            if (!(body instanceof TextBody) || !type.startsWith("text/") || attachment && !type.equals("text/plain")) {
                attachments[0]++;
                return;
            }
            String text = TextDecoder.decode(bytes(single), entity.getCharset(), repairs);
            out.append(type.equals("text/html") ? HtmlText.of(text) : text).append('\n');
        }
    }

    private byte[] bytes(SingleBody body) {
        try (InputStream in = body.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes()));
        } catch (IOException | RuntimeException e) {
            return new byte[0]; // broken base64 and the like: mime4j's decoders are silent, this is a last resort
        }
    }

    private static String header(Entity entity, String name) {
        if (entity.getHeader() == null) {
            return "";
        }
        Field field = entity.getHeader().getField(name);
        if (field == null || field.getBody() == null) {
            return "";
        }
        return DecoderUtil.decodeEncodedWords(field.getBody(), DecodeMonitor.SILENT).strip();
    }

    private static DefaultMessageBuilder builder() {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.custom()
                .setMaxLineLen(-1).setMaxHeaderLen(-1).setMaxHeaderCount(-1).setMaxContentLen(-1)
                .setStrictParsing(false).setMalformedHeaderStartsBody(true).build());
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        return builder;
    }
}
