package dev.dlforge.serve.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.run.HistoryCsv;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.serve.Http;
import dev.dlforge.serve.Http.Reply;
import dev.dlforge.serve.StudioServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/** One training at a time, Stop as Ctrl-C (a checkpoint, resumable), and Resume, through the studio's HTTP API. */
@EndToEnd
class StudioTrainingControlTest {
    /** Long enough that a stop lands mid-run (the run folder exists before its first batch): 12 epochs of 10 batches. */
    private static final String LONG_DIGITS = "{\"project\": \"digits\", \"model\": \"mlp\", \"epochs\": 12, \"limit\": 300, \"batchSize\": 32}";
    private static StudioServer studio;
    private static Http http;

    @BeforeAll
    static void start() {
        studio = StudioServer.start();
        http = Http.to(studio.server().url());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        studio.studio().jobs().await(60_000);
        studio.close();
    }

    @Test
    void twoRacingTrainRequestsGiveOneJobAndOneRefusalNamingTheRunningOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replies.add(pool.submit(() -> {
                ready.countDown();
                ready.await();
                return post("/studio/api/train", LONG_DIGITS);
            }));
        }
        Reply first = replies.get(0).get();
        Reply second = replies.get(1).get();
        pool.shutdown();
        assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(202, 409);
        Reply refused = first.status() == 409 ? first : second;
        String runId = waitForRunningRun();
        Reply later = post("/studio/api/train", "{\"project\": \"fashion\"}");
        assertThat(later.status()).isEqualTo(409);
        for (Reply r : List.of(refused, later)) {
            assertThat(r.json().get("error").asText()).contains("a digits run is already training");
            assertThat(r.json().get("hint").asText()).contains("stop it").contains("/studio/api/train/stop");
        }
        assertThat(later.json().get("error").asText()).contains("run " + runId);
        // The job knows its run from the trainer (the lifecycle's RunListener), not from a search of the store.
        assertThat(studio.studio().jobs().current().run()).isEqualTo(runId);
        assertThat(post("/studio/api/train/stop", "{}").status()).isEqualTo(200);
        assertThat(waitForEnd().get("status").asText()).isEqualTo("stopped");
    }

    @Test
    void stopWritesACheckpointAndResumeContinuesTheRunToTheEnd() throws Exception {
        JsonNode job = post("/studio/api/train", LONG_DIGITS).json();
        String runId = waitForRunningRun();
        Reply stopped = post("/studio/api/train/stop", "{}");
        assertThat(stopped.status()).as(stopped.text()).isEqualTo(200);
        JsonNode end = waitForEnd();
        assertThat(end.get("id").asText()).isEqualTo(job.get("id").asText());
        assertThat(end.get("status").asText()).as(end.toString()).isEqualTo("stopped");
        assertThat(end.get("run").asText()).isEqualTo(runId);
        RunDir run = new RunStore(DlforgeHome.current()).named("digits/" + runId).orElseThrow();
        assertThat(run.info().status()).isEqualTo(RunInfo.STOPPED);
        assertThat(run.info().canResume()).isTrue();
        var checkpoint = run.checkpoints().latestReadable(skipped -> {}).orElseThrow();
        int stoppedAt = CheckpointStore.stateOf(checkpoint).epoch();
        assertThat(stoppedAt).as("epochs in the checkpoint").isLessThan(12);

        assertThat(post("/studio/api/train/resume", "{\"run\": \"nope\"}").status()).isEqualTo(404);
        assertThat(post("/studio/api/train/resume", "{\"run\": \"../../etc\"}").status()).isEqualTo(400);
        assertThat(http.post("/studio/api/train/resume", "text/plain", ("{\"run\": \"" + runId + "\"}").getBytes()).status())
                .isIn(403, 415);
        Reply resumed = post("/studio/api/train/resume", "{\"run\": \"" + runId + "\"}");
        assertThat(resumed.status()).as(resumed.text()).isEqualTo(202);
        assertThat(resumed.json().get("run").asText()).isEqualTo(runId);
        Reply racing = post("/studio/api/train/resume", "{\"run\": \"" + runId + "\"}");
        assertThat(racing.status()).isEqualTo(409);
        assertThat(racing.json().get("error").asText()).contains("run " + runId);
        JsonNode resumedEnd = waitForEnd();
        assertThat(resumedEnd.get("status").asText()).as(resumedEnd.toString()).isEqualTo("completed");
        assertThat(resumedEnd.get("run").asText()).isEqualTo(runId);
        assertThat(run.info().status()).isEqualTo(RunInfo.COMPLETED);
        assertThat(HistoryCsv.read(run.historyCsv())).as("one row per epoch, before and after the stop").hasSize(12);

        Reply again = post("/studio/api/train/resume", "{\"run\": \"" + runId + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).contains("completed").contains("nothing to resume");
    }

    /** The run the studio's job is training, once its folder exists and its first batch has run. */
    private static String waitForRunningRun() throws InterruptedException {
        RunStore store = new RunStore(DlforgeHome.current());
        for (int i = 0; i < 600; i++) {
            for (RunDir r : store.runsOf("digits")) {
                RunInfo info = r.info();
                if (RunInfo.RUNNING.equals(info.status()) && info.owner() != null && info.owner().isCurrentProcess()
                        && studio.studio().jobs().current().status().equals("running")) {
                    return info.id();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no digits run started training within 30 s");
    }

    private static JsonNode waitForEnd() throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode job = http.get("/studio/api/job").json();
            if (!"running".equals(job.get("status").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not end within 2 minutes");
    }

    private static Reply post(String path, String json) {
        return http.post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
}
