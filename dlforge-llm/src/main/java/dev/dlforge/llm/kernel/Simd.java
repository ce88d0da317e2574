package dev.dlforge.llm.kernel;

/**
 * Whether the kernels use the Vector API ({@code jdk.incubator.vector}): only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher and the tests do) and its preferred float vector has at
 * least 256 bits (AVX2); otherwise the scalar loops run, with the same results up to float summation order.
 *
 * <p>{@code -Ddlforge.llm.simd=false} forces the scalar path. The classes that name vector types are loaded only when
 * this says yes, so a JVM without the module never touches them.
 */
public final class Simd {
    /** True when the vector kernels run. */
    public static final boolean ENABLED = detect();
    private Simd() {
    }

    private static boolean detect() {
        if (!Boolean.parseBoolean(System.getProperty("dlforge.llm.simd", "true"))) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorDots.preferredBits() >= 256;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** What runs, for logs and benchmark reports. */
    public static String describe() {
        if (!ENABLED) {
            return "scalar (start the JVM with --add-modules jdk.incubator.vector for the Vector API)";
        }
        return "Vector API " + VectorDots.preferredBits() + "-bit";
    }
}
