package app.digitpad.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.loss.Loss;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.DirectBatch;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Forward and backward passes of one batch in two parts at once: a second thread, with one PyTorch
 * thread, takes the last part of the batch while the calling thread (with whatever PyTorch threads
 * it has) takes the rest, both through fast-cnn's bfloat16 pass ({@link Bf16Forward}). Their
 * gradients add up in the network's parameters, each part's loss weighted by its share of the
 * batch, so the optimizer sees the whole batch's mean loss. Batch norm normalizes each part by
 * its own statistics (as "ghost" batch norm does), and only the calling thread's part moves the running statistics: merging the other's
 * would cost a dozen operators a batch for an average over a third more images. For the app on
 * two cores, where the calling thread has a core to itself and the second thread shares the other
 * with the screen: its part is the smaller.
 */
final class SplitBatch implements AutoCloseable {
    private final Bf16Forward network;
    private final Loss loss;
    private final double share;
    private final NDList partnerParameters;
    private final ExecutorService partner;
    private final DirectBatch[] buffers = {new DirectBatch(), new DirectBatch(), new DirectBatch(), new DirectBatch()};

    /**
     * @param share of each batch the second thread takes, between 0 and 1
     * @param manager lives as long as the training loop (the stand-in statistics are in it)
     */
    SplitBatch(Bf16Forward network, Loss loss, double share, NDManager manager) {
        this.network = network;
        this.loss = loss;
        this.share = share;
        this.partnerParameters = network.parametersWithScratchStatistics(manager);
        this.partner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(() -> {
                JniUtils.setNumThreads(1);
                task.run();
            }, "digitpad-training-partner");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The second thread's part of a batch of {@code count}; 0 where either part would be under 2 images (batch norm). */
    int partnerCount(int count) {
        return partnerCount(count, share);
    }

    static int partnerCount(int count, double share) {
        int theirs = (int) Math.round(count * share);
        return theirs >= 2 && count - theirs >= 2 ? theirs : 0;
    }

    /**
     * Forward and backward on the first {@code count} standardized images and labels, the work
     * split; the gradients are in the parameters afterwards. {@code manager} holds the batch.
     * Throws if a part would be under 2 images ({@link #partnerCount}).
     */
    TrainingStep.Result run(NDManager manager, float[] images, float[] labels, int count, int classes, LoopProfile profile) {
        int theirs = partnerCount(count);
        if (theirs == 0) {
            throw new IllegalArgumentException("a batch of " + count + " cannot be split");
        }
        long start = System.nanoTime();
        int mine = count - theirs;
        float myWeight = mine / (float) count;
        NDArray myX = buffers[0].create(manager, images, 0, new Shape(mine, 1, 28, 28));
        NDArray myY = buffers[1].create(manager, labels, 0, new Shape(mine));
        NDArray theirX = buffers[2].create(manager, images, mine * MnistData.PIXELS, new Shape(theirs, 1, 28, 28));
        NDArray theirY = buffers[3].create(manager, labels, mine, new Shape(theirs));
        float[] theirLabels = Arrays.copyOfRange(labels, mine, count);
        long copied = System.nanoTime();
        Future<TrainingStep.Result> other = partner.submit(() -> part(theirX, theirY, partnerParameters, theirLabels, classes, 1 - myWeight, null));
        long[] phases = new long[4];
        TrainingStep.Result own;
        try {
            own = part(myX, myY, null, Arrays.copyOf(labels, mine), classes, myWeight, phases);
        } catch (RuntimeException | Error e) {
            Throwable partnerFailure = awaitQuietly(other); // the batch's tensors are freed when this returns
            if (partnerFailure != null) {
                e.addSuppressed(partnerFailure);
            }
            throw e;
        }
        TrainingStep.Result their = await(other);
        profile.add(LoopProfile.Phase.COPY_IN, copied - start);
        profile.add(LoopProfile.Phase.FORWARD, phases[0]);
        profile.add(LoopProfile.Phase.LOSS, phases[1]);
        profile.add(LoopProfile.Phase.BACKWARD, phases[2]);
        profile.add(LoopProfile.Phase.READ_BACK, phases[3]);
        profile.add(LoopProfile.Phase.PARTNER, System.nanoTime() - copied - Arrays.stream(phases).sum());
        return new TrainingStep.Result(own.loss() * myWeight + their.loss() * (1 - myWeight), own.correct() + their.correct());
    }

    /**
     * One part: forward, loss scaled by its weight, backward. {@code parameters} null for the
     * network's own; {@code phases} (forward, loss, backward, read-back nanoseconds) may be null.
     */
    private TrainingStep.Result part(NDArray x, NDArray y, NDList parameters, float[] labels, int classes, float weight,
            long[] phases) {
        boolean gradientsWere = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDManager scope = x.getManager().newSubManager()) {
            long t0 = System.nanoTime();
            NDArray logits = parameters == null ? network.forward(x) : network.forward(x, parameters);
            logits.attach(scope);
            long t1 = System.nanoTime();
            NDArray value = loss.evaluate(new NDList(y), new NDList(logits));
            value.attach(scope);
            long t2 = System.nanoTime();
            NDArray seed = scope.full(new Shape(), weight); // this part's share of the batch's mean loss
            JniUtils.backward((PtNDArray) value, (PtNDArray) seed, false, false);
            long t3 = System.nanoTime();
            TrainingStep.Result result = new TrainingStep.Result(value.getFloat(),
                    TrainingStep.countCorrect(logits.toFloatArray(), labels, classes));
            if (phases != null) {
                phases[0] = t1 - t0;
                phases[1] = t2 - t1;
                phases[2] = t3 - t2;
                phases[3] = System.nanoTime() - t3;
            }
            return result;
        } finally {
            JniUtils.setGradMode(gradientsWere);
        }
    }

    private static TrainingStep.Result await(Future<TrainingStep.Result> other) {
        try {
            return other.get();
        } catch (InterruptedException e) {
            awaitQuietly(other);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the second training thread worked", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for the partner's part to end however it ends, keeping an interrupt for later; its failure or null. */
    private static Throwable awaitQuietly(Future<?> other) {
        boolean interrupted = false;
        Throwable failure = null;
        while (true) {
            try {
                other.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                failure = e.getCause();
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    @Override
    public void close() {
        partner.shutdown();
    }
}
