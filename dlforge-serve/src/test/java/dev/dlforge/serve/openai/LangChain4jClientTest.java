package dev.dlforge.serve.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** langchain4j's OpenAI chat models against our server (the real engine, a tiny random-weight GGUF) on a loopback port. */
class LangChain4jClientTest {
    private static LlmTestServer server;
    private static OpenAiChatModel chat;
    private static OpenAiStreamingChatModel streaming;

    @BeforeAll
    static void start() {
        server = LlmTestServer.standard();
        chat = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("unused").modelName(LlmTestServer.NAME).temperature(0.0)
                .maxTokens(30).maxRetries(0).build();
        streaming = OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("unused").modelName(LlmTestServer.NAME)
                .temperature(0.0).maxTokens(30).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPlainAndAStreamedAnswerAreTheSame() throws Exception {
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from("be brief"), UserMessage.from("hello there")).build();
        ChatResponse whole = chat.chat(request);
        assertThat(whole.aiMessage().text()).isNotEmpty();
        assertThat(whole.tokenUsage().outputTokenCount()).isBetween(1, 30);
        StringBuilder pieces = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streaming.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                pieces.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse streamed = done.get(60, TimeUnit.SECONDS);
        assertThat(pieces.toString()).isEqualTo(whole.aiMessage().text());
        assertThat(streamed.aiMessage().text()).isEqualTo(whole.aiMessage().text());
    }

    @Test
    void aRequiredToolIsCalledAndItsResultAnswered() throws Exception {
        ToolSpecification lookup = ToolSpecification.builder().name("lookup_word").description("a word's meaning")
                .parameters(JsonObjectSchema.builder().addStringProperty("word").required("word").build()).build();
        UserMessage question = UserMessage.from("what does 'forge' mean?");
        ChatResponse call = chat.chat(ChatRequest.builder().messages(question).toolSpecifications(lookup).toolChoice(ToolChoice.REQUIRED).build());
        assertThat(call.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
        List<ToolExecutionRequest> requests = call.aiMessage().toolExecutionRequests();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).name()).isEqualTo("lookup_word");
        assertThat(new ObjectMapper().readTree(requests.get(0).arguments()).get("word").isTextual()).isTrue();

        AiMessage asked = call.aiMessage();
        ChatResponse answer = chat.chat(ChatRequest.builder().messages(question, asked,
                ToolExecutionResultMessage.from(requests.get(0), "a place where metal is worked")).toolSpecifications(lookup).build());
        assertThat(answer.aiMessage().text()).isNotEmpty();
    }

    @Test
    void anUnknownModelIsAnError() {
        OpenAiChatModel other = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("unused").modelName("gpt-4o").maxRetries(0).build();
        assertThatThrownBy(() -> other.chat("hi")).hasMessageContaining("gpt-4o");
    }
}
