package dev.dlforge.serve.studio;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.run.HistoryCsv;
import dev.dlforge.core.run.CurrentModel;
import dev.dlforge.core.run.RunDir;
import dev.dlforge.core.run.RunInfo;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.Project;
import dev.dlforge.projects.ProjectInfo;
import dev.dlforge.projects.Evaluates;
import dev.dlforge.projects.Resumes;
import dev.dlforge.projects.Serves;
import dev.dlforge.projects.Trains;
import dev.dlforge.projects.kit.RecipeOptions;
import dev.dlforge.projects.serving.Demo;
import dev.dlforge.projects.serving.DemoSample;
import dev.dlforge.serve.RouteGroup;
import dev.dlforge.serve.api.ApiError;
import dev.dlforge.serve.guard.CrossSiteGuard;
import dev.dlforge.serve.model.CurrentModelFollower;
import dev.dlforge.serve.model.ModelRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The studio's data, under {@code /studio/api} (the pages themselves are static files in
 * {@code resources/studio}). Demos call the public API, {@code POST /v1/models/{project}/predict},
 * where each trained project is served as its current model (the pinned run, else the newest
 * completed one), picked up without a restart when a run completes, from here or from the CLI.
 *
 * <pre>
 *   GET  /studio/api/projects                          the gallery: every catalogue project, grouped by section
 *   GET  /studio/api/projects/{id}                     one project: options, demo, runs
 *   GET  /studio/api/projects/{id}/runs/{run}          a run: info, per-epoch history, plots, report
 *   GET  /studio/api/projects/{id}/runs/{run}/plots/{file}
 *   GET  /studio/api/projects/{id}/samples             demo inputs (test-set pictures), /samples/{i} their bytes
 *   POST /studio/api/train    {project, model, epochs, batchSize, learningRate, limit, seed}   -> 202 job
 *   POST /studio/api/train/stop                        stop after the current batch (resumable)
 *   POST /studio/api/train/resume   {run}              continue a stopped, interrupted or failed run from its checkpoint -> 202 job
 *   POST /studio/api/projects/{id}/pin   {run}         pin a completed run as the project's model ({run: null} unpins)
 *   (the POSTs take only Content-Type: application/json, which no HTML form on another site can send)
 *   GET  /studio/api/events                            server-sent training events
 * </pre>
 */
public final class Studio implements RouteGroup, AutoCloseable {
    private static final int SAMPLES = 20;
    private static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(2);
    private final Catalogue catalogue;
    private final RunFiles runs;
    private final ModelRegistry models;
    private final EventHub hub = new EventHub();
    private final TrainingJobs jobs;
    private final Map<Path, List<DemoSample>> samples = new ConcurrentHashMap<>();
    private final RunStore store;
    private final CurrentModelFollower follower;

    /** Each built project's demo is served by its current model, followed as runs complete or are pinned (see CurrentModel). */
    public Studio(Catalogue catalogue, RunStore store, ModelRegistry models, PrintStream console) {
        this.catalogue = catalogue;
        this.store = store;
        this.runs = new RunFiles(store);
        this.models = models;
        Map<String, String> demos = new LinkedHashMap<>();
        catalogue.all().stream().filter(p -> p instanceof Serves).forEach(p -> demos.put(p.info().id(), p.info().id()));
        this.follower = new CurrentModelFollower(store, models, demos, FOLLOW_INTERVAL, line -> console.println("studio: " + line));
        this.jobs = new TrainingJobs(hub, console, run -> follower.refresh());
    }

    public TrainingJobs jobs() {
        return jobs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/studio/api/projects", ctx -> ctx.json(gallery()));
        routes.get("/studio/api/projects/{id}", ctx -> ctx.json(project(ctx.pathParam("id"))));
        routes.get("/studio/api/projects/{id}/runs/{run}", ctx -> ctx.json(run(ctx.pathParam("id"), ctx.pathParam("run"))));
        routes.get("/studio/api/projects/{id}/runs/{run}/plots/{file}", this::plot);
        routes.get("/studio/api/projects/{id}/samples", ctx -> ctx.json(sampleList(ctx.pathParam("id"))));
        routes.get("/studio/api/projects/{id}/samples/{index}", this::sample);
        routes.post("/studio/api/train", ctx -> {
            CrossSiteGuard.requireJson(ctx);
            TrainRequest request = parse(ctx, TrainRequest.class).validated();
            ctx.status(202).json(jobs.start(capable(request.project(), Trains.class), request));
        });
        routes.post("/studio/api/train/stop", ctx -> {
            CrossSiteGuard.requireJson(ctx);
            ctx.json(jobs.stop());
        });
        routes.post("/studio/api/train/resume", ctx -> {
            CrossSiteGuard.requireJson(ctx);
            RunDir run = resumable(parse(ctx, ResumeRequest.class));
            ctx.status(202).json(jobs.resume(capable(run.info().project(), Resumes.class), run));
        });
        routes.post("/studio/api/projects/{id}/pin", ctx -> {
            CrossSiteGuard.requireJson(ctx);
            ctx.json(pin(ctx.pathParam("id"), parse(ctx, PinRequest.class)));
        });
        routes.get("/studio/api/job", ctx -> ctx.json(Optional.ofNullable(jobs.current()).map(Object.class::cast).orElse(Map.of())));
        routes.sse("/studio/api/events", hub::join);
    }

    /** Card data for every project, grouped by section in catalogue order. */
    private Map<String, Object> gallery() {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        for (Project p : catalogue.all()) {
            sections.computeIfAbsent(p.info().section(), s -> new ArrayList<>()).add(card(p));
        }
        List<Map<String, Object>> list = new ArrayList<>();
        sections.forEach((name, cards) -> list.add(Map.of("name", name, "projects", cards)));
        return Map.of("sections", list);
    }

    private Map<String, Object> card(Project p) {
        ProjectInfo info = p.info();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("id", info.id());
        card.put("level", info.level());
        card.put("title", info.title());
        card.put("teaches", info.teaches());
        card.put("worksWhen", info.worksWhen());
        card.put("offlineSource", info.offlineSource());
        card.put("built", p.built());
        String status = "planned";
        if (p.built()) {
            String metric = p instanceof Evaluates e ? e.headline().metric() : "";
            Optional<CurrentModel> current = store.currentModel(info.id());
            status = current.isPresent() ? "trained" : "not trained";
            current.ifPresent(m -> {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("run", m.run().id());
                shown.put("path", m.run().path().toString());
                shown.put("pinned", m.pinned());
                shown.put("metric", metric);
                shown.put("value", m.run().info().metrics().get(metric));
                card.put("current", shown);
            });
        }
        card.put("status", status);
        return card;
    }

    private Map<String, Object> project(String id) {
        Project p = known(id);
        Map<String, Object> page = card(p);
        if (p.built()) {
            RecipeOptions fields = p instanceof Trains t ? t.recipeOptions() : RecipeOptions.flat();
            page.put("models", p instanceof Trains t ? t.models() : List.of());
            page.put("datasets", p instanceof Trains t ? t.datasets() : List.of());
            page.put("metric", p instanceof Evaluates e ? e.headline().metric() : "");
            page.put("demo", p instanceof Serves s ? s.demo() : null);
            page.put("served", models.modelDir(id).isPresent() ? id : null);
            page.put("servedRun", models.run(id).orElse(null));
            List<Map<String, Object>> list = new ArrayList<>();
            for (RunDir r : runs.runsOf(id)) {
                RunInfo info = r.info();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", r.id());
                row.put("status", info.status());
                row.put("created", info.created());
                row.put("model", RecipeOptions.valueAt(info.recipe(), fields.model()).asText(""));
                row.put("dataset", RecipeOptions.valueAt(info.recipe(), fields.dataset()).asText(""));
                row.put("epochs", RecipeOptions.valueAt(info.recipe(), fields.epochs()).asInt());
                row.put("metrics", info.metrics());
                row.put("message", info.message());
                row.put("resumable", p instanceof Resumes && info.canResume());
                row.put("path", r.path().toString()); // unique where ids are not (runs kept in --out folders of one name)
                list.add(row);
            }
            page.put("runs", list);
        }
        return page;
    }

    private Map<String, Object> run(String project, String runId) throws IOException {
        RunDir run = runs.run(project, runId);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("info", run.info());
        page.put("history", Files.isRegularFile(run.historyCsv()) ? HistoryCsv.read(run.historyCsv()) : List.of());
        page.put("plots", runs.plots(run));
        page.put("report", Files.isRegularFile(run.report()) ? Files.readString(run.report()) : "");
        return page;
    }

    private void plot(Context ctx) throws IOException {
        RunDir run = runs.run(ctx.pathParam("id"), ctx.pathParam("run"));
        ctx.contentType("image/png").result(Files.readAllBytes(runs.plot(run, ctx.pathParam("file"))));
    }

    private List<Map<String, Object>> sampleList(String project) {
        List<DemoSample> list = samplesOf(project);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(Map.of("index", i, "label", list.get(i).label(), "url", "/studio/api/projects/" + project + "/samples/" + i));
        }
        return out;
    }

    private void sample(Context ctx) {
        List<DemoSample> list = samplesOf(ctx.pathParam("id"));
        int i;
        try {
            i = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            i = -1;
        }
        if (i < 0 || i >= list.size()) {
            throw new ApiError(404, "no sample " + ctx.pathParam("index"), "GET .../samples lists them");
        }
        ctx.contentType(list.get(i).contentType()).result(list.get(i).bytes());
    }

    private List<DemoSample> samplesOf(String project) {
        Serves t = capable(project, Serves.class);
        Optional<Path> dir = models.modelDir(project);
        if (dir.isEmpty()) {
            return List.of();
        }
        return samples.computeIfAbsent(dir.get(), d -> t.demoSamples(new RunDir(d.getParent()), SAMPLES));
    }

    /** A resume request: {@code run} is a run id ({@code project/run-id} where ids repeat across projects). */
    record ResumeRequest(String run) {}

    private RunDir resumable(ResumeRequest request) {
        if (request.run() == null || !request.run().matches("([A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ApiError(400, "the request names no run id", "send {\"run\": \"<run id>\"} with an id from the project's Runs table");
        }
        return store.named(request.run()).orElseThrow(() -> new ApiError(404, "no run '" + request.run() + "'", "the project's Runs table lists them"));
    }

    /**
     * A pin request: {@code run} is one of the project's runs, by id or by the folder the Runs table
     * lists (ids repeat across {@code --out} folders), or null to let the newest completed run answer again.
     */
    record PinRequest(String run) {}

    private Map<String, Object> pin(String project, PinRequest request) {
        capable(project, Serves.class);
        if (request.run() == null) {
            store.unpin(project);
        } else {
            // Only a run the project lists: a request never names an arbitrary folder.
            List<RunDir> matching = runs.runsOf(project).stream()
                    .filter(r -> r.path().toString().equals(request.run()) || r.id().equals(request.run())).toList();
            if (matching.isEmpty()) {
                throw new ApiError(404, "no run '" + request.run() + "' in project " + project, "the project's Runs table lists them");
            }
            store.pin(project, matching.size() == 1 ? matching.get(0).path().toString() : request.run());
        }
        follower.refresh();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("project", project);
        store.currentModel(project).ifPresent(m -> {
            page.put("run", m.run().id());
            page.put("pinned", m.pinned());
        });
        return page;
    }

    private Project known(String id) {
        return catalogue.all().stream().filter(p -> p.info().id().equals(id)).findFirst()
                .orElseThrow(() -> new ApiError(404, "no project '" + id + "'", "the gallery lists them"));
    }

    /** The project {@code id} as {@code capability}: 404 when there is no such project, 400 when it lacks the capability (or is not built). */
    private <C> C capable(String id, Class<C> capability) {
        known(id);
        try {
            return catalogue.capable(id, capability);
        } catch (DlforgeException e) {
            throw new ApiError(400, e.getMessage(), e.hint());
        }
    }

    private static <T> T parse(Context ctx, Class<T> type) {
        try {
            return Json.MAPPER.readValue(ctx.bodyAsBytes(), type);
        } catch (IOException e) {
            throw new ApiError(400, "the body is not a valid " + type.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""),
                    "send JSON such as {\"project\": \"digits\", \"epochs\": 2}");
        }
    }

    @Override
    public void close() {
        follower.close();
        hub.close();
    }
}
