package dev.dlforge.serve.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlforge.core.DlforgeHome;
import dev.dlforge.serve.StudioMain;
import dev.dlforge.serve.load.ChildProcessServer;
import dev.dlforge.serve.load.StudioTrainings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import dev.dlforge.core.testing.EndToEnd;

/**
 * A studio that trains one small run after another stays the size of one run (issue 25: its
 * resident memory grew from 482 MB to 3.37 GB over six small trainings). The studio runs in a JVM of
 * its own, set up as the {@code dlforge} launcher sets it up (its malloc settings, no heap option),
 * so that its resident memory is measured alone, heap and native together.
 */
@EndToEnd
class StudioMemoryTest {
    private static final int TRAININGS = 10;
    private static final double ALLOWED_GROWTH_MB = 300;

    @Test
    void tenTrainingsInARowLeaveResidentMemoryFlat() throws Exception {
        Path log = Files.createTempFile("dlforge-studio-memory", ".log");
        List<String> jvm = List.of("-Ddlforge.home=" + DlforgeHome.current().root(), "-Dai.djl.offline=true", "-Djava.awt.headless=true");
        List<Double> rss = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        try (ChildProcessServer studio = ChildProcessServer.start(ChildProcessServer.javaCommand(jvm, StudioMain.class.getName(), List.of()),
                Map.of("GLIBC_TUNABLES", launcherMallocTunables()), log, Duration.ofSeconds(60))) {
            StudioTrainings trainings = new StudioTrainings(studio.url());
            for (int i = 0; i < TRAININGS; i++) {
                String request = StudioTrainings.NEWCOMER_MIX.get(i % StudioTrainings.NEWCOMER_MIX.size());
                StudioTrainings.Ended end = trainings.train(request, Duration.ofMinutes(3));
                assertThat(end.status()).as("%s: %s (studio log %s)", request, end.message(), log).isEqualTo("completed");
                rss.add(studio.rssMegabytes());
                runs.add(end.project() + " " + Math.round(rss.get(i)) + " MB");
            }
        }
        System.out.println("studio RSS after each training: " + runs);
        assertThat(rss.get(TRAININGS - 1) - rss.get(1)).as("MB gained from the 2nd to the %dth training: %s", TRAININGS, runs)
                .isLessThan(ALLOWED_GROWTH_MB);
    }

    /** The GLIBC_TUNABLES default that the launcher script exports: the studio is tested with the user's settings. */
    private static String launcherMallocTunables() throws Exception {
        Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("dlforge");
        Matcher m = Pattern.compile("GLIBC_TUNABLES:-([^}\"]+)").matcher(Files.readString(launcher));
        assertThat(m.find()).as("the launcher %s sets GLIBC_TUNABLES", launcher).isTrue();
        return m.group(1);
    }
}
