package dev.dlforge.projects;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.text.ClosestName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Every roadmap project, built or planned, in roadmap order (see {@link Roadmap}), and the built projects it does not list. */
public final class Catalogue {
    private final Map<String, Project> projects = new LinkedHashMap<>();

    private Catalogue(List<Project> all) {
        all.forEach(p -> projects.put(p.info().id(), p));
    }

    /**
     * The roadmap's projects in its order, each built one (registered through
     * {@code META-INF/services/dev.dlforge.projects.Project}, see {@link ServiceLoader}) in its entry's
     * place, then registered projects the roadmap does not list.
     */
    public static Catalogue standard() {
        Map<String, Project> registered = new LinkedHashMap<>();
        for (Project p : ServiceLoader.load(Project.class, Catalogue.class.getClassLoader())) {
            Project before = registered.put(p.info().id(), p);
            if (before != null) {
                throw new IllegalStateException("two projects register the id '" + p.info().id() + "': "
                        + before.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        List<Project> all = new ArrayList<>();
        for (ProjectInfo info : Roadmap.entries()) {
            Project built = registered.remove(info.id());
            all.add(built != null ? built : new PlannedProject(info));
        }
        all.addAll(registered.values());
        return new Catalogue(all);
    }

    public List<Project> all() {
        return List.copyOf(projects.values());
    }

    /** The project {@code id}; an unknown id is an error naming the closest id and listing them all. */
    public Project get(String id) {
        Project p = projects.get(id);
        if (p == null) {
            throw unknown(id, "project", "");
        }
        return p;
    }

    /** Whether {@code id} names a project of the roadmap, built or planned. */
    public boolean has(String id) {
        return projects.containsKey(id);
    }

    /**
     * "no project 'digitz': did you mean 'digits'?", listing the projects in the hint.
     *
     * @param what what {@code id} was taken for, e.g. {@code project} or {@code run or project}
     * @param moreHint said after the list, e.g. where runs are listed; may be empty
     */
    public DlforgeException unknown(String id, String what, String moreHint) {
        return new DlforgeException("no " + what + " '" + id + "'" + ClosestName.didYouMean(id, projects.keySet()),
                "projects: " + String.join(", ", projects.keySet()) + " (`dlforge projects` describes them)" + moreHint);
    }

    /**
     * The project {@code id} as a {@code capability} ({@link Trains}, {@link Resumes}, {@link Evaluates},
     * {@link Serves}, ...); a planned project, or one without it, is an error saying which projects have it.
     */
    public <C> C capable(String id, Class<C> capability) {
        Project p = get(id);
        if (capability.isInstance(p)) {
            return capability.cast(p);
        }
        if (capability == Resumes.class && p instanceof Trains) {
            throw new DlforgeException("runs of project " + id + " do not resume: they keep no checkpoint to continue from",
                    "start a new run: `dlforge train " + id + "`");
        }
        List<String> able = projects.values().stream().filter(capability::isInstance).map(x -> x.info().id()).toList();
        String what = p.built() ? "project '" + id + "' cannot " + verb(capability)
                : "project '" + id + "' (" + p.info().title() + ") is on the roadmap but not built yet";
        throw new DlforgeException(what, "projects that " + verb(capability) + ": " + String.join(", ", able));
    }

    /** What {@code capability} lets a project do, for errors. */
    private static String verb(Class<?> capability) {
        return switch (capability.getSimpleName()) {
            case "Trains" -> "train";
            case "Resumes" -> "resume runs";
            case "Evaluates" -> "evaluate runs";
            case "Serves" -> "serve a model";
            case "Generates" -> "generate text";
            default -> "be used as " + capability.getSimpleName();
        };
    }
}
