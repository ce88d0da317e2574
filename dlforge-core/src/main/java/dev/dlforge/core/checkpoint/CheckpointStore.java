package dev.dlforge.core.checkpoint;

import dev.dlforge.core.io.AtomicFiles;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.core.train.TrainingTask;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Checkpoints of one run, as {@code step-00001234.ckpt} files: a zip holding {@code state.json}
 * (the {@link TrainerState}) and {@code task.bin} (weights and optimiser state). Each is written
 * atomically, so a kill at any moment leaves the previous one intact; the newest few are kept.
 */
public final class CheckpointStore {
    private static final Pattern NAME = Pattern.compile("step-(\\d+)\\.ckpt");
    private static final String STATE = "state.json";
    private static final String TASK = "task.bin";

    private final Path dir;
    private final int keep;

    public CheckpointStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = Math.max(1, keep);
    }

    public Path dir() {
        return dir;
    }

    public Path save(TrainerState state, TrainingTask task) throws IOException {
        Path target = dir.resolve(String.format("step-%08d.ckpt", state.globalStep()));
        AtomicFiles.write(target, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(STATE));
                zip.write(Json.write(state).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(TASK));
                DataOutputStream data = new DataOutputStream(zip);
                task.writeState(data);
                data.flush();
                zip.closeEntry();
            }
        });
        prune();
        return target;
    }

    /** Checkpoints on disk, newest first; in-flight files are not among them. */
    public List<Path> list() throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(found::add);
            }
        }
        found.sort(Comparator.comparingLong(CheckpointStore::step).reversed());
        return found;
    }

    /** The newest checkpoint that opens cleanly; damaged ones are skipped. */
    public Optional<Path> latestReadable() throws IOException {
        return latestReadable(skipped -> {});
    }

    /**
     * The newest checkpoint that opens cleanly, telling {@code skipped} of each newer one passed over
     * and why: a resume that quietly went back an epoch would look like lost work.
     */
    public Optional<Path> latestReadable(Consumer<String> skipped) throws IOException {
        for (Path p : list()) {
            String problem = problem(p);
            if (problem == null) {
                return Optional.of(p);
            }
            skipped.accept("skipped checkpoint " + p + ": " + problem);
        }
        return Optional.empty();
    }

    /** Where the run stood at {@code checkpoint}, without touching any tensor. */
    public static TrainerState stateOf(Path checkpoint) throws IOException {
        try (ZipFile zip = new ZipFile(checkpoint.toFile()); InputStream in = entry(zip, STATE)) {
            return Json.MAPPER.readValue(in, TrainerState.class);
        } catch (IOException e) {
            throw new IOException("checkpoint " + checkpoint.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Restores the task's tensors from {@code checkpoint} and returns where the run stood. */
    public static TrainerState restore(Path checkpoint, TrainingTask task) throws IOException {
        try (ZipFile zip = new ZipFile(checkpoint.toFile())) {
            TrainerState state;
            try (InputStream in = entry(zip, STATE)) {
                state = Json.MAPPER.readValue(in, TrainerState.class);
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(entry(zip, TASK), 1 << 16))) {
                task.readState(in);
            }
            return state;
        } catch (IOException e) {
            throw new IOException("checkpoint " + checkpoint.getFileName() + " cannot be restored: " + e.getMessage(), e);
        }
    }

    private static InputStream entry(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException("missing " + name);
        }
        return zip.getInputStream(e);
    }

    /** Why {@code p} cannot be resumed from, or null when it opens with both entries and a readable state. */
    private static String problem(Path p) {
        try (ZipFile zip = new ZipFile(p.toFile())) {
            for (String name : new String[] {STATE, TASK}) {
                if (zip.getEntry(name) == null) {
                    return "it lacks " + name + " (written by an older or interrupted dlforge)";
                }
            }
            try (InputStream in = zip.getInputStream(zip.getEntry(STATE))) {
                Json.MAPPER.readValue(in, TrainerState.class);
            }
            return null;
        } catch (IOException e) {
            long size = p.toFile().length();
            return "it is truncated or corrupt (" + size + " bytes; " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + ")";
        }
    }

    private void prune() throws IOException {
        AtomicFiles.deleteLeftovers(dir);
        List<Path> all = list();
        for (int i = keep; i < all.size(); i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    private static long step(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
