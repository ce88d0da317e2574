package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModernHamTest {

    @Test
    void theResourceHoldsAtLeastSixtyHamMailsOfEveryKindFromManySenders() {
        List<ModernHam.Mail> mails = ModernHam.mails();
        assertThat(mails).hasSizeGreaterThanOrEqualTo(60);
        Map<String, Long> perKind = mails.stream().collect(Collectors.groupingBy(ModernHam.Mail::kind, Collectors.counting()));
        assertThat(perKind.keySet()).containsExactlyInAnyOrderElementsOf(ModernHam.KINDS);
        assertThat(perKind.values()).allMatch(n -> n >= 5);

        MailReader reader = new MailReader();
        TextRepairs repairs = new TextRepairs();
        List<MailMessage> parsed = mails.stream().map(m -> reader.read(m.raw(), repairs)).toList();
        assertThat(parsed).allSatisfy(m -> {
            assertThat(m.subject()).isNotBlank();
            assertThat(m.fromDomain()).isNotBlank();
            assertThat(m.body().length()).isGreaterThan(80);
        });
        assertThat(parsed.stream().map(MailMessage::fromDomain).collect(Collectors.toSet())).hasSizeGreaterThan(40);
        assertThat(new HashSet<>(parsed.stream().map(MailMessage::subject).toList())).hasSize(mails.size());
        assertThat(repairs.isEmpty()).as(repairs.summary()).isTrue();
    }

    @Test
    void labeledTextsAreAllHamGroupedByKindAndReadWithHeaders() {
        LabeledTexts texts = ModernHam.labeledTexts(new MailReader());
        assertThat(texts.classes()).isEqualTo(SpamAssassin.CLASSES);
        assertThat(Arrays.stream(texts.labels()).distinct().toArray()).containsExactly(0);
        assertThat(texts.ids().get(0)).isEqualTo("modern-ham:1");
        assertThat(texts.groups().get(0)).isEqualTo("invoice");
        assertThat(texts.texts().get(0)).startsWith("subject-Invoice subject-INV-20931").contains("fromdomain-brightwater-supplies-co-uk")
                .contains("purchase order 4500118823");
        // The body line the file escapes as ">From the archive" reads back unescaped.
        assertThat(texts.texts()).anyMatch(t -> t.contains("\nFrom the archive: our guide"));
        // HTML alternatives are read as text, without markup.
        assertThat(texts.texts()).filteredOn(t -> t.contains("GR-310442")).singleElement().asString().doesNotContain("<td>");
    }

    @Test
    void aMailWithoutAKnownKindIsRefusedWithItsNumber() {
        byte[] mbox = "From a\nSubject: x\nX-Dlforge-Kind: lottery\n\nbody\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModernHam.parse(mbox)).hasMessageContaining("modern-ham:1").hasMessageContaining("lottery");
    }
}
