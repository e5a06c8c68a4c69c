package dev.gapwise.gateway.embeddings;

import dev.gapwise.gateway.dialect.neutral.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The re-encoding of vectors between JSON floats and base64 little-endian float32, and the bundled catalog. */
class EmbeddingsMappingTest {
    @Test
    void packsLittleEndianFloat32() {
        // 1.0f is 0x3F800000: little-endian bytes 00 00 80 3F; -2.0f is 0xC0000000: 00 00 00 C0
        assertThat(EmbeddingsMapping.pack(new float[] {1.0f, -2.0f})).isEqualTo("AACAPwAAAMA=");
        assertThat(EmbeddingsMapping.unpack("AACAPwAAAMA=").orElseThrow()).containsExactly(1.0f, -2.0f);
    }

    @Test
    void refusesBase64ThatIsNotWholeFloats() {
        assertThat(EmbeddingsMapping.unpack("AACA")).isEmpty();
        assertThat(EmbeddingsMapping.unpack("not base64!")).isEmpty();
    }

    @Test
    void reencodesEachItemIntoTheEncodingAsked() {
        JsonNode floats = Json.MAPPER.readTree("{\"data\":[{\"index\":0,\"embedding\":[1.0,-2.0]}],\"model\":\"m\"}");
        JsonNode packed = ((EmbeddingsMapping.Encoded.Ok) EmbeddingsMapping.encode(floats,
                EmbeddingsWire.Encoding.BASE64)).answer();
        assertThat(packed.path("data").get(0).path("embedding").asString()).isEqualTo("AACAPwAAAMA=");
        assertThat(packed.path("model").asString()).isEqualTo("m");

        JsonNode unpacked = ((EmbeddingsMapping.Encoded.Ok) EmbeddingsMapping.encode(packed,
                EmbeddingsWire.Encoding.FLOAT)).answer();
        assertThat(unpacked.path("data").get(0).path("embedding").get(1).floatValue()).isEqualTo(-2.0f);
    }

    @Test
    void anAnswerWithoutVectorsIsBrokenNotPassedOn() {
        assertThat(EmbeddingsMapping.encode(Json.MAPPER.readTree("{\"object\":\"list\"}"), EmbeddingsWire.Encoding.FLOAT))
                .isInstanceOf(EmbeddingsMapping.Encoded.Broken.class);
        assertThat(EmbeddingsMapping.encode(Json.MAPPER.readTree("{\"data\":[{\"embedding\":[\"x\"]}]}"),
                EmbeddingsWire.Encoding.BASE64)).isInstanceOf(EmbeddingsMapping.Encoded.Broken.class);
    }

    @Test
    void theBundledCatalogPricesEveryEmbeddingModelWithASource() {
        List<EmbeddingCatalog.Row> rows = EmbeddingCatalog.bundled();

        assertThat(rows).extracting(EmbeddingCatalog.Row::model).contains("text-embedding-3-small",
                "text-embedding-3-large", "gemini-embedding-001", "qwen3-embedding-8b");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.inputPerMillion().signum()).isPositive();
            assertThat(row.source()).startsWith("https://");
        });
        assertThat(rows.stream().filter(r -> r.model().equals("text-embedding-3-small")).findFirst().orElseThrow()
                .inputPerMillion()).isEqualByComparingTo("0.02");
    }
}
