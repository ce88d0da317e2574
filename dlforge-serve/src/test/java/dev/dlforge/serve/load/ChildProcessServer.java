package dev.dlforge.serve.load;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.engine.ProcessMemory;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in a JVM of its own, so that its resident memory is its own: memory benchmarks and tests
 * read it from {@code /proc/PID/status} while they drive it over HTTP. The child prints its address
 * on a line of its standard output; everything it prints is kept in a log file.
 */
public final class ChildProcessServer implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("(http://[0-9.]+:[0-9]+)");
    private final Process process;
    private final URI url;
    private final Thread killOnExit;

    private ChildProcessServer(Process process, URI url) {
        this.process = process;
        this.url = url;
        this.killOnExit = new Thread(process::destroyForcibly, "dlforge-child-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit); // Ctrl-C on a benchmark must not leave its server running
    }

    /**
     * A java command for {@code mainClass} on this JVM's own classpath, with {@code jvmOptions}.
     */
    public static List<String> javaCommand(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Starts {@code command} with {@code env} added to this process's environment, and waits (at
     * most {@code timeout}) for it to print a line holding its {@code http://HOST:PORT} address.
     */
    public static ChildProcessServer start(List<String> command, Map<String, String> env, Path log, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        BlockingQueue<String> address = new ArrayBlockingQueue<>(1);
        Thread reader = new Thread(() -> copyOutput(process, log, address), "dlforge-child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String found = address.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (found == null) {
                process.destroyForcibly();
                throw new DlforgeException("the server started with " + command + " printed no address within " + timeout.toSeconds() + " s",
                        "read its output in " + log);
            }
            return new ChildProcessServer(process, URI.create(found));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the server started", e);
        }
    }

    private static void copyOutput(Process process, Path log, BlockingQueue<String> address) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.newLine();
                out.flush();
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    address.offer(m.group(1));
                }
            }
        } catch (IOException e) {
            // the child's output ended with it
        }
    }

    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    /** The child's resident memory in MiB (NaN once it is gone). */
    public double rssMegabytes() {
        return ProcessMemory.rssMegabytes(process.pid());
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Stops the child: closes its standard input, then SIGTERM after 5 s, then SIGKILL after 20 more. */
    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException exiting) {
            // the hook is running and stops the child itself
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // it has gone already
        }
        if (process.waitFor(5, TimeUnit.SECONDS)) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
