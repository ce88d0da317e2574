package dev.dlforge.serve.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OpenAI's own Java client against our server (the real engine on a tiny random-weight GGUF) on a loopback port: plain, streamed, tools, logprobs, errors. */
class OpenAiJavaClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LlmTestServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        server = LlmTestServer.standard();
        client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey("unused-on-loopback").maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static ChatCompletionCreateParams.Builder chat(String user) {
        return ChatCompletionCreateParams.builder().model(LlmTestServer.NAME).addSystemMessage("answer briefly").addUserMessage(user)
                .temperature(0.0).maxCompletionTokens(40);
    }

    private static String streamed(ChatCompletionCreateParams params, List<ChatCompletionChunk> chunks) {
        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(c -> {
                chunks.add(c);
                c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append));
            });
        }
        return text.toString();
    }

    @Test
    void aPlainChatAnswerHasItsTextFinishReasonAndUsage() {
        ChatCompletion c = client.chat().completions().create(chat("where is the cat?").build());
        assertThat(c.model()).isEqualTo(LlmTestServer.NAME);
        assertThat(c.choices()).hasSize(1);
        assertThat(c.choices().get(0).message().content()).hasValueSatisfying(t -> assertThat(t).isNotEmpty());
        assertThat(c.choices().get(0).finishReason()).isIn(ChatCompletion.Choice.FinishReason.STOP, ChatCompletion.Choice.FinishReason.LENGTH);
        assertThat(c.usage()).hasValueSatisfying(u -> {
            assertThat(u.promptTokens()).isGreaterThan(10);
            assertThat(u.completionTokens()).isBetween(1L, 40L);
            assertThat(u.totalTokens()).isEqualTo(u.promptTokens() + u.completionTokens());
        });
    }

    @Test
    void aStreamedAnswerIsTheWholeAnswerInPiecesThenItsUsage() {
        String whole = client.chat().completions().create(chat("where is the dog?").build()).choices().get(0).message().content().orElseThrow();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        String text = streamed(chat("where is the dog?").streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build(),
                chunks);
        assertThat(text).isEqualTo(whole);
        assertThat(chunks.size()).isGreaterThan(3);
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isPositive());
        assertThat(chunks.get(chunks.size() - 2).choices().get(0).finishReason()).isPresent();
    }

    @Test
    void noTextAtOrAfterAStopStringIsEverSent() {
        String free = client.chat().completions().create(chat("tell me of the sea").maxCompletionTokens(60).build()).choices().get(0).message()
                .content().orElseThrow();
        assertThat(free.length()).isGreaterThan(12);
        String stop = free.substring(8, 11);
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        String text = streamed(chat("tell me of the sea").maxCompletionTokens(60).stop(stop).build(), chunks);
        assertThat(text).isEqualTo(free.substring(0, free.indexOf(stop))).doesNotContain(stop);
        assertThat(chunks).allSatisfy(c -> c.choices().forEach(ch -> assertThat(ch.delta().content().orElse("")).doesNotContain(stop)));
        assertThat(chunks.get(chunks.size() - 1).choices().get(0).finishReason()).hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
    }

    private static FunctionDefinition weather() {
        return FunctionDefinition.builder().name("get_weather").description("the weather in a city")
                .parameters(FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"), "days", Map.of("type", "integer"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city", "days"))).build())
                .build();
    }

    private static ChatCompletionNamedToolChoice forced(String name) {
        return ChatCompletionNamedToolChoice.builder().function(ChatCompletionNamedToolChoice.Function.builder().name(name).build()).build();
    }

    @Test
    void aForcedToolCallRoundTrip() throws Exception {
        ChatCompletion call = client.chat().completions().create(chat("what is the weather in paris?").addFunctionTool(weather())
                .toolChoice(forced("get_weather")).build());
        ChatCompletion.Choice choice = call.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        List<ChatCompletionMessageToolCall> calls = choice.message().toolCalls().orElseThrow();
        assertThat(calls).hasSize(1);
        ChatCompletionMessageFunctionToolCall fn = calls.get(0).asFunction();
        assertThat(fn.function().name()).isEqualTo("get_weather");
        JsonNode args = JSON.readTree(fn.function().arguments());
        assertThat(args.get("city").isTextual()).isTrue();
        assertThat(args.get("days").isIntegralNumber()).isTrue();

        ChatCompletion answer = client.chat().completions().create(chat("what is the weather in paris?").addFunctionTool(weather())
                .addMessage(ChatCompletionAssistantMessageParam.builder().toolCalls(calls).build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(fn.id()).content("sunny, 21 C").build()).build());
        assertThat(answer.choices().get(0).message().content()).hasValueSatisfying(t -> assertThat(t).isNotEmpty());
        assertThat(answer.usage().orElseThrow().promptTokens()).isGreaterThan(call.usage().orElseThrow().promptTokens());
    }

    @Test
    void withToolsOfferedAPlainAnswerStillStreamsTokenByToken() {
        ChatCompletionCreateParams params = chat("where is the dog?").addFunctionTool(weather()).build();
        ChatCompletion whole = client.chat().completions().create(params);
        assertThat(whole.choices().get(0).message().toolCalls()).as("a random model writes no call").isEmpty();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        String text = streamed(params, chunks);
        assertThat(text).isEqualTo(whole.choices().get(0).message().content().orElseThrow());
        long withText = chunks.stream().filter(c -> c.choices().stream().anyMatch(ch -> ch.delta().content().filter(t -> !t.isEmpty()).isPresent()))
                .count();
        assertThat(withText).as("content chunks (before: the whole answer in one, once complete)").isGreaterThan(3);
    }

    @Test
    void aStreamedForcedToolCallArrivesAsDeltaToolCalls() throws Exception {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        streamed(chat("weather in rome?").addFunctionTool(weather()).toolChoice(forced("get_weather")).build(), chunks);
        StringBuilder arguments = new StringBuilder();
        List<String> names = new ArrayList<>();
        chunks.forEach(c -> c.choices().forEach(ch -> ch.delta().toolCalls().ifPresent(tcs -> tcs.forEach(tc -> {
            assertThat(tc.index()).isZero();
            tc.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::name).ifPresent(names::add);
            tc.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::arguments).ifPresent(arguments::append);
        }))));
        assertThat(names).containsExactly("get_weather");
        assertThat(JSON.readTree(arguments.toString()).has("city")).isTrue();
        assertThat(chunks.get(chunks.size() - 1).choices().get(0).finishReason()).hasValue(ChatCompletionChunk.Choice.FinishReason.TOOL_CALLS);
    }

    @Test
    void logprobsComeWithTheirAlternatives() {
        ChatCompletion c = client.chat().completions().create(chat("the cat").logprobs(true).topLogprobs(3).maxCompletionTokens(5).build());
        var content = c.choices().get(0).logprobs().orElseThrow().content().orElseThrow();
        assertThat(content).isNotEmpty().allSatisfy(t -> {
            assertThat(t.logprob()).isLessThanOrEqualTo(0);
            assertThat(t.topLogprobs()).hasSize(3);
        });
    }

    @Test
    void textCompletionsContinueAPrompt() {
        Completion c = client.completions().create(CompletionCreateParams.builder().model(LlmTestServer.NAME).prompt("the cat sat")
                .maxTokens(8).temperature(0.0).build());
        assertThat(c.choices().get(0).text()).isNotEmpty();
        assertThat(c.usage().orElseThrow().promptTokens()).isGreaterThan(3);
        assertThat(c.usage().orElseThrow().completionTokens()).isBetween(1L, 8L);
    }

    @Test
    void modelsAreListed() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();
        assertThat(ids).contains(LlmTestServer.NAME, "all-MiniLM-L6-v2");
    }

    @Test
    void aPromptLongerThanTheContextIsRefusedWith400SayingSo() {
        assertThatThrownBy(() -> client.chat().completions().create(chat("the cat ".repeat(300)).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("maximum context length is " + LlmTestServer.CONTEXT + " tokens")
                .satisfies(e -> assertThat(((BadRequestException) e).code()).hasValue("context_length_exceeded"));
    }

    @Test
    void badParametersAndUnknownModelsGetOpenAiErrors() {
        assertThatThrownBy(() -> client.chat().completions().create(chat("hi").temperature(7.0).build())).isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).param()).hasValue("temperature"));
        assertThatThrownBy(() -> client.chat().completions().create(chat("hi").model("gpt-4o").build())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("gpt-4o");
    }

    @Test
    void embeddingsAreMiniLmUnitVectors() {
        var e = client.embeddings().create(EmbeddingCreateParams.builder().model("all-MiniLM-L6-v2").inputOfArrayOfStrings(List.of("a cat", "a dog"))
                .build());
        assertThat(e.data()).hasSize(2);
        List<Float> v = e.data().get(0).embedding();
        assertThat(v).hasSize(384);
        assertThat(v.stream().mapToDouble(x -> x * x).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }
}
