package dev.dlforge.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.checkpoint.CheckpointStore;
import dev.dlforge.core.engine.Engines;
import dev.dlforge.core.io.FileTrees;
import dev.dlforge.core.io.Json;
import dev.dlforge.core.optim.Adam;
import dev.dlforge.core.optim.TrainableParameters;
import dev.dlforge.core.train.BatchMetric;
import dev.dlforge.core.train.EarlyStopping;
import dev.dlforge.core.train.SupervisedTask;
import dev.dlforge.core.train.Trainer;
import dev.dlforge.core.train.TrainerConfig;
import dev.dlforge.core.train.TrainerState;
import dev.dlforge.core.train.TrainingListener;
import dev.dlforge.data.image.ImageBatches;
import dev.dlforge.data.image.LabeledImages;
import dev.dlforge.models.vision.MnistNet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training speed of the pytorch/examples MNIST {@code Net} in dlforge and in PyTorch on the same
 * images, batch size, thread count and per-batch work, data pipeline included.
 *
 * <p>dlforge runs its real training path ({@link ImageBatches}, {@link Trainer}, {@link SupervisedTask});
 * PyTorch runs {@code bench/mnist_net_pytorch.py} with Debian's python3 and python3-torch, OpenBLAS,
 * and the same allocator settings (the environment is inherited).
 */
public final class SpeedBenchmark {
    /** Debian's own interpreter: python3-torch is installed for it, not for a pyenv one. */
    static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
    static final Path OPENBLAS = Path.of("/usr/lib/x86_64-linux-gnu/openblas-pthread");

    /** What is measured: steps of {@code batchSize}, the first {@code warmup} untimed. */
    public record Setup(int steps, int warmup, int batchSize, int threads, long seed) {}

    private SpeedBenchmark() {}

    /** Images per second of dlforge training the Net for {@code setup.steps()} steps. */
    public static double dlforge(LabeledImages images, Setup setup) throws IOException {
        Path scratch = Files.createTempDirectory("dlforge-bench");
        try (NDManager manager = Engines.newManager()) {
            Engines.seed(setup.seed());
            Block net = MnistNet.build();
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            TrainableParameters params = TrainableParameters.of(net);
            SupervisedTask task = new SupervisedTask(net, params, Loss.softmaxCrossEntropyLoss(),
                    new Adam(params, Adam.Config.defaults()), List.of(BatchMetric.accuracy()), 0, manager);
            ImageBatches batches = ImageBatches.training(images.head(setup.steps() * setup.batchSize()), setup.batchSize(),
                    setup.seed(), List.of());
            long[] marks = new long[2];
            TrainerConfig config = new TrainerConfig(1, 1e-3, "constant", setup.seed(), 0, EarlyStopping.off("val_accuracy", true));
            new Trainer(task, config, manager).addListener(new TrainingListener() {
                @Override
                public void onBatch(BatchProgress p) {
                    if (p.batch() + 1 == setup.warmup()) {
                        marks[0] = System.nanoTime();
                    } else if (p.batch() + 1 == setup.steps()) {
                        marks[1] = System.nanoTime();
                    }
                }
            }).fit(batches, null, new CheckpointStore(scratch, 1), TrainerState.start());
            return (setup.steps() - setup.warmup()) * (double) setup.batchSize() / ((marks[1] - marks[0]) / 1e9);
        } finally {
            FileTrees.delete(scratch);
        }
    }

    /** Images per second of the PyTorch reference on the IDX files {@code images} and {@code labels}. */
    public static double pytorch(Path images, Path labels, Setup setup) throws IOException, InterruptedException {
        Path script = Files.createTempFile("mnist_net_pytorch", ".py");
        try (InputStream in = SpeedBenchmark.class.getResourceAsStream("/bench/mnist_net_pytorch.py")) {
            Files.write(script, in.readAllBytes());
        }
        try {
            List<String> command = List.of(DEBIAN_PYTHON.toString(), script.toString(), "--images", images.toString(),
                    "--labels", labels.toString(), "--steps", String.valueOf(setup.steps()), "--warmup", String.valueOf(setup.warmup()),
                    "--batch-size", String.valueOf(setup.batchSize()), "--threads", String.valueOf(setup.threads()),
                    "--seed", String.valueOf(setup.seed()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("OMP_NUM_THREADS", String.valueOf(setup.threads()));
            if (Files.isDirectory(OPENBLAS)) {
                String inherited = pb.environment().getOrDefault("LD_LIBRARY_PATH", "");
                pb.environment().put("LD_LIBRARY_PATH", inherited.isEmpty() ? OPENBLAS.toString() : OPENBLAS + ":" + inherited);
            }
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until it exits
            if (process.waitFor() != 0) {
                throw new DlforgeException("the PyTorch reference failed: " + lastLine(output),
                        "check that `/usr/bin/python3 -c 'import torch'` works");
            }
            return Json.MAPPER.readTree(lastLine(output)).get("images_per_second").asDouble();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** PyTorch's version as Debian's python3 sees it; a clear error when it is not installed. */
    public static String pytorchVersion() throws IOException, InterruptedException {
        if (!Files.isExecutable(DEBIAN_PYTHON)) {
            throw new DlforgeException("the PyTorch reference needs Debian's /usr/bin/python3", "sudo apt-get install python3");
        }
        Process p = new ProcessBuilder(DEBIAN_PYTHON.toString(), "-c", "import torch, numpy; print(torch.__version__)")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new DlforgeException("the PyTorch reference needs Debian's python3-torch and python3-numpy (" + lastLine(out) + ")",
                    "sudo apt-get install python3-torch python3-numpy libopenblas0-pthread");
        }
        return lastLine(out);
    }

    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
