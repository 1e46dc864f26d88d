package app.digitpad.ml.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.translate.TranslateException;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.eval.NotDigitRule;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes DigitPad model files: a zip with {@code metadata.json}, the DJL block
 * parameters ({@code Block.saveParameters} format) and, for models trained since run logs exist,
 * {@code training.json} (a {@link TrainingLog}; files without it load as before). Writes go to a temporary file beside the target
 * and are then moved into place, so a crash never leaves a half-written model. A file may come from
 * anyone: it is read within size limits ({@link ModelZip}), its parameters are checked against the
 * network before DJL reads them ({@link ParameterCheck}), and a network that answers NaN is refused.
 */
public final class ModelFiles {
    public static final String EXTENSION = ".dpmodel";
    /** The pretrained model shipped inside the app (from {@code assets/models}). */
    public static final String BUNDLED_RESOURCE = "/digitpad/models/digitpad-default" + EXTENSION;

    /** What a model file says about itself, without its network: metadata and, if it has one, its training log. */
    public record Description(ModelMetadata metadata, Optional<TrainingLog> log) {}

    private ModelFiles() {}

    public static void save(Model model, ModelMetadata metadata, Path target) throws IOException {
        save(model.getBlock(), metadata, null, target);
    }

    public static void save(DigitClassifier classifier, Path target) throws IOException {
        save(classifier.model().getBlock(), classifier.metadata(), null, target);
    }

    /** Saves a trained model with the log of the run that made it. */
    public static void save(DigitClassifier classifier, TrainingLog log, Path target) throws IOException {
        save(classifier.model().getBlock(), classifier.metadata(), log, target);
    }

    /** Saves a model with the stroke reader adapted with it, in one file ({@link StrokeReader#inModel} reads it back). */
    public static void save(DigitClassifier classifier, StrokeReader reader, Path target) throws IOException {
        save(classifier.model().getBlock(), classifier.metadata(), null, reader.toBytes(), target);
    }

    static void save(Block block, ModelMetadata metadata, TrainingLog log, Path target) throws IOException {
        save(block, metadata, log, null, target);
    }

    private static void save(Block block, ModelMetadata metadata, TrainingLog log, byte[] strokeReader, Path target)
            throws IOException {
        AtomicWrite.write(target, file -> {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file))) {
                zip.putNextEntry(new ZipEntry(ModelZip.METADATA_ENTRY));
                zip.write(metadata.toJson().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                if (log != null) {
                    zip.putNextEntry(new ZipEntry(ModelZip.LOG_ENTRY));
                    zip.write(log.toJson().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(ModelZip.PARAMETERS_ENTRY));
                DataOutputStream out = new DataOutputStream(zip);
                block.saveParameters(out);
                out.flush();
                zip.closeEntry();
                if (strokeReader != null) {
                    zip.putNextEntry(new ZipEntry(ModelZip.STROKE_READER_ENTRY));
                    zip.write(strokeReader);
                    zip.closeEntry();
                }
            }
        });
    }

    /** Loads a model file; the caller owns (and closes) the returned classifier. */
    public static DigitClassifier load(Path file) throws ModelFormatException {
        return fromFile(file, ModelFiles::load);
    }

    /** Loads the pretrained model shipped with the app. */
    public static DigitClassifier loadBundled() throws ModelFormatException {
        return fromBundle(ModelFiles::load);
    }

    /** Reads only the metadata of a model file, without loading the network. */
    public static ModelMetadata readMetadata(Path file) throws ModelFormatException {
        return fromFile(file, (in, source) ->
                ModelZip.read(in, source, metadata -> largestParameterBytes(), ModelZip.Read.METADATA).metadata());
    }

    /**
     * Reads a model file's metadata and training log without loading the network. A log that cannot
     * be read is left out rather than making the model unreadable: the network and its metadata are
     * what matter.
     */
    public static Description describe(Path file) throws ModelFormatException {
        return fromFile(file, ModelFiles::describe);
    }

    /** {@link #describe} for the model shipped with the app. */
    public static Description describeBundled() throws ModelFormatException {
        return fromBundle(ModelFiles::describe);
    }

    /** The bytes of the stroke reader saved in a model file ({@link StrokeReader#inModel}), or null if it has none. */
    static byte[] strokeReaderBytes(Path file) throws ModelFormatException {
        return fromFile(file, (in, source) ->
                ModelZip.read(in, source, metadata -> 0, ModelZip.Read.STROKE_READER).strokeReader());
    }

    /** What reads a model file's stream; {@code source} names it in messages. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(InputStream in, String source) throws ModelFormatException;
    }

    private static <T> T fromFile(Path file, Reader<T> reader) throws ModelFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("Model file " + file + " does not exist.", e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("Model file " + file + " cannot be read (" + ModelZip.oneLine(e.getMessage()) + ").", e);
        }
    }

    private static <T> T fromBundle(Reader<T> reader) throws ModelFormatException {
        InputStream in = ModelFiles.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new ModelFormatException("The bundled model " + BUNDLED_RESOURCE + " is missing from the application.");
        }
        try (in) {
            return reader.read(in, "bundled model " + BUNDLED_RESOURCE);
        } catch (ModelFormatException e) {
            throw e; // already names the bundled model and says what is wrong
        } catch (IOException e) {
            throw new ModelFormatException("The bundled model cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static Description describe(InputStream in, String source) throws ModelFormatException {
        ModelZip.Contents contents = ModelZip.read(in, source, metadata -> largestParameterBytes(), ModelZip.Read.DESCRIPTION);
        if (contents.logJson() == null) {
            return new Description(contents.metadata(), Optional.empty());
        }
        try {
            return new Description(contents.metadata(), Optional.of(TrainingLog.fromJson(contents.logJson())));
        } catch (IllegalArgumentException e) {
            return new Description(contents.metadata(), Optional.empty());
        }
    }

    static DigitClassifier load(InputStream in, String source) throws ModelFormatException {
        Target target = new Target(source);
        try {
            ModelZip.Contents contents = ModelZip.read(in, source, target::limit, ModelZip.Read.NETWORK);
            Architecture architecture = contents.metadata().architecture();
            // checked before the engine builds anything: most damaged files stop here, cheaply
            Expected expected = target.expected != null ? target.expected : expected(Network.of(contents.metadata()));
            try {
                ParameterCheck.check(expected.structure(), expected.template(), contents.parameters());
            } catch (MalformedModelException | RuntimeException e) {
                throw invalidParameters(source, architecture, e);
            }
            if (target.block == null) {
                target.prepare(contents.metadata());
            }
            try (DataInputStream parameters = new DataInputStream(new ByteArrayInputStream(contents.parameters()))) {
                target.block.loadParameters(target.model.getNDManager(), parameters);
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw invalidParameters(source, architecture, e);
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

    private static ModelFormatException invalidParameters(String source, Architecture architecture, Exception e) {
        return new ModelFormatException(source + " does not hold valid " + architecture.id()
                + " parameters; it may be corrupt or made for another architecture (" + ModelZip.oneLine(e.getMessage()) + ").", e);
    }

    /**
     * What a network's saved parameters look like: its blocks (for their kinds and order, never
     * initialized) and the stream its initialized form writes.
     */
    private record Expected(Block structure, byte[] template) {}

    /** A network a file can hold, as its metadata names it: the key of what its parameters look like. */
    private record Network(Architecture architecture, int classes) {
        static Network of(ModelMetadata metadata) {
            return new Network(metadata.architecture(), metadata.classes());
        }

        /** Every architecture with 10 outputs, and with 11 ("not a digit"). */
        static List<Network> all() {
            return Arrays.stream(Architecture.values())
                    .flatMap(a -> java.util.stream.Stream.of(new Network(a, NotDigitRule.DIGITS), new Network(a, NotDigitRule.DIGITS + 1)))
                    .toList();
        }

        Block build() {
            return architecture.build(classes);
        }
    }

    private static final Map<Network, Expected> EXPECTED = new ConcurrentHashMap<>();

    private static Expected expected(Network network) throws ModelFormatException {
        Expected known = EXPECTED.get(network);
        if (known == null) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Block block = network.build();
                block.initialize(manager, DataType.FLOAT32, Architecture.INPUT_SHAPE);
                known = remember(network, block);
            } catch (IOException | RuntimeException e) {
                throw new ModelFormatException("The " + network.architecture().id() + " network cannot be built ("
                        + ModelZip.oneLine(e.getMessage()) + ").", e);
            }
        }
        return known;
    }

    private static Expected remember(Network network, Block initialized) throws IOException {
        Expected expected = new Expected(network.build(), ParameterCheck.template(initialized));
        EXPECTED.putIfAbsent(network, expected);
        return expected;
    }

    /** The most bytes any network's parameters take, for a zip whose parameters come before its metadata. */
    private static int largestParameterBytes() throws ModelFormatException {
        int largest = 0;
        for (Network network : Network.all()) {
            largest = Math.max(largest, expected(network).template().length);
        }
        return largest;
    }

    /**
     * The network a file is loaded into. The first file of an architecture builds it while its zip
     * is read, since its parameters' size is needed then; later ones only once the parameters passed.
     */
    private static final class Target implements AutoCloseable {
        private final String source;
        Model model;
        Block block;
        Expected expected;

        Target(String source) {
            this.source = source;
        }

        /** The size the parameters of the metadata's network take; with no metadata yet, the largest network's. */
        int limit(ModelMetadata metadata) throws ModelFormatException {
            if (metadata == null) {
                return largestParameterBytes();
            }
            expected = EXPECTED.get(Network.of(metadata));
            if (expected == null) {
                prepare(metadata);
            }
            return expected.template().length;
        }

        /** Builds and initializes the metadata's network. */
        void prepare(ModelMetadata metadata) throws ModelFormatException {
            Architecture architecture = metadata.architecture();
            model = Model.newInstance(metadata.name());
            try {
                block = Network.of(metadata).build();
                model.setBlock(block);
                block.initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
                if (expected == null) {
                    expected = remember(Network.of(metadata), block);
                }
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

    /** A blank pad and a plain stroke, one after the other: what any working network answers with finite probabilities. */
    private static final float[] KNOWN_INPUTS = knownInputs();
    private static final String[] KNOWN_INPUT_NAMES = {"a blank pad", "a plain stroke"};

    private static float[] knownInputs() {
        float[] images = new float[2 * MnistData.PIXELS];
        for (int row = 4; row < 24; row++) {
            images[MnistData.PIXELS + row * 28 + 13] = 1;
            images[MnistData.PIXELS + row * 28 + 14] = 1;
        }
        return images;
    }

    /**
     * Finite weights can still overflow or meet a negative batch-norm variance: a network that
     * answers NaN would show empty bars for every drawing, so it is refused here.
     */
    private static void requireFiniteOutput(DigitClassifier classifier, String source) throws ModelFormatException {
        float[][] answers;
        try {
            answers = classifier.probabilities(KNOWN_INPUTS, KNOWN_INPUT_NAMES.length);
        } catch (TranslateException | RuntimeException e) {
            throw new ModelFormatException(source + " cannot run (" + ModelZip.oneLine(e.getMessage()) + ").", e);
        }
        for (int i = 0; i < answers.length; i++) {
            for (float p : answers[i]) {
                if (!Float.isFinite(p)) {
                    throw new ModelFormatException(source + " answers " + p + " for " + KNOWN_INPUT_NAMES[i]
                            + ": its weights are broken.");
                }
            }
        }
    }
}
