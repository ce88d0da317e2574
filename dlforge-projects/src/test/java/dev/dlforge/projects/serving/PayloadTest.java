package dev.dlforge.projects.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing to predict from is the caller's 400, for every project, before any model sees it. */
class PayloadTest {

    private static Payload payload(String type, String body) {
        return new Payload(type, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void anEmptyBodyOfAnyTypeIsABadRequest() {
        for (String type : new String[] {"image/png", "text/plain", "application/json"}) {
            assertThatThrownBy(() -> new Payload(type, new byte[0], Map.of()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(400))
                    .hasMessage("the request body is empty: there is nothing to predict from");
        }
    }

    @Test
    void aBlankTextIsABadRequestButAWordIsNot() {
        assertThatThrownBy(() -> payload("application/json", "{\"text\": \"\"}").jsonText())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("the \"text\" string is empty");
        assertThatThrownBy(() -> payload("application/json", "{\"text\": \" \\n\\t\"}").jsonText()).hasMessageContaining("is empty");
        assertThatThrownBy(() -> payload("text/plain", " \r\n\u00a0 ").plainText()).hasMessageStartingWith("the text is empty");
        assertThat(payload("text/plain", " win \n").plainText()).contains("win");
        assertThat(payload("application/json", "{\"text\": \"win\"}").jsonText()).isEqualTo("win");
    }
}
