package dev.gapwise.gateway.ingress;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader for client bodies, with limits: nesting depth, element count (tokens), string, name and
 * number lengths. A body is first scanned as a token stream (no tree) to learn how big its tree will be; the
 * caller charges that to the in-flight budget before {@link #tree} builds it, so a small body of millions of
 * {@code {}} cannot become hundreds of megabytes of heap. Immutable and thread-safe.
 */
final class IngressJson {
    /** Deeper than any chat request needs (tool schemas included). */
    static final int MAX_DEPTH = 64;
    /** JSON tokens (values, keys, brackets) in one body: a long conversation with many tools has tens of thousands. */
    static final long MAX_TOKENS = 200_000;
    /** Heap estimate of one parsed element (node, map entry, key) beyond its text. */
    static final long BYTES_PER_TOKEN = 200;
    /** Heap estimate per body byte: its strings in the tree (UTF-16 at worst) and the copy sent upstream. */
    static final long BYTES_PER_BYTE = 3;

    private final JsonMapper mapper;

    IngressJson(int maxBodyBytes) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxTokenCount(MAX_TOKENS).maxStringLength(Math.max(maxBodyBytes, 1024))
                .maxNameLength(1024).maxNumberLength(100).maxDocumentLength(maxBodyBytes).build()).build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    /** The heap the parsed tree of {@code body} will take, roughly; throws when the body breaks a limit or is not JSON. */
    long weigh(byte[] body) throws JacksonException {
        long tokens = 0;
        try (JsonParser parser = mapper.createParser(body)) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens * BYTES_PER_TOKEN + body.length * BYTES_PER_BYTE;
    }

    JsonNode tree(byte[] body) throws JacksonException {
        return mapper.readTree(body);
    }

    /**
     * A check of a body's bytes as they arrive, for the limits a hostile body breaks in its first kilobytes:
     * nesting deeper than {@link #MAX_DEPTH}, or more than {@link #MAX_TOKENS} brackets and field names (fewer
     * than the tokens {@link #weigh} counts, so no body that {@link #weigh} accepts is refused here). A body of
     * millions of {@code {}} is refused after about 300 KB and one of nested arrays after 65 bytes, instead of
     * after all of its megabytes are read and scanned again. Not JSON validation: {@link #weigh} still runs on
     * what passes. Used by one thread.
     */
    static final class Scan {
        private int depth;
        private long structural;
        private boolean inString;
        private boolean escaped;
        private String refusal;

        /** Scans {@code length} more bytes of the body; false (and {@link #refusal} says why) once a limit is broken. */
        boolean feed(byte[] bytes, int offset, int length) {
            if (refusal != null) {
                return false;
            }
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                if (inString) {
                    if (escaped) {
                        escaped = false;
                        continue;
                    }
                    while (i < end && bytes[i] != '"' && bytes[i] != '\\') {
                        i++; // the bulk of a long string: nothing to count
                    }
                    if (i == end) {
                        break;
                    }
                    if (bytes[i] == '\\') {
                        escaped = true;
                    } else {
                        inString = false;
                    }
                    continue;
                }
                switch (bytes[i]) {
                    case '"' -> inString = true;
                    case '{', '[' -> {
                        structural++;
                        if (++depth > MAX_DEPTH) {
                            refusal = "nesting deeper than " + MAX_DEPTH;
                            return false;
                        }
                    }
                    case '}', ']' -> {
                        structural++;
                        depth = Math.max(0, depth - 1);
                    }
                    case ':' -> structural++;
                    default -> {
                    }
                }
            }
            if (structural > MAX_TOKENS) {
                refusal = "more than " + MAX_TOKENS + " elements";
                return false;
            }
            return true;
        }

        /** Why {@link #feed} refused the body; null while it has not. */
        String refusal() {
            return refusal;
        }
    }
}
