package dev.dlforge.serve.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.engine.ProcessMemory;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.ServedApi;
import dev.dlforge.serve.TrainedModels;
import dev.dlforge.serve.batch.BatchingConfig;
import dev.dlforge.serve.load.LoadGenerator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/**
 * 10,000 requests through the real server leave resident memory flat. This module's tests run with
 * a fixed heap touched at start-up ({@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch}), so resident memory
 * moves only with native memory: a leak of one input array per request (3 KB) would add 30 MB.
 */
@EndToEnd
class ServeMemoryTest {

    @Test
    void tenThousandRequestsLeaveNativeMemoryFlat() throws Exception {
        try (ServedApi api = ServedApi.start(new ServeConfig("127.0.0.1", 0, null, new BatchingConfig(32, 2, 1024), 1 << 20, 30_000),
                "digits", TrainedModels.digits())) {
            List<byte[]> pictures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                pictures.add(Http.digitPng(i % 10, i));
            }
            LoadGenerator load = new LoadGenerator(URI.create(api.server().http().url() + "/v1/models/digits/predict"), "image/png",
                    pictures, (i, body) -> body.contains("\"label\""));
            assertThat(load.run(2_000, 16).ok()).isEqualTo(2_000); // warm-up: pools, JIT, allocator
            double before = ProcessMemory.rssMegabytes();
            LoadGenerator.Result result = load.run(10_000, 16);
            double after = ProcessMemory.rssMegabytes();
            assertThat(result.ok()).as("%s", result.failures()).isEqualTo(10_000);
            assertThat(after - before).as("MB of resident memory gained over 10,000 requests").isLessThan(24);
        }
    }
}
