package dev.dlforge.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoadmapTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void readmeShowsTheTableDrawnFromTheRoadmapFile() throws Exception {
        String readme = Files.readString(REPO.resolve("README.md"));
        int begin = readme.indexOf(RoadmapTable.BEGIN);
        int end = readme.indexOf(RoadmapTable.END);
        assertThat(begin).as("README.md marks its roadmap table with " + RoadmapTable.BEGIN).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String table = readme.substring(begin + RoadmapTable.BEGIN.length(), end).strip();
        assertThat(table).as("README's table is stale: paste `./dlforge projects --markdown` between the markers")
                .isEqualTo(RoadmapTable.markdown(Catalogue.standard()).strip());
    }

    @Test
    void theCatalogueKeepsRoadmapOrderWithEachBuiltProjectInItsPlace() {
        List<String> catalogue = Catalogue.standard().all().stream().map(p -> p.info().id()).toList();
        List<String> roadmap = Roadmap.entries().stream().map(ProjectInfo::id).toList();
        assertThat(catalogue).startsWith(roadmap.toArray(String[]::new));
        assertThat(Catalogue.standard().get("digits").built()).isTrue();
        assertThat(Catalogue.standard().get("gan").built()).isFalse();
        assertThat(Catalogue.standard().get("digits").info()).isEqualTo(Roadmap.entry("digits"));
    }

    @Test
    void everyBuiltProjectHasItsDocsPage() {
        for (Project p : Catalogue.standard().all()) {
            if (p.built() && Roadmap.entries().contains(p.info())) {
                assertThat(REPO.resolve("docs/projects/" + p.info().id() + ".md")).as(p.info().id()).isRegularFile();
            }
        }
    }
}
