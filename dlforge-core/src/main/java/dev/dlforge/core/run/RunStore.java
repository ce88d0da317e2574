package dev.dlforge.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * All runs under {@code $DLFORGE_HOME/runs/<project>/<run-id>}. A run written elsewhere ({@code --out})
 * leaves a {@code <run-id>.link} file there holding its path, so it is listed and found like the others.
 */
public final class RunStore {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String LINK = ".link";
    private final Path root;
    private final RunPins pins;

    public RunStore(DlforgeHome home) {
        this.root = home.runs();
        this.pins = new RunPins(root);
    }

    /**
     * Creates a run folder, in {@code out} when given or else under the home, and writes its
     * {@code run.json}; fails with a clear error when the place is not writable.
     */
    public RunDir create(String project, JsonNode recipe, Path out) {
        Path dir = out != null ? out.toAbsolutePath() : uniqueDir(root.resolve(project));
        try {
            if (Files.isRegularFile(dir.resolve("run.json"))) {
                throw new DlforgeException("output folder " + dir + " already holds a run",
                        "pick a new --out folder, or continue it with --resume " + dir);
            }
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new AccessDeniedException(dir.toString());
            }
        } catch (IOException e) {
            throw new DlforgeException("cannot write run folder " + dir + ": " + describe(e),
                    "choose a writable folder with --out, or set DLFORGE_HOME");
        }
        RunDir run = new RunDir(dir);
        String now = Instant.now().toString();
        run.writeInfo(new RunInfo(run.id(), project, "running", now, now, recipe, Map.of(), ""));
        if (out != null) {
            link(project, dir);
        }
        return run;
    }

    /**
     * Finds a run by folder path, {@code project/run-id}, {@code run-id}, or a project id (its
     * newest run, whatever its status: what {@code train --resume PROJECT} continues).
     */
    public RunDir resolve(String ref) {
        return named(ref).orElseGet(() -> {
            List<RunDir> ofProject = runsOf(ref);
            if (ofProject.isEmpty()) {
                throw noSuchRun(ref);
            }
            return ofProject.get(ofProject.size() - 1);
        });
    }

    /**
     * The run whose model {@code ref} means: a run named by folder, {@code project/run-id} or
     * {@code run-id} is that run, as asked; a project id means its {@link #currentModel}. This is what
     * {@code predict}, {@code eval}, {@code serve}, {@code generate} and {@code chat} use, so a failed or
     * killed newest run never hides a good one.
     */
    public RunDir resolveModel(String ref) {
        Optional<RunDir> named = named(ref);
        if (named.isPresent()) {
            return named.get();
        }
        return requireCurrentModel(ref).run();
    }

    /** The project's {@link #currentModel}, or an error saying why it has none and what to do. */
    public CurrentModel requireCurrentModel(String project) {
        List<RunDir> ofProject = runsOf(project);
        if (ofProject.isEmpty()) {
            throw noSuchRun(project);
        }
        return currentModel(project).orElseThrow(() -> {
            RunDir newest = ofProject.get(ofProject.size() - 1);
            return new DlforgeException("project " + project + " has no completed run with a model (its newest, " + newest.id()
                    + ", is " + newest.info().status() + ")", "train one with `dlforge train " + project
                    + "`, or name a run: `dlforge runs " + project + "` lists them");
        });
    }

    /** The project's current model (see {@link CurrentModel} for the rule); empty when no run has a completed model. */
    public Optional<CurrentModel> currentModel(String project) {
        return currentModel(project, runsOf(project));
    }

    /** Every project's current model, from one listing of the runs (what the studio and {@code serve} poll). */
    public Map<String, CurrentModel> currentModels() {
        Map<String, List<RunDir>> byProject = new TreeMap<>();
        for (RunDir r : list()) {
            byProject.computeIfAbsent(r.info().project(), p -> new ArrayList<>()).add(r);
        }
        Map<String, CurrentModel> current = new TreeMap<>();
        byProject.forEach((project, runs) -> currentModel(project, runs).ifPresent(m -> current.put(project, m)));
        return current;
    }

    private Optional<CurrentModel> currentModel(String project, List<RunDir> runs) {
        List<RunDir> candidates = runs.stream().filter(RunStore::hasCompletedModel).toList();
        Optional<Path> pin = pins.pinned(project);
        if (pin.isPresent()) {
            Optional<RunDir> pinned = candidates.stream().filter(r -> r.path().toAbsolutePath().equals(pin.get())).findFirst();
            if (pinned.isPresent()) {
                return Optional.of(new CurrentModel(pinned.get(), true));
            }
        }
        return candidates.isEmpty() ? Optional.empty() : Optional.of(new CurrentModel(candidates.get(candidates.size() - 1), false));
    }

    /**
     * Pins {@code runRef} ({@code run-id}, {@code project/run-id} or a folder) as its project's model
     * until unpinned; only a completed run with a model can be pinned.
     */
    public CurrentModel pin(String project, String runRef) {
        RunDir run = runOf(project, runRef);
        if (!project.equals(run.info().project())) {
            throw new DlforgeException("run " + run.id() + " belongs to project " + run.info().project() + ", not " + project,
                    "pin it as `dlforge runs pin " + run.info().project() + " " + run.id() + "`");
        }
        if (!hasCompletedModel(run)) {
            throw new DlforgeException("run " + project + "/" + run.id() + " is " + run.info().status() + " and cannot answer for "
                    + project + " (only a completed run with a model can be pinned)", "`dlforge runs " + project + "` shows the completed ones");
        }
        pins.pin(project, run.path().toAbsolutePath());
        return new CurrentModel(run, true);
    }

    /**
     * The run {@code ref} names for {@code project}: a run id among the project's runs first, else any
     * run {@link #named} so (the caller checks that it belongs to the project).
     */
    public RunDir runOf(String project, String ref) {
        List<RunDir> byId = runsOf(project).stream().filter(r -> r.id().equals(ref)).toList();
        if (byId.size() > 1) {
            throw new DlforgeException("project " + project + " has " + byId.size() + " runs called " + ref + " (kept in different --out folders)",
                    "name the one you mean by its folder: " + byId.get(byId.size() - 1).path());
        }
        return byId.stream().findFirst().or(() -> named(ref)).orElseThrow(() -> new DlforgeException(
                "no run '" + ref + "' in project " + project, "`dlforge runs " + project + "` lists its runs"));
    }

    /** Lets the newest completed run answer for {@code project} again; returns whether a run was pinned. */
    public boolean unpin(String project) {
        return pins.unpin(project);
    }

    private static boolean hasCompletedModel(RunDir r) {
        return r.info().isCompleted() && Files.isRegularFile(r.model().resolve("model.json"));
    }

    /** The project's runs, oldest first. */
    public List<RunDir> runsOf(String project) {
        return list().stream().filter(r -> project.equals(r.info().project())).toList();
    }

    /**
     * The run {@code ref} names by folder, {@code project/run-id} or {@code run-id}; empty for anything
     * else (such as a project id, which {@link #resolve} and {@link #resolveModel} interpret).
     */
    public Optional<RunDir> named(String ref) {
        try {
            Path asPath = Path.of(ref);
            if (Files.isRegularFile(asPath.resolve("run.json"))) {
                return Optional.of(new RunDir(asPath.toAbsolutePath()));
            }
            if (Files.isRegularFile(root.resolve(ref).resolve("run.json"))) {
                return Optional.of(new RunDir(root.resolve(ref)));
            }
            Path linked = followLink(root.resolve(ref + LINK));
            if (linked != null) {
                return Optional.of(new RunDir(linked));
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        List<RunDir> byId = list().stream().filter(r -> r.id().equals(ref)).toList();
        if (byId.stream().map(r -> r.info().project()).distinct().count() > 1) {
            throw new DlforgeException("run id " + ref + " exists in several projects", "write it as project/" + ref);
        }
        if (byId.size() > 1) {
            throw new DlforgeException("several runs are called " + ref + " (kept in different --out folders)",
                    "name the one you mean by its folder: " + byId.get(byId.size() - 1).path());
        }
        return byId.stream().findFirst();
    }

    private DlforgeException noSuchRun(String ref) {
        return new DlforgeException("no run '" + ref + "' (not a run folder, run id or project with runs)",
                "`dlforge runs` lists the runs under " + root);
    }

    /** Every run under the home, oldest first; folders with a damaged run.json are left out. */
    public List<RunDir> list() {
        List<Map.Entry<String, RunDir>> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var projects = Files.list(root)) {
            for (Path project : (Iterable<Path>) projects::iterator) {
                if (!Files.isDirectory(project)) {
                    continue;
                }
                try (var entries = Files.list(project)) {
                    for (Path e : (Iterable<Path>) entries::iterator) {
                        Path dir = e.getFileName().toString().endsWith(LINK) ? followLink(e) : e;
                        if (dir != null && Files.isRegularFile(dir.resolve("run.json"))) {
                            RunDir run = new RunDir(dir);
                            try {
                                found.add(Map.entry(run.info().created(), run));
                            } catch (DlforgeException damaged) {
                                // listed by nobody; `dlforge eval` on it explains what is wrong
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new DlforgeException("cannot list runs in " + root + ": " + e.getMessage(), "check the folder's permissions");
        }
        found.sort(Map.Entry.comparingByKey());
        return found.stream().map(Map.Entry::getValue).toList();
    }

    /** Records a run kept outside the home; failing to is no reason to fail the run. */
    private void link(String project, Path dir) {
        try {
            Path parent = Files.createDirectories(root.resolve(project));
            String name = dir.getFileName().toString();
            Path link = parent.resolve(name + LINK);
            for (int i = 2; Files.exists(link) && !dir.equals(followLink(link)); i++) {
                link = parent.resolve(name + "-" + i + LINK);
            }
            AtomicFiles.writeString(link, dir + "\n");
        } catch (IOException e) {
            System.err.println("note: run " + dir + " will not be listed by `dlforge runs` (" + e.getMessage() + ")");
        }
    }

    private static Path followLink(Path link) {
        try {
            if (!Files.isRegularFile(link)) {
                return null;
            }
            Path target = Path.of(Files.readString(link).strip());
            return Files.isRegularFile(target.resolve("run.json")) ? target : null;
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    private static Path uniqueDir(Path parent) {
        String base = LocalDateTime.now().format(ID);
        Path dir = parent.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = parent.resolve(base + "-" + i);
        }
        return dir;
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
