package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.TestGateway;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** The OpenAI Responses API as a client of the dialect contract ({@code /v1/responses}). */
record ResponsesContractClient() implements DialectContractTest.Client {
    @Override
    public String name() {
        return "responses";
    }

    @Override
    public String path() {
        return "/v1/responses";
    }

    @Override
    public String plain(String model, boolean stream) {
        return """
                {"model":"%s","stream":%s,"input":"Say hello"}""".formatted(model, stream);
    }

    @Override
    public String withTool(String model) {
        return """
                {"model":"%s","input":"Weather in Paris?","tools":[{"type":"function","name":"get_weather",
                 "parameters":{"type":"object","properties":{"location":{"type":"string"}}}}]}""".formatted(model);
    }

    @Override
    public String withImage(String model) {
        return """
                {"model":"%s","input":[{"role":"user","content":[{"type":"input_text","text":"What is this?"},
                 {"type":"input_image","image_url":"data:image/png;base64,%s"}]}]}"""
                .formatted(model, DialectContractTest.IMAGE_DATA);
    }

    @Override
    public String withThinking(String model) {
        return """
                {"model":"%s","input":"Say hello","reasoning":{"effort":"low"}}""".formatted(model);
    }

    /** The chat path carries no reasoning items, signed or not. */
    @Override
    public java.util.Optional<String> thinkingSignature(JsonNode answer) {
        for (JsonNode item : answer.path("output")) {
            if (item.path("type").asString("").equals("reasoning")) {
                return java.util.Optional.of(item.path("encrypted_content").asString(""));
            }
        }
        return java.util.Optional.empty();
    }

    /** An input item of a type no upstream can be given. */
    @Override
    public String broken(String model) {
        return """
                {"model":"%s","input":[{"type":"computer_call_output","call_id":"c1"}]}""".formatted(model);
    }

    @Override
    public String text(JsonNode answer) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : answer.path("output")) {
            for (JsonNode part : item.path("content")) {
                text.append(part.path("type").asString("").equals("output_text") ? part.path("text").asString("") : "");
            }
        }
        return text.toString();
    }

    @Override
    public List<String> toolCall(JsonNode answer) {
        for (JsonNode item : answer.path("output")) {
            if (item.path("type").asString("").equals("function_call")) {
                return List.of(item.path("name").asString(), TestGateway.json(item.path("arguments").asString("{}"))
                        .path("location").asString());
            }
        }
        return List.of();
    }

    @Override
    public String streamedText(String sse) {
        StringBuilder text = new StringBuilder();
        for (String line : TestGateway.dataLines(sse)) {
            JsonNode event = TestGateway.json(line);
            if (event.path("type").asString("").equals("response.output_text.delta")) {
                text.append(event.path("delta").asString(""));
            }
        }
        return text.toString();
    }

    @Override
    public boolean endedCleanly(String sse) {
        List<String> data = TestGateway.dataLines(sse);
        return !data.isEmpty() && TestGateway.json(data.getLast()).path("type").asString("").equals("response.completed");
    }

    /** The OpenAI error shape, which the Responses API shares. */
    @Override
    public boolean isError(JsonNode body) {
        return body.path("error").path("message").isString() && body.path("error").path("type").isString()
                && !body.has("type");
    }

    /** {@code response.failed} with its error, then the connection cut. */
    @Override
    public boolean hasErrorEvent(String sse) {
        return sse.contains("event: response.failed\n") && TestGateway.dataLines(sse).stream()
                .filter(l -> l.startsWith("{")).map(TestGateway::json)
                .anyMatch(event -> event.path("type").asString("").equals("response.failed")
                        && event.path("response").path("error").path("message").isString());
    }

    @Override
    public String toString() {
        return name();
    }
}
