package dev.dlforge.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModernHamTest {

    @Test
    void everyMailParsesWithSubjectSenderAndBodyAndEveryKindIsWellRepresented() {
        List<ModernHam.Mail> mails = ModernHam.mails();
        assertThat(mails).hasSizeGreaterThanOrEqualTo(60);
        Map<String, Long> perKind = mails.stream().collect(Collectors.groupingBy(ModernHam.Mail::kind, Collectors.counting()));
        assertThat(perKind.keySet()).containsExactlyInAnyOrderElementsOf(ModernHam.KINDS);
        assertThat(perKind.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        Set<String> senders = new HashSet<>();
        for (ModernHam.Mail m : mails) {
            assertThat(m.mail().subject()).isNotBlank();
            assertThat(m.mail().body()).hasSizeGreaterThan(150);
            assertThat(m.mail().fromDomain()).as(m.mail().subject()).isNotEmpty();
            // The kind is our label, never a feature.
            assertThat(m.mail().classifierText()).doesNotContain("X-Dlforge-Kind").doesNotContain("dlforge-team");
            senders.add(m.mail().fromDomain());
        }
        assertThat(senders).as("varied senders").hasSizeGreaterThan(50);
    }

    @Test
    void htmlPartsAndQuotedFromLinesAreReadAsText() {
        List<ModernHam.Mail> mails = ModernHam.mails();
        ModernHam.Mail shipped = mails.stream().filter(m -> m.mail().subject().contains("BH-559021")).findFirst().orElseThrow();
        assertThat(shipped.mail().body()).contains("Track your parcel").doesNotContain("<a href");
        ModernHam.Mail mfa = mails.stream().filter(m -> m.mail().subject().contains("multi-factor")).findFirst().orElseThrow();
        assertThat(mfa.mail().body()).contains("From Monday 14 April").doesNotContain(">From");
    }

    @Test
    void asLabeledTextsEveryMailIsHamGroupedByKind() {
        LabeledTexts texts = ModernHam.labeledTexts();
        assertThat(texts.classes()).isEqualTo(SpamAssassin.CLASSES);
        assertThat(texts.classCounts()).containsExactly(texts.size(), 0);
        assertThat(texts.byGroup().keySet()).containsExactlyInAnyOrderElementsOf(ModernHam.KINDS);
        assertThat(texts.ids().get(0)).isEqualTo("modern-ham:1");
        assertThat(texts.texts().get(0)).startsWith("subject-Invoice subject-INV-20931").contains("fromdomain-hollis-fasteners-co-uk");
    }

    @Test
    void aMessageWithoutAKnownKindIsRejected() {
        byte[] mbox = "From x y\nX-Dlforge-Kind: lottery\nSubject: s\nFrom: a@b.com\n\nsome body text\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ModernHam.parse(mbox, new MailReader())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("X-Dlforge-Kind");
    }
}
