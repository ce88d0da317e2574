package dev.dlforge.llm.tensor;

import dev.dlforge.llm.gguf.GgmlType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * llama.cpp's own ggml code as a test oracle: ggml_oracle.c (a test resource) is compiled with the system's C compiler
 * and calls the reference quantisers, dequantisers and GGUF reader exported by the libjllama.so that de.kherud:llama
 * bundles. {@link #available()} is false where there is no C compiler or no Linux x86-64 library; tests then skip
 * and {@link ReferenceDigestsTest} still checks our bytes against digests this oracle produced.
 */
public final class GgmlOracle {
    private static final String LIBRARY = "/de/kherud/llama/Linux/x86_64/libjllama.so";
    private static Optional<GgmlOracle> instance;

    private final Path dir;
    private final Path executable;
    private final Path library;

    private GgmlOracle(Path dir, Path executable, Path library) {
        this.dir = dir;
        this.executable = executable;
        this.library = library;
    }

    public static synchronized Optional<GgmlOracle> get() {
        if (instance == null) {
            instance = build();
        }
        return instance;
    }

    public static boolean available() {
        return get().isPresent();
    }

    private static Optional<GgmlOracle> build() {
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux") || !"amd64".equals(System.getProperty("os.arch"))) {
            return Optional.empty();
        }
        try (InputStream lib = GgmlOracle.class.getResourceAsStream(LIBRARY);
             InputStream src = GgmlOracle.class.getResourceAsStream("ggml_oracle.c")) {
            if (lib == null || src == null) {
                return Optional.empty();
            }
            Path dir = Files.createTempDirectory("ggml-oracle");
            dir.toFile().deleteOnExit();
            Path library = dir.resolve("libjllama.so");
            Files.copy(lib, library, StandardCopyOption.REPLACE_EXISTING);
            Path source = dir.resolve("ggml_oracle.c");
            Files.copy(src, source, StandardCopyOption.REPLACE_EXISTING);
            Path exe = dir.resolve("ggml_oracle");
            Process cc = new ProcessBuilder("cc", "-O1", "-o", exe.toString(), source.toString(), "-ldl").redirectErrorStream(true).start();
            String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
                System.err.println("ggml oracle not built: " + log);
                return Optional.empty();
            }
            return Optional.of(new GgmlOracle(dir, exe, library));
        } catch (IOException e) {
            return Optional.empty(); // no C compiler on the path
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** llama.cpp's bytes for {@code values} in {@code type}. */
    byte[] quantise(GgmlType type, float[] values) throws IOException {
        Path in = dir.resolve("in.f32");
        Path out = dir.resolve("out.bin");
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        Files.write(in, b.array());
        run(List.of("quantise", name(type), in.toString(), out.toString()), type);
        return Files.readAllBytes(out);
    }

    /** llama.cpp's floats for {@code count} elements of {@code type} held in {@code bytes}. */
    float[] dequantise(GgmlType type, byte[] bytes, int count) throws IOException {
        Path in = dir.resolve("in.bin");
        Path out = dir.resolve("out.f32");
        Files.write(in, bytes);
        run(List.of("dequantise", name(type), in.toString(), Integer.toString(count), out.toString()), type);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }

    /**
     * What llama.cpp's gguf_init_from_file says of {@code file}: "ok N_TENSORS N_KV", "rejected", "tensor I past the end",
     * or "crashed: ..." when the process died (the llama.cpp in de.kherud:llama 4.2.0 throws std::bad_alloc on some
     * lying counts).
     */
    public String readGguf(Path file) throws IOException {
        String output;
        try {
            output = run(List.of("gguf", file.toString()), GgmlType.F32);
        } catch (IOException e) {
            return "crashed: " + e.getMessage().lines().reduce((a, b) -> b).orElse("");
        }
        String[] lines = output.trim().split("\n");
        return lines[lines.length - 1]; // ggml logs its reasons for a rejection before

    }

    private String run(List<String> args, GgmlType type) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), library.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GGML_TYPE_ID", Integer.toString(type.id()));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("ggml oracle " + args + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }

    private static String name(GgmlType type) {
        String n = type.name().toLowerCase(Locale.ROOT);
        return n.endsWith("_k") ? n.substring(0, n.length() - 1) + "K" : n;
    }
}
