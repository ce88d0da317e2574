package dev.dlforge.serve;

/**
 * A studio in a JVM of its own, for tests that measure its memory from outside (see
 * ChildProcessServer): it prints its address, then serves until its standard input closes (the
 * test ended, or died) or it is sent SIGTERM.
 */
public final class StudioMain {
    private StudioMain() {}

    public static void main(String[] args) throws Exception {
        try (StudioServer studio = StudioServer.start(System.out)) {
            System.out.println("studio test server: " + studio.server().url());
            while (System.in.read() >= 0) {
                // wait for the end of the input
            }
        }
    }
}
