package app.digitpad.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.*;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.*;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import app.digitpad.ml.data.*;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ml.net.Architecture;
import java.util.*;

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
 * {@code arch:ID} for a named architecture. {@code -Dthread=x} trains on a new thread.
 */
public final class ArchitectureSweep {
    static Block conv(int f, int k, int p) { return Conv2d.builder().setKernelShape(new Shape(k, k)).optPadding(new Shape(p, p)).setFilters(f).build(); }
    static Block convS(int f, int k, int p, int s) { return Conv2d.builder().setKernelShape(new Shape(k, k)).optPadding(new Shape(p, p)).optStride(new Shape(s, s)).setFilters(f).build(); }
    static Block pool() { return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)); }
    static Block bn() { return BatchNorm.builder().build(); }
    static Block dense(int u) { return Linear.builder().setUnits(u).build(); }

    static Block build(String spec) {
        if (spec.startsWith("arch:")) return Architecture.fromId(spec.substring(5)).build();
        // tokens: cF:K:P[:S]  bn  relu  pool  flat  dF  gap
        SequentialBlock b = new SequentialBlock();
        for (String t : spec.split(",")) {
            if (t.startsWith("c")) { String[] a = t.substring(1).split(":"); b.add(a.length > 3 ? convS(i(a[0]), i(a[1]), i(a[2]), i(a[3])) : conv(i(a[0]), i(a[1]), i(a[2]))); }
            else if (t.equals("bn")) b.add(bn());
            else if (t.equals("relu")) b.add(Activation.reluBlock());
            else if (t.equals("pool")) b.add(pool());
            else if (t.equals("flat")) b.add(Blocks.batchFlattenBlock());
            else if (t.equals("s2d")) b.add(new LambdaBlock(l -> new NDList(l.singletonOrThrow().reshape(-1, 1, 14, 2, 14, 2).transpose(0, 1, 3, 5, 2, 4).reshape(-1, 4, 14, 14))));
            else if (t.equals("gap")) b.add(Pool.globalAvgPool2dBlock());
            else if (t.startsWith("d")) b.add(dense(i(t.substring(1))));
            else throw new IllegalArgumentException(t);
        }
        return b;
    }
    static int i(String s) { return Integer.parseInt(s); }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("thread") != null) { Thread t = new Thread(() -> { try { run(args); } catch (Exception e) { throw new RuntimeException(e); } }); if (System.getProperty("thread").equals("engine-main")) ai.djl.engine.Engine.getInstance(); t.start(); t.join(); return; }
        run(args);
    }
    static void run(String[] args) throws Exception {
        String spec = args[0];
        int batch = Integer.parseInt(args[1]);
        float lr = Float.parseFloat(args[2]);
        double epochs = Double.parseDouble(args[3]);
        int limit = args.length > 4 ? Integer.parseInt(args[4]) : 0; // 0: whole
        MnistLoader loader = new MnistLoader(MnistSource.bundled());
        MnistData train = loader.train(), test = loader.test();
        int n = limit > 0 ? limit : train.size();
        int steps = (int) (epochs * n / batch);
        int[] step = {0};
        double warm = args.length > 7 ? Double.parseDouble(args[7]) : 0.25;
        float beta2 = args.length > 8 ? Float.parseFloat(args[8]) : 0.999f;
        Tracker rate = u -> { double t = Math.min(1.0, step[0] / (double) steps); if (t < warm) return (float) (lr / 25 + (lr - lr / 25) * t / warm); double v = (t - warm) / (1 - warm); return (float) (lr * 0.5 * (1 + Math.cos(Math.PI * v)) + lr * 1e-4); };
        int seed = args.length > 5 ? Integer.parseInt(args[5]) : 42; Engine.getInstance().setRandomSeed(seed);
        DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(args.length > 6 && args[6].equals("sgd") ? Optimizer.sgd().setLearningRateTracker(rate).optMomentum(0.9f).build() : Optimizer.adam().optLearningRateTracker(rate).optBeta2(beta2).build());
        try (Model model = Model.newInstance("p")) {
            model.setBlock(build(spec));
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(batch, 1, 28, 28));
                long params = 0; for (var p : model.getBlock().getParameters().values()) params += p.getArray().size();
                float[] x = new float[batch * 784]; float[] y = new float[batch];
                int[] idx = new int[train.size()]; for (int k = 0; k < idx.length; k++) idx[k] = k;
                SplittableRandom r = new SplittableRandom(seed);
                long tFill = 0, tFwd = 0, tBwd = 0, tStep = 0;
                long t0 = System.nanoTime();
                int pos = n;
                for (step[0] = 0; step[0] < steps; step[0]++) {
                    long a = System.nanoTime();
                    if (pos + batch > n) { for (int k = idx.length - 1; k > 0; k--) { int j = r.nextInt(k + 1); int t = idx[k]; idx[k] = idx[j]; idx[j] = t; } pos = 0; }
                    for (int k = 0; k < batch; k++) { train.copyImage(idx[pos + k], x, k * 784); y[k] = train.label(idx[pos + k]); }
                    pos += batch;
                    MnistNormalizer.normalizeInPlace(x, 0, x.length);
                    long b2 = System.nanoTime();
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        NDArray xa = m.create(x, new Shape(batch, 1, 28, 28)); NDArray ya = m.create(y);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList pred = trainer.forward(new NDList(xa));
                            NDArray l = trainer.getLoss().evaluate(new NDList(ya), pred);
                            l.getFloat();
                            long c = System.nanoTime(); tFwd += c - b2;
                            gc.backward(l);
                            long d = System.nanoTime(); tBwd += d - c;
                        }
                        long e = System.nanoTime();
                        trainer.step();
                        tStep += System.nanoTime() - e;
                    }
                    tFill += b2 - a;
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                // evaluate
                int correct = 0;
                for (int s = 0; s < test.size(); s += 1000) {
                    float[] tx = new float[1000 * 784];
                    for (int k = 0; k < 1000; k++) test.copyImage(s + k, tx, k * 784);
                    MnistNormalizer.normalizeInPlace(tx, 0, tx.length);
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        float[] out = trainer.evaluate(new NDList(m.create(tx, new Shape(1000, 1, 28, 28)))).singletonOrThrow().argMax(1).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
                        for (int k = 0; k < 1000; k++) if ((int) out[k] == test.label(s + k)) correct++;
                    }
                }
                System.out.printf("%s batch=%d lr=%s ep=%s params=%d: %.1f s train, %.0f img/s, test %.2f%% | fill %.1f fwd %.1f bwd %.1f step %.1f s%n",
                        spec, batch, lr, epochs, params, sec, steps * batch / sec, correct / 100.0, tFill / 1e9, tFwd / 1e9, tBwd / 1e9, tStep / 1e9);
            }
        }
    }
}
