package app.digitpad.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import app.digitpad.ml.net.Architecture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * fast-cnn's forward pass for training with its convolutions and dense layers in bfloat16, as
 * PyTorch's CPU autocast would compute them: a TorchScript function
 * ({@code assets/torchscript/fast-cnn-bf16.py}) that takes the batch and the network's own 32-bit
 * parameters, so gradients, Adam and the saved model stay 32-bit and DJL's layers still run every
 * inference. DJL's PyTorch bindings have no bfloat16 type, hence the script. Used only where the
 * CPU multiplies bfloat16 natively (AVX-512 BF16 or AMX): elsewhere PyTorch emulates it, slower
 * than 32-bit. {@code -Ddigitpad.bf16=false} turns it off, {@code true} on.
 */
public final class Bf16Forward {
    static final String RESOURCE = "/digitpad/torchscript/fast-cnn-bf16.pt";
    /** The fast-cnn the script computes: {@link Architecture#layout()} and its parameter arrays. */
    private static final int LAYOUT = 2;
    private static final int PARAMETERS = 20;
    /** Where batch norm's running means and variances are among the parameters (the script's argument order). */
    private static final int[] RUNNING_STATISTICS = {4, 5, 10, 11, 16, 17};
    private static final boolean ENABLED = decide(System.getProperty("digitpad.bf16"), cpuFlags());

    private final PtSymbolBlock script;
    private final NDList parameters = new NDList();
    private final ParameterStore store;
    private volatile boolean initialized;

    private Bf16Forward(Block block, NDManager manager) {
        try (InputStream in = Bf16Forward.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("DigitPad is missing " + RESOURCE);
            }
            script = JniUtils.loadModule((PtNDManager) manager, in, false, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Pair<String, Parameter> pair : block.getParameters()) {
            parameters.add(pair.getValue().getArray()); // the order the script's arguments take
        }
        if (parameters.size() != PARAMETERS || Architecture.FAST_CNN.layout() != LAYOUT) {
            script.close();
            throw new IllegalStateException("fast-cnn-bf16.pt was written for fast-cnn layout " + LAYOUT + " with "
                    + PARAMETERS + " parameters, not layout " + Architecture.FAST_CNN.layout() + " with " + parameters.size());
        }
        store = new ParameterStore(manager, false);
    }

    /**
     * The bfloat16 pass for this network, or null where it does not apply (then DJL's layers train).
     * It belongs to {@code manager} and is closed with it.
     */
    static Bf16Forward of(Architecture architecture, Block block, NDManager manager) {
        return ENABLED && architecture == Architecture.FAST_CNN ? load(block, manager) : null;
    }

    /** fast-cnn's bfloat16 pass over {@code block}'s parameters, whatever this CPU has. */
    static Bf16Forward load(Block block, NDManager manager) {
        return new Bf16Forward(block, manager);
    }

    /** One line for logs and {@code train --profile}. */
    public static String describe() {
        return ENABLED ? "fast-cnn trains in bfloat16 (32-bit weights)" : "32-bit floats";
    }

    /** Training-mode logits (32-bit) of a batch; they belong to the batch's manager. */
    NDArray forward(NDArray batch) {
        return forward(batch, parameters);
    }

    /**
     * The network's parameters with stand-ins, in {@code manager}, for batch norm's running
     * statistics: a pass over them normalizes by its batch's statistics as usual but leaves the
     * network's running statistics alone (the stand-ins take the updates, and nobody reads them).
     */
    NDList parametersWithScratchStatistics(NDManager manager) {
        NDList list = new NDList(parameters);
        for (int i : RUNNING_STATISTICS) {
            NDArray scratch = parameters.get(i).duplicate();
            scratch.attach(manager);
            list.set(i, scratch);
        }
        return list;
    }

    /** {@link #forward(NDArray)} over {@code parameters} in the network's order (see {@link #parametersWithScratchStatistics}). */
    NDArray forward(NDArray batch, NDList parameters) {
        NDList inputs = new NDList(parameters.size() + 1);
        inputs.add(batch);
        inputs.addAll(parameters);
        // TorchScript's optimizing executor would profile and rewrite the graph on the first calls,
        // and the rewritten backward ran slower here; plain interpretation is the eager pass. The
        // setting is per thread and stays off on this one: DigitPad runs no other TorchScript.
        JniUtils.setGraphExecutorOptimize(false);
        NDArray logits;
        if (initialized) {
            logits = script.forward(store, inputs, true).singletonOrThrow();
        } else {
            synchronized (this) { // DJL sets a block up on its first forward, not safely for two threads at once
                logits = script.forward(store, inputs, true).singletonOrThrow();
                initialized = true;
            }
        }
        logits.attach(batch.getManager());
        return logits;
    }

    static boolean decide(String property, String cpuFlags) {
        if (property != null && !property.isBlank()) {
            return Boolean.parseBoolean(property.trim());
        }
        String flags = " " + cpuFlags.toLowerCase(Locale.ROOT).replace('\t', ' ') + " ";
        return flags.contains(" avx512_bf16 ") || flags.contains(" amx_bf16 ");
    }

    private static String cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return line.substring(line.indexOf(':') + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: no bfloat16
        }
        return "";
    }
}
