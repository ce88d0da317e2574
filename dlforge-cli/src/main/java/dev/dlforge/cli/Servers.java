package dev.dlforge.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a server command alive until Ctrl-C or SIGTERM; closing the server is left to try-with-resources. */
final class Servers {
    private Servers() {}

    static void awaitShutdown() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "dlforge-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        stop.await();
    }
}
