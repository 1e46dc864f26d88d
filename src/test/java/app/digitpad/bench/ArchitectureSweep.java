package app.digitpad.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistNormalizer;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.Shuffle;
import java.util.SplittableRandom;

/**
 * Benchmark (not a test) behind README's "How fast-cnn got there": trains a network written as a
 * layer list for a given number of epochs (fractions allowed) and prints images/s, test accuracy
 * and where the step time goes (batch filling, forward + loss, backward, optimizer step). The loop
 * is TrainingRun's, without augmentation, evaluation per epoch or listeners; its one-cycle
 * warm-up share is a parameter.
 *
 * <pre>mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" app.digitpad.bench.ArchitectureSweep \
 *     s2d,c32:3:1,bn,relu,pool,c64:3:0,bn,relu,flat,d128,bn,relu,d10 128 0.012 1 0 42 adam 0.25 0.99</pre>
 *
 * Arguments: layers batch peak-lr epochs [train-limit seed adam|sgd warm-up-share beta2]. Layers:
 * {@code cF:K:P[:S]} conv (filters, kernel, padding, stride), {@code bn}, {@code relu}, {@code pool}
 * (2x2 max), {@code s2d} (space-to-depth 2x2), {@code flat}, {@code gap}, {@code dN} dense, or
 * {@code arch:ID} for a named architecture. {@code -Dthread=x} trains on a thread of its own (as the app does).
 */
public final class ArchitectureSweep {
    private ArchitectureSweep() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("thread") == null) {
            run(args);
            return;
        }
        Exception[] failure = new Exception[1];
        Thread thread = new Thread(() -> {
            try {
                run(args);
            } catch (Exception e) {
                failure[0] = e;
            }
        }, "sweep-training");
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void run(String[] args) throws Exception {
        String layers = args[0];
        int batch = Integer.parseInt(args[1]);
        float peak = Float.parseFloat(args[2]);
        double epochs = Double.parseDouble(args[3]);
        int limit = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int seed = args.length > 5 ? Integer.parseInt(args[5]) : 42;
        boolean sgd = args.length > 6 && args[6].equals("sgd");
        double warm = args.length > 7 ? Double.parseDouble(args[7]) : 0.25;
        float beta2 = args.length > 8 ? Float.parseFloat(args[8]) : 0.999f;

        MnistLoader loader = new MnistLoader(MnistSource.bundled());
        MnistData train = loader.train();
        MnistData test = loader.test();
        int pool = limit > 0 ? limit : train.size();
        int steps = (int) (epochs * pool / batch);
        int[] step = {0};
        Tracker rate = update -> oneCycle(peak, warm, step[0] / (double) steps);
        Engine.getInstance().setRandomSeed(seed);
        Optimizer optimizer = sgd
                ? Optimizer.sgd().setLearningRateTracker(rate).optMomentum(0.9f).build()
                : Optimizer.adam().optLearningRateTracker(rate).optBeta2(beta2).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer);

        try (Model model = Model.newInstance("sweep")) {
            model.setBlock(build(layers));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batch, 1, 28, 28));
                long parameters = 0;
                for (var parameter : model.getBlock().getParameters().values()) {
                    parameters += parameter.getArray().size();
                }
                float[] images = new float[batch * MnistData.PIXELS];
                float[] labels = new float[batch];
                int[] order = new int[pool];
                for (int k = 0; k < pool; k++) {
                    order[k] = k;
                }
                SplittableRandom random = new SplittableRandom(seed);
                long fill = 0;
                long forward = 0;
                long backward = 0;
                long update = 0;
                long start = System.nanoTime();
                int position = pool;
                for (step[0] = 0; step[0] < steps; step[0]++) {
                    long t0 = System.nanoTime();
                    if (position + batch > pool) {
                        Shuffle.inPlace(order, random);
                        position = 0;
                    }
                    for (int k = 0; k < batch; k++) {
                        train.copyImage(order[position + k], images, k * MnistData.PIXELS);
                        labels[k] = train.label(order[position + k]);
                    }
                    position += batch;
                    MnistNormalizer.normalizeInPlace(images, 0, images.length);
                    long t1 = System.nanoTime();
                    try (NDManager manager = trainer.getManager().newSubManager()) {
                        NDArray x = manager.create(images, new Shape(batch, 1, 28, 28));
                        NDArray y = manager.create(labels);
                        long t2;
                        long t3;
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), trainer.forward(new NDList(x)));
                            loss.getFloat(); // wait for the forward pass
                            t2 = System.nanoTime();
                            collector.backward(loss);
                            t3 = System.nanoTime();
                        }
                        trainer.step();
                        long t4 = System.nanoTime();
                        forward += t2 - t1;
                        backward += t3 - t2;
                        update += t4 - t3;
                    }
                    fill += t1 - t0;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s batch=%d lr=%s ep=%s params=%d: %.1f s train, %.0f img/s, test %.2f%% "
                                + "| fill %.1f fwd %.1f bwd %.1f step %.1f s%n",
                        layers, batch, peak, epochs, parameters, seconds, steps * batch / seconds,
                        testAccuracy(trainer, test) * 100, fill / 1e9, forward / 1e9, backward / 1e9, update / 1e9);
            }
        }
    }

    /** Warm-up from peak/25 over the first {@code warm} share of the run, then cosine down. */
    private static float oneCycle(float peak, double warm, double t) {
        t = Math.min(1.0, t);
        if (t < warm) {
            return (float) (peak / 25 + (peak - peak / 25) * t / warm);
        }
        double u = (t - warm) / (1 - warm);
        return (float) (peak * 0.5 * (1 + Math.cos(Math.PI * u)) + peak * 1e-4);
    }

    private static double testAccuracy(Trainer trainer, MnistData test) {
        int correct = 0;
        float[] images = new float[1000 * MnistData.PIXELS];
        for (int from = 0; from < test.size(); from += 1000) {
            for (int k = 0; k < 1000; k++) {
                test.copyImage(from + k, images, k * MnistData.PIXELS);
            }
            MnistNormalizer.normalizeInPlace(images, 0, images.length);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(new NDList(manager.create(images, new Shape(1000, 1, 28, 28))))
                        .singletonOrThrow();
                float[] predicted = logits.argMax(1).toType(DataType.FLOAT32, false).toFloatArray();
                for (int k = 0; k < 1000; k++) {
                    if ((int) predicted[k] == test.label(from + k)) {
                        correct++;
                    }
                }
            }
        }
        return correct / (double) test.size();
    }

    /** The network a layer list describes (see the class comment). */
    static Block build(String layers) {
        if (layers.startsWith("arch:")) {
            return Architecture.fromId(layers.substring(5)).build(10);
        }
        SequentialBlock block = new SequentialBlock();
        for (String layer : layers.split(",")) {
            if (layer.startsWith("c")) {
                String[] a = layer.substring(1).split(":");
                int stride = a.length > 3 ? Integer.parseInt(a[3]) : 1;
                block.add(Conv2d.builder()
                        .setFilters(Integer.parseInt(a[0]))
                        .setKernelShape(new Shape(Integer.parseInt(a[1]), Integer.parseInt(a[1])))
                        .optPadding(new Shape(Integer.parseInt(a[2]), Integer.parseInt(a[2])))
                        .optStride(new Shape(stride, stride))
                        .build());
            } else if (layer.startsWith("d")) {
                block.add(Linear.builder().setUnits(Integer.parseInt(layer.substring(1))).build());
            } else {
                switch (layer) {
                    case "bn" -> block.add(BatchNorm.builder().build());
                    case "relu" -> block.add(Activation.reluBlock());
                    case "pool" -> block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
                    case "gap" -> block.add(Pool.globalAvgPool2dBlock());
                    case "flat" -> block.add(Blocks.batchFlattenBlock());
                    case "s2d" -> block.add(new LambdaBlock(list -> new NDList(list.singletonOrThrow()
                            .reshape(-1, 14, 2, 14, 2).transpose(0, 1, 3, 2, 4).reshape(-1, 14, 14, 4).transpose(0, 3, 1, 2)))); // channels-last, as fast-cnn
                    default -> throw new IllegalArgumentException("unknown layer '" + layer + "'");
                }
            }
        }
        return block;
    }
}
