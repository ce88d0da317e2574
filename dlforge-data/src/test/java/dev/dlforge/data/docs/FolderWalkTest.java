package dev.dlforge.data.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder walk stays inside the folders named unless told to follow links. */
class FolderWalkTest {
    @TempDir
    Path tmp;

    /** docs/ with a real file, a hidden folder and six links: out by absolute and by relative ("..") path, to a folder, back up, to nothing. */
    private Path docs() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Path outside = Files.createDirectories(tmp.resolve("outside/dir"));
        Files.writeString(docs.resolve("real.txt"), "a document");
        Files.createDirectories(docs.resolve(".git"));
        Files.writeString(docs.resolve(".git/config"), "hidden");
        Files.writeString(tmp.resolve("outside/secret.txt"), "secret");
        Files.writeString(outside.resolve("inner.txt"), "inner");
        Files.createSymbolicLink(docs.resolve("passwd.txt"), tmp.resolve("outside/secret.txt"));
        Files.createSymbolicLink(docs.resolve("relative.txt"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(docs.resolve("elsewhere"), outside);
        Files.createSymbolicLink(docs.resolve("loop"), docs);
        Files.createSymbolicLink(docs.resolve("broken.txt"), tmp.resolve("nowhere.txt"));
        return docs;
    }

    @Test
    void byDefaultEveryLinkBelowTheFolderIsSkippedAndReportedWithItsTarget() throws Exception {
        Path docs = docs();
        FolderWalk.Listing listing = FolderWalk.of(List.of(docs), FolderWalk.Links.SKIP);

        assertThat(listing.files()).containsExactly(docs.resolve("real.txt"));
        assertThat(listing.skipped()).allSatisfy(s -> assertThat(s.reason()).isEqualTo(Skipped.Reason.LINK))
                .extracting(s -> docs.relativize(s.source()).toString())
                .containsExactlyInAnyOrder("passwd.txt", "relative.txt", "elsewhere", "loop", "broken.txt");
        assertThat(listing.skipped()).filteredOn(s -> s.source().endsWith("relative.txt")).singleElement()
                .hasToString(docs.resolve("relative.txt") + ": symbolic link (-> ../outside/secret.txt)");
    }

    @Test
    void followingLinksReadsWhatTheyPointToAndReportsTheCycleAndTheDanglingLink() throws Exception {
        Path docs = docs();
        FolderWalk.Listing listing = FolderWalk.of(List.of(docs), FolderWalk.Links.FOLLOW);

        assertThat(listing.files()).extracting(f -> docs.relativize(f).toString())
                .containsExactly("elsewhere/inner.txt", "passwd.txt", "real.txt", "relative.txt");
        assertThat(listing.skipped()).extracting(Skipped::reason).containsExactlyInAnyOrder(Skipped.Reason.LOOP, Skipped.Reason.UNREADABLE);
        assertThat(listing.skipped()).filteredOn(s -> s.reason() == Skipped.Reason.LOOP).singleElement()
                .extracting(Skipped::source).isEqualTo(docs.resolve("loop"));
    }

    @Test
    void aFolderOrFileNamedThroughALinkIsTakenAsNamed() throws Exception {
        Path docs = docs();
        Path named = Files.createSymbolicLink(tmp.resolve("notes"), docs);
        FolderWalk.Listing listing = FolderWalk.of(List.of(named, docs.resolve("passwd.txt")), FolderWalk.Links.SKIP);
        assertThat(listing.files()).containsExactly(docs.resolve("passwd.txt"), named.resolve("real.txt"));
    }

    @Test
    void aPathThatLeavesTheRootThroughDotDotIsNotInsideIt() {
        Path root = tmp.resolve("docs");
        assertThat(FolderWalk.inside(root, root.resolve("sub/../a.txt"))).isTrue();
        assertThat(FolderWalk.inside(root, root.resolve("../outside/secret.txt"))).isFalse();
        assertThat(FolderWalk.inside(root, root.resolve("sub/../../docs-evil/a.txt"))).as("a sibling sharing the prefix").isFalse();
    }

    @Test
    void aMissingInputIsReported() {
        FolderWalk.Listing listing = FolderWalk.of(List.of(tmp.resolve("nowhere")), FolderWalk.Links.SKIP);
        assertThat(listing.files()).isEmpty();
        assertThat(listing.skipped()).singleElement().extracting(Skipped::detail).isEqualTo("no such file or folder");
    }
}
