package dev.dlforge.data.text;

import java.util.Locale;
import java.util.Map;

/**
 * What a classifier needs of an e-mail: a few headers and the readable text of its body.
 *
 * @param subject the decoded {@code Subject}, empty when absent
 * @param from the decoded {@code From}, empty when absent
 * @param headers selected other headers (name as written in {@link MailReader#KEPT_HEADERS}), decoded
 * @param body text of the text/plain parts and of the text/html parts (as text), in order
 * @param attachmentsSkipped binary parts left out
 */
public record MailMessage(String subject, String from, Map<String, String> headers, String body, int attachmentsSkipped) {

    public MailMessage {
        headers = Map.copyOf(headers);
    }

    /** The domain of the sender's address ({@code example.com}), or empty. */
    public String fromDomain() {
        int at = from.lastIndexOf('@');
        if (at < 0) {
            return "";
        }
        int end = at + 1;
        while (end < from.length() && (Character.isLetterOrDigit(from.charAt(end)) || from.charAt(end) == '.' || from.charAt(end) == '-')) {
            end++;
        }
        return from.substring(at + 1, end).toLowerCase(Locale.ROOT);
    }

    /**
     * The message as one text for a classifier: subject and sender domain first, marked so that
     * their words are distinct features from the same words in the body: {@code subject-free},
     * {@code fromdomain-example-com} (joined by hyphens, which a word tokenizer keeps in one token).
     */
    public String classifierText() {
        StringBuilder s = new StringBuilder();
        for (String w : subject.split("\\s+")) {
            if (!w.isBlank()) {
                s.append("subject-").append(w).append(' ');
            }
        }
        String domain = fromDomain();
        if (!domain.isEmpty()) {
            s.append("fromdomain-").append(domain.replace('.', '-')).append(' ');
        }
        return s.append('\n').append(subject).append('\n').append(body).toString();
    }
}
