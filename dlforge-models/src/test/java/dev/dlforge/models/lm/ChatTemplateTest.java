package dev.dlforge.models.lm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.text.CharTokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {

    @Test
    void rendersTheTranscriptAndCuesTheAssistant() {
        ChatTemplate chat = ChatTemplate.plain().withUser("hello").withAssistant(" hi there\n").withUser("how are you?");
        assertThat(chat.prompt()).isEqualTo("User: hello\nAssistant: hi there\nUser: how are you?\nAssistant:");
        assertThat(chat.stop()).containsExactly("\nUser:");
    }

    @Test
    void dropsTheOldestTurnsToFitTheBudgetAndStartsWithTheUser() {
        ChatTemplate chat = ChatTemplate.plain()
                .withUser("one").withAssistant("uno")
                .withUser("two").withAssistant("dos")
                .withUser("three");
        CharTokenizer tok = CharTokenizer.build(List.of(chat.prompt()));
        int full = tok.encode(chat.prompt()).length;
        assertThat(chat.fitTo(tok, full).history()).hasSize(5);
        // one character short: "User: one\n" goes, and "Assistant: uno\n" with it
        ChatTemplate fitted = chat.fitTo(tok, full - 1);
        assertThat(fitted.prompt()).isEqualTo("User: two\nAssistant: dos\nUser: three\nAssistant:");
        assertThat(chat.fitTo(tok, 1).history()).containsExactly(new ChatTurn("User", "three"));
    }

    @Test
    void aReplyEndsWhereTheModelWouldStartTheUsersNextTurn() {
        ChatTemplate chat = ChatTemplate.plain().withUser("yo");
        CharTokenizer tok = CharTokenizer.build(List.of(chat.prompt(), "hi"));
        // after the cue's ':' the model says " hi" and then starts a user turn, "\nUser: hi\nUser:..."
        BigramModel model = BigramModel.chain(tok.vocabSize(), tok.encode(": hi\nUser"), 256);
        GenerationConfig greedy = new GenerationConfig(50, 0, 0, 1, 1, chat.stop(), 1, true);
        try (NDManager m = Engines.newManager()) {
            Generation reply = new TextGenerator(model, tok).generate(chat.prompt(), greedy, m, s -> {});
            assertThat(reply.text()).isEqualTo(" hi");
            assertThat(reply.finishReason()).isEqualTo("stop");
            assertThat(chat.withAssistant(reply.text()).prompt()).isEqualTo("User: yo\nAssistant: hi\nAssistant:");
        }
    }
}
