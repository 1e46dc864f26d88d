package app.digitpad.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.loss.Loss;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Forward and backward passes of one batch in two parts at once: a second thread takes the last
 * part of the batch while the calling thread takes the rest, each with one PyTorch thread and
 * fast-cnn's bfloat16 pass ({@link Bf16Forward}). Their gradients add up in the network's
 * parameters, each part's loss weighted by its share of the batch, so the optimizer sees the whole
 * batch's mean loss. Batch norm normalizes each part by its own statistics (as "ghost" batch norm
 * does); the running statistics are merged by the parts' shares. For the app on two cores, where
 * the calling thread has one core to itself and the second shares the other with the screen: its
 * part is the smaller.
 */
final class SplitBatch implements AutoCloseable {
    private final Bf16Forward network;
    private final Loss loss;
    private final double share;
    private final ExecutorService partner;
    private boolean partnerReady; // touched only on the partner's thread

    /** @param share of each batch the second thread takes, between 0 and 1 */
    SplitBatch(Bf16Forward network, Loss loss, double share) {
        this.network = network;
        this.loss = loss;
        this.share = share;
        this.partner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "digitpad-training-partner");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The second thread's part of a batch of {@code count}; 0 where either part would be under 2 images (batch norm). */
    int partnerCount(int count) {
        int theirs = (int) Math.round(count * share);
        return theirs >= 2 && count - theirs >= 2 ? theirs : 0;
    }

    /**
     * Forward and backward on {@code x} (of {@code labels}) with the work split; the gradients are
     * in the parameters afterwards. {@code manager} holds the batch. The partner's part must be at
     * least 2 images ({@link #partnerCount}).
     */
    TrainingStep.Result run(NDManager manager, NDArray x, NDArray y, float[] labels, int count, int classes,
            LoopProfile profile) {
        int theirs = partnerCount(count);
        if (theirs == 0) {
            throw new IllegalArgumentException("a batch of " + count + " cannot be split");
        }
        int mine = count - theirs;
        float myWeight = mine / (float) count;
        NDList theirParameters = network.parametersWithOwnStatistics(manager);
        NDArray theirX = x.get(mine + ":");
        NDArray theirY = y.get(mine + ":");
        float[] theirLabels = Arrays.copyOfRange(labels, mine, count);
        Future<TrainingStep.Result> other = partner.submit(() -> {
            if (!partnerReady) {
                JniUtils.setNumThreads(1);
                partnerReady = true;
            }
            return part(theirX, theirY, theirParameters, theirLabels, classes, 1 - myWeight, null);
        });
        TrainingStep.Result own;
        try {
            own = part(x.get(":" + mine), y.get(":" + mine), null, Arrays.copyOf(labels, mine), classes, myWeight, profile);
        } catch (RuntimeException | Error e) {
            awaitQuietly(other);
            throw e;
        }
        long waitStart = System.nanoTime();
        TrainingStep.Result their = await(other);
        network.mergeRunningStatistics(myWeight, theirParameters);
        profile.add(LoopProfile.Phase.PARTNER, System.nanoTime() - waitStart);
        return new TrainingStep.Result(own.loss() * myWeight + their.loss() * (1 - myWeight), own.correct() + their.correct());
    }

    /** One part: forward, loss scaled by its weight, backward; {@code parameters} null for the network's own. */
    private TrainingStep.Result part(NDArray x, NDArray y, NDList parameters, float[] labels, int classes, float weight,
            LoopProfile profile) {
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
            if (profile != null) {
                profile.add(LoopProfile.Phase.FORWARD, t1 - t0);
                profile.add(LoopProfile.Phase.LOSS, t2 - t1);
                profile.add(LoopProfile.Phase.BACKWARD, t3 - t2);
                profile.add(LoopProfile.Phase.READ_BACK, System.nanoTime() - t3);
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
            Thread.currentThread().interrupt();
            awaitQuietly(other);
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

    /** The batch's tensors are freed when the caller returns: the partner must be done with them first. */
    private static void awaitQuietly(Future<?> other) {
        boolean interrupted = false;
        while (true) {
            try {
                other.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        partner.shutdown();
    }
}
