package com.riskpulse.engine.explain;

import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.config.EnvironmentVariable;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.time.Duration;
import java.util.Optional;

/**
 * The language model that phrases an explanation from its facts and passages. An interface so that tests
 * pass a fake; {@link #fromEnvironment} builds the real one (OpenAI or Ollama through LangChain4j).
 */
@FunctionalInterface
public interface ExplanationChat {

    /** The model's answer to one prompt. */
    String complete(String prompt);

    /** A name for the explanation's {@code method}, e.g. {@code openai:gpt-4o-mini}. */
    default String name() {
        return "chat-model";
    }

    /**
     * The configured chat model, or empty when RAG_ENABLED is off or none is configured: OpenAI when
     * OPENAI_API_KEY is set, otherwise Ollama when OLLAMA_BASE_URL is set.
     */
    static Optional<ExplanationChat> fromEnvironment(Environment env) {
        if (!env.bool(EnvironmentVariable.RAG_ENABLED, true)) return Optional.empty();
        Optional<String> key = env.string(EnvironmentVariable.OPENAI_API_KEY).filter(s -> !s.isBlank());
        if (key.isPresent()) {
            ChatModel m = OpenAiChatModel.builder().apiKey(key.get()).modelName("gpt-4o-mini")
                    .temperature(0.0).timeout(Duration.ofSeconds(20)).build();
            return Optional.of(of(m, "openai:gpt-4o-mini"));
        }
        Optional<String> ollama = env.string(EnvironmentVariable.OLLAMA_BASE_URL).filter(s -> !s.isBlank());
        if (ollama.isPresent()) {
            String model = env.string(EnvironmentVariable.OLLAMA_MODEL, "llama3.2");
            ChatModel m = OllamaChatModel.builder().baseUrl(ollama.get()).modelName(model)
                    .temperature(0.0).timeout(Duration.ofSeconds(60)).build();
            return Optional.of(of(m, "ollama:" + model));
        }
        return Optional.empty();
    }

    static ExplanationChat of(ChatModel model, String name) {
        return new ExplanationChat() {
            @Override
            public String complete(String prompt) {
                return model.chat(prompt);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
