package dev.dlforge.projects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * README's roadmap table, drawn from the catalogue: a row per built project (linked to its page in
 * docs/projects), and one row per run of planned projects of one section (its title when alone). {@code dlforge projects
 * --markdown} prints it; RoadmapTest keeps README's copy equal.
 */
public final class RoadmapTable {
    public static final String BEGIN = "<!-- roadmap:begin (drawn by `./dlforge projects --markdown` from roadmap.json) -->";
    public static final String END = "<!-- roadmap:end -->";

    private RoadmapTable() {}

    public static String markdown(Catalogue catalogue) {
        StringBuilder md = new StringBuilder("| project | level | what it builds | status |\n|---|---|---|---|\n");
        List<ProjectInfo> planned = new ArrayList<>();
        for (Project p : catalogue.all()) {
            ProjectInfo info = p.info();
            if (!planned.isEmpty() && (p.built() || !planned.get(0).section().equals(info.section()))) {
                md.append(plannedRow(planned));
                planned.clear();
            }
            if (p.built()) {
                md.append("| [").append(info.id()).append("](docs/projects/").append(info.id()).append(".md) | ").append(info.level())
                        .append(" | ").append(info.title()).append(" | **built** |\n");
            } else {
                planned.add(info);
            }
        }
        if (!planned.isEmpty()) {
            md.append(plannedRow(planned));
        }
        return md.toString();
    }

    private static String plannedRow(List<ProjectInfo> planned) {
        String ids = planned.stream().map(ProjectInfo::id).collect(Collectors.joining(", "));
        String levels = planned.stream().map(ProjectInfo::level).distinct().sorted((a, b) -> "BIP".indexOf(a) - "BIP".indexOf(b))
                .collect(Collectors.joining("/"));
        String what = planned.size() == 1 ? planned.get(0).title() : planned.get(0).section().toLowerCase(Locale.ROOT) + " projects";
        return "| " + ids + " | " + levels + " | " + what + " | planned |\n";
    }
}
