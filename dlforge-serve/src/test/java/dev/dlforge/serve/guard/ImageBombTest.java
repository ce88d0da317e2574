package dev.dlforge.serve.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.image.PngBytes;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.Http.Reply;
import dev.dlforge.serve.ServedApi;
import dev.dlforge.serve.TrainedModels;
import dev.dlforge.serve.api.ServeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/**
 * Decompression bombs through the API: a PNG whose header claims 20000x20000 RGBA and a real black
 * 20000x20000 PNG (389 KB, 400 MB decoded), one and four at once, get a fast JSON 413 naming the
 * limit; the heap does not grow by the image, and the model goes on answering. On 0b28e13 the first
 * reserved 1.5 GB before a 400, the second was decoded (200), and four at once gave OutOfMemoryErrors.
 */
@EndToEnd
class ImageBombTest {
    @Test
    void bombsAreRefusedFromTheirHeaderAndTheServerGoesOn() throws Exception {
        byte[] header = PngBytes.headerOnly(20_000, 20_000, PngBytes.RGBA);
        byte[] black = PngBytes.black(20_000, 20_000);
        try (ServedApi api = ServedApi.start(ServeConfig.local(0), "digits", TrainedModels.digits())) {
            Http http = api.http();
            long heapBefore = usedHeap();
            for (byte[] bomb : List.of(header, black)) {
                long start = System.nanoTime();
                Reply r = http.post("/v1/models/digits/predict", "image/png", bomb);
                assertThat((System.nanoTime() - start) / 1e9).as("seconds to refuse").isLessThan(2.0);
                assertThat(r.status()).as(r.text()).isEqualTo(413);
                assertThat(r.json().get("error").asText()).contains("20000x20000");
                assertThat(r.json().get("hint").asText()).isNotBlank();
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Reply>> four = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    four.add(pool.submit(() -> http.post("/v1/models/digits/predict", "image/png", black)));
                }
                for (Future<Reply> f : four) {
                    assertThat(f.get().status()).isEqualTo(413);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(usedHeap() - heapBefore).as("heap growth, bytes").isLessThan(200L << 20);
            assertThat(http.post("/v1/models/digits/predict", "image/png", Http.digitPng(4, 0)).status()).isEqualTo(200);
        }
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
