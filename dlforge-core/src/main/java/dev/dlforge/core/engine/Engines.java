package dev.dlforge.core.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Starts the deep-learning engine the way dlforge needs it: PyTorch natives from the classpath,
 * never a download or a telemetry call, all cores for intra-op work and one inter-op thread.
 *
 * <p>Call {@link #get()} before any other DJL class is touched; the settings are read once, when
 * DJL first loads its engine.
 */
public final class Engines {
    private static volatile Engine engine;

    private Engines() {}

    public static Engine get() {
        Engine e = engine;
        if (e == null) {
            synchronized (Engines.class) {
                if (engine == null) {
                    configure();
                    Engine started = Engine.getEngine("PyTorch");
                    NativeStderr.muted(() -> {
                        // libtorch prints a deprecation notice from inside DJL's JNI code the first
                        // time data is copied into a tensor; the user can do nothing about it.
                        try (NDManager m = started.newBaseManager()) {
                            m.zeros(new Shape(1)).set(new float[] {0});
                        }
                    });
                    engine = started;
                }
                e = engine;
            }
        }
        return e;
    }

    /** A new root manager on the engine's default device; the caller closes it. */
    public static NDManager newManager() {
        return get().newBaseManager();
    }

    /** Seeds the engine's generator (weight initialisation, dropout). */
    public static void seed(long seed) {
        get().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /** Intra-op threads the engine was told to use. */
    public static int threads() {
        return Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
    }

    /** Sets the engine's system properties (idempotent; values set by the user win). */
    public static void configure() {
        setDefault("ai.djl.offline", "true");
        setDefault("OPT_OUT_TRACKING", "true");
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        setDefault("ai.djl.pytorch.num_threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        // DJL's own INFO lines (cache extraction, thread counts) are noise for a CLI user.
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // On machines with a CUDA toolkit but no GPU, DJL warns at every start that it found none.
        setDefault("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
