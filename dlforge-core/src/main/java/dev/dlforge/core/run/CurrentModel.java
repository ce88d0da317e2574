package dev.dlforge.core.run;

/**
 * The run whose model answers for a project, and why. The one rule, shared by the CLI, the studio,
 * {@code serve} and {@code bench}: the run the user pinned ({@code dlforge runs pin PROJECT RUN}, or the
 * studio's Pin button) when it still has a completed model, otherwise the newest completed run with a
 * model. Running, stopped, interrupted and failed runs never are, even when newer.
 *
 * @param pinned true when the user chose this run, false when it is the newest completed one
 */
public record CurrentModel(RunDir run, boolean pinned) {

    /** {@code project/run-id}. */
    public String ref() {
        return run.info().project() + "/" + run.id();
    }

    /** Why this run, in words: "pinned" or "the newest completed run". */
    public String why() {
        return pinned ? "pinned with `dlforge runs pin`" : "the newest completed run";
    }
}
