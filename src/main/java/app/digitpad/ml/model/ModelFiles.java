package app.digitpad.ml.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.translate.TranslateException;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.io.AtomicWrite;
import app.digitpad.ml.net.Architecture;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes DigitPad model files: a zip with {@code metadata.json} and the DJL block
 * parameters ({@code Block.saveParameters} format). Writes go to a temporary file beside the target
 * and are then moved into place, so a crash never leaves a half-written model. A file may come from
 * anyone: it is read within size limits ({@link ModelZip}), its parameters are checked against the
 * network before DJL reads them ({@link ParameterCheck}), and a network that answers NaN is refused.
 */
public final class ModelFiles {
    public static final String EXTENSION = ".dpmodel";
    /** The pretrained model shipped inside the app (from {@code assets/models}). */
    public static final String BUNDLED_RESOURCE = "/digitpad/models/digitpad-default" + EXTENSION;


    private ModelFiles() {}

    public static void save(Model model, ModelMetadata metadata, Path target) throws IOException {
        save(model.getBlock(), metadata, target);
    }

    public static void save(DigitClassifier classifier, Path target) throws IOException {
        save(classifier.model().getBlock(), classifier.metadata(), target);
    }

    static void save(Block block, ModelMetadata metadata, Path target) throws IOException {
        AtomicWrite.write(target, file -> {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file))) {
                zip.putNextEntry(new ZipEntry(ModelZip.METADATA_ENTRY));
                zip.write(metadata.toJson().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(ModelZip.PARAMETERS_ENTRY));
                DataOutputStream out = new DataOutputStream(zip);
                block.saveParameters(out);
                out.flush();
                zip.closeEntry();
            }
        });
    }

    /** Loads a model file; the caller owns (and closes) the returned classifier. */
    public static DigitClassifier load(Path file) throws ModelFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("Model file " + file + " does not exist.", e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("Model file " + file + " cannot be read (" + ModelZip.oneLine(e.getMessage()) + ").", e);
        }
    }

    /** Loads the pretrained model shipped with the app. */
    public static DigitClassifier loadBundled() throws ModelFormatException {
        InputStream in = ModelFiles.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new ModelFormatException("The bundled model " + BUNDLED_RESOURCE + " is missing from the application.");
        }
        try (in) {
            return load(in, "bundled model " + BUNDLED_RESOURCE);
        } catch (ModelFormatException e) {
            throw e; // already names the bundled model and says what is wrong
        } catch (IOException e) {
            throw new ModelFormatException("The bundled model cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /** Reads only the metadata of a model file, without loading the network. */
    public static ModelMetadata readMetadata(Path file) throws ModelFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return ModelZip.read(in, file.toString(), metadata -> largestParameterBytes(), true).metadata();
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("Model file " + file + " cannot be read (" + ModelZip.oneLine(e.getMessage()) + ").", e);
        }
    }

    static DigitClassifier load(InputStream in, String source) throws ModelFormatException {
        Target target = new Target(source);
        try {
            ModelZip.Contents contents = ModelZip.read(in, source, target::limit, false);
            if (target.block == null) {
                target.prepare(contents.metadata());
            }
            Architecture architecture = contents.metadata().architecture();
            try {
                ParameterCheck.check(target.block, target.template, contents.parameters());
                try (DataInputStream parameters = new DataInputStream(new ByteArrayInputStream(contents.parameters()))) {
                    target.block.loadParameters(target.model.getNDManager(), parameters);
                }
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new ModelFormatException(source + " does not hold valid " + architecture.id()
                        + " parameters; it may be corrupt or made for another architecture (" + ModelZip.oneLine(e.getMessage()) + ").", e);
            }
            DigitClassifier classifier = new DigitClassifier(target.model, contents.metadata());
            target.model = null; // the classifier owns it now
            try {
                requireFiniteOutput(classifier, source);
            } catch (ModelFormatException e) {
                classifier.close();
                throw e;
            }
            return classifier;
        } finally {
            target.close();
        }
    }

    /** The network a file is loaded into, built once its metadata is known, and what its parameters must look like. */
    private static final class Target implements AutoCloseable {
        private final String source;
        Model model;
        Block block;
        byte[] template;

        Target(String source) {
            this.source = source;
        }

        /**
         * The size the parameters of the metadata's network take (it is built the first time, so a
         * damaged zip is refused cheaply after that); with no metadata yet, the largest network's.
         */
        int limit(ModelMetadata metadata) throws ModelFormatException {
            if (metadata == null) {
                return largestParameterBytes();
            }
            Integer known = PARAMETER_BYTES.get(metadata.architecture());
            return known != null ? known : prepare(metadata);
        }

        /** Builds the metadata's network; returns the size its parameters take. */
        int prepare(ModelMetadata metadata) throws ModelFormatException {
            Architecture architecture = metadata.architecture();
            model = Model.newInstance(metadata.name());
            try {
                block = architecture.build();
                model.setBlock(block);
                block.initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
                template = ParameterCheck.template(block);
                PARAMETER_BYTES.put(architecture, template.length);
                return template.length;
            } catch (IOException | RuntimeException e) {
                throw new ModelFormatException(source + ": the " + architecture.id() + " network cannot be built ("
                        + ModelZip.oneLine(e.getMessage()) + ").", e);
            }
        }

        @Override
        public void close() {
            if (model != null) {
                model.close();
            }
        }
    }

    /** A blank pad and a plain stroke: what any working network answers with finite probabilities. */
    private static final float[][] KNOWN_INPUTS = knownInputs();

    private static float[][] knownInputs() {
        float[] stroke = new float[MnistData.PIXELS];
        for (int row = 4; row < 24; row++) {
            stroke[row * 28 + 13] = 1;
            stroke[row * 28 + 14] = 1;
        }
        return new float[][] {new float[MnistData.PIXELS], stroke};
    }

    /**
     * Finite weights can still overflow or meet a negative batch-norm variance: a network that
     * answers NaN would show empty bars for every drawing, so it is refused here.
     */
    private static void requireFiniteOutput(DigitClassifier classifier, String source) throws ModelFormatException {
        for (int i = 0; i < KNOWN_INPUTS.length; i++) {
            float[] probabilities;
            try {
                probabilities = classifier.predict(KNOWN_INPUTS[i]);
            } catch (TranslateException | RuntimeException e) {
                throw new ModelFormatException(source + " cannot run (" + ModelZip.oneLine(e.getMessage()) + ").", e);
            }
            for (float p : probabilities) {
                if (!Float.isFinite(p)) {
                    throw new ModelFormatException(source + " answers " + p + " for " + (i == 0 ? "a blank pad" : "a plain stroke")
                            + ": its weights are broken.");
                }
            }
        }
    }

    /** How many bytes each architecture's parameters take, as its built network writes them. */
    private static final Map<Architecture, Integer> PARAMETER_BYTES = new ConcurrentHashMap<>();

    /** The most bytes any architecture's parameters take, for a zip whose parameters come before its metadata. */
    private static int largestParameterBytes() throws ModelFormatException {
        int largest = 0;
        for (Architecture architecture : Architecture.values()) {
            Integer known = PARAMETER_BYTES.get(architecture);
            if (known == null) {
                try (NDManager manager = NDManager.newBaseManager()) {
                    Block block = architecture.build();
                    block.initialize(manager, DataType.FLOAT32, Architecture.INPUT_SHAPE);
                    known = ParameterCheck.template(block).length;
                    PARAMETER_BYTES.put(architecture, known);
                } catch (IOException | RuntimeException e) {
                    throw new ModelFormatException("The " + architecture.id() + " network cannot be built ("
                            + ModelZip.oneLine(e.getMessage()) + ").", e);
                }
            }
            largest = Math.max(largest, known);
        }
        return largest;
    }
}
