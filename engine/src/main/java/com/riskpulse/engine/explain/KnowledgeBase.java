package com.riskpulse.engine.explain;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The policy documents explanations cite: the built-in ones shipped under {@code /knowledge/} plus the
 * organisation's own from {@code <data dir>/knowledge/} (Markdown and .txt), split by section and embedded
 * in-process with the bundled all-MiniLM-L6-v2 (quantised) model: no network, no download at run time.
 *
 * <p>The store is in memory on purpose: a few dozen to a few thousand sections fit in a few MB, are
 * re-embedded in seconds at start-up, and a brute-force cosine search over them takes well under a
 * millisecond; a vector database would add a process, a schema and a network hop for nothing. Built
 * once (start-up or first use), never per request; thread-safe for searches after construction.
 */
public final class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    static final String INDEX = "/knowledge/index.txt";

    private final EmbeddingModel model;
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private final List<Passage> passages;

    private KnowledgeBase(EmbeddingModel model, List<Passage> passages) {
        this.model = model;
        this.passages = List.copyOf(passages);
        List<TextSegment> segments = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            segments.add(TextSegment.from(p.title() + ". " + p.section() + ". " + p.text(),
                    new Metadata().put("i", i)));
        }
        if (!segments.isEmpty()) {
            List<Embedding> embeddings = model.embedAll(segments).content();
            store.addAll(embeddings, segments);
        }
    }

    /** The built-in documents and those in {@code dataDir/knowledge} (when it exists), embedded now. */
    public static KnowledgeBase load(Path dataDir) {
        long start = System.nanoTime();
        List<Passage> all = new ArrayList<>(builtIn());
        if (dataDir != null) all.addAll(fromFolder(dataDir.resolve("knowledge")));
        KnowledgeBase kb = new KnowledgeBase(new AllMiniLmL6V2QuantizedEmbeddingModel(), all);
        log.info("knowledge base: {} sections embedded in {} ms", all.size(), (System.nanoTime() - start) / 1_000_000);
        return kb;
    }

    public List<Passage> passages() {
        return passages;
    }

    /** The {@code k} sections most similar to {@code query}, best first. */
    public List<Passage> search(String query, int k) {
        Embedding q = model.embed(query).content();
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(q).maxResults(k).build()).matches();
        return matches.stream()
                .map(m -> passages.get(m.embedded().metadata().getInteger("i")).withScore(m.score()))
                .toList();
    }

    /**
     * The {@code k} sections most similar to {@code query}, with a lexical boost: a section naming one of
     * {@code terms} (rule identifiers such as {@code takeover_cash_out}) gains {@code boosts[i]} for the
     * i-th term. Similarity alone mixes up patterns that share words (a takeover cash-out and a mule
     * fan-out both "transfer to new payees"); the rule that fired strongest settles it.
     */
    public List<Passage> search(String query, int k, List<String> terms, double[] boosts) {
        Embedding q = model.embed(query).content();
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(q).maxResults(passages.size()).build()).matches();
        return matches.stream().map(m -> {
                    Passage p = passages.get(m.embedded().metadata().getInteger("i"));
                    double s = m.score();
                    for (int i = 0; i < terms.size() && i < boosts.length; i++) {
                        if (p.text().contains(terms.get(i))) s += boosts[i];
                    }
                    return p.withScore(s);
                })
                .sorted(java.util.Comparator.comparingDouble(Passage::score).reversed())
                .limit(k).toList();
    }

    /** A section by document and heading, e.g. the checklist of the top document. */
    public Optional<Passage> section(String document, String heading) {
        return passages.stream().filter(p -> p.document().equals(document) && p.section().equalsIgnoreCase(heading)).findFirst();
    }

    static List<Passage> builtIn() {
        List<Passage> all = new ArrayList<>();
        for (String name : resource(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            all.addAll(split(name, resource("/knowledge/" + name)));
        }
        return all;
    }

    static List<Passage> fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            List<Passage> all = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).sorted().toList()) {
                all.addAll(split(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge documents in " + folder, e);
        }
    }

    /**
     * Splits a document by its {@code ##} sections; the first {@code #} heading is the title (the file name
     * without extension when there is none). A document without sections is one passage.
     */
    static List<Passage> split(String document, String text) {
        String title = document.replaceFirst("\\.[^.]+$", "");
        List<Passage> out = new ArrayList<>();
        String section = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (line.startsWith("## ")) {
                add(out, document, title, section, body);
                section = line.substring(3).strip();
                body.setLength(0);
            } else if (line.startsWith("# ")) {
                title = line.substring(2).strip();
            } else {
                body.append(line.strip()).append(' ');
            }
        }
        add(out, document, title, section, body);
        return out;
    }

    private static void add(List<Passage> out, String document, String title, String section, StringBuilder body) {
        String text = body.toString().strip();
        if (text.isEmpty()) return;
        out.add(new Passage(document, title, section == null ? title : section, text, 0));
    }

    private static String resource(String name) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
