package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.data.Dataset;
import dev.dlforge.data.DatasetChecksums;
import dev.dlforge.data.DatasetRegistry;
import dev.dlforge.data.DatasetResolver;
import dev.dlforge.data.DatasetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dlforge data verify}: hashes every cached file in full against the SHA-256 recorded when it
 * was fetched. Loading a dataset checks cheaply (size and times); this is the thorough check, for
 * after a disk scare or before a long run.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check cached datasets against the SHA-256 of each file recorded at fetch time.",
                "Prints OK or MISMATCH per file; exits 1 if any file does not match (or a named dataset is not cached)."})
final class DataVerifyCommand implements Callable<Integer> {
    @ParentCommand
    DataCommand data;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "dataset ids (default: every cached dataset)")
    List<String> ids = List.of();

    @Override
    public Integer call() {
        DatasetRegistry registry = DatasetRegistry.builtIn();
        DatasetResolver resolver = DataCommand.resolver();
        List<DatasetSpec> specs = new ArrayList<>();
        if (ids.isEmpty()) {
            registry.all().stream().map(Dataset::spec).filter(s -> resolver.cached(s).isPresent()).forEach(specs::add);
        } else {
            ids.forEach(id -> specs.add(registry.get(id).spec()));
        }
        var out = data.root.out;
        if (specs.isEmpty()) {
            out.println("no dataset is cached under " + resolver.cacheRoot());
            return 0;
        }
        int ok = 0;
        int bad = 0;
        List<String> hints = new ArrayList<>();
        for (DatasetSpec s : specs) {
            if (resolver.cached(s).isEmpty()) {
                out.println(s.id() + ": not cached, nothing to verify (`dlforge data fetch " + s.id() + "`)");
                bad++;
                continue;
            }
            out.println(s.id() + " (" + resolver.cacheDir(s) + ")");
            DatasetChecksums.Result result;
            try {
                result = resolver.verify(s, true);
            } catch (DlforgeException e) { // an unreadable manifest: nothing to compare with
                out.println("  MISMATCH " + e.getMessage());
                bad++;
                hints.add(e.hint());
                continue;
            }
            for (DatasetChecksums.FileCheck f : result.files()) {
                out.printf(Locale.ROOT, "  %-8s %s%s%n", f.ok() ? "OK" : "MISMATCH", f.name(), f.ok() ? "" : ": " + f.problem());
            }
            ok += result.files().size() - result.mismatches().size();
            bad += result.mismatches().size();
            if (!result.ok()) {
                hints.add(resolver.refetchHint(s));
            }
        }
        out.printf(Locale.ROOT, "%d file%s OK, %d problem%s%n", ok, ok == 1 ? "" : "s", bad, bad == 1 ? "" : "s");
        if (!hints.isEmpty()) {
            hints.forEach(h -> data.root.err.println("hint: " + h));
        }
        return bad == 0 ? 0 : 1;
    }
}
