package app.digitpad.ml.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import app.digitpad.ml.eval.PathClassifier;
import app.digitpad.ml.io.AtomicWrite;
import app.digitpad.ml.net.StrokeNet;
import app.digitpad.preprocess.Stroke;
import app.digitpad.preprocess.StrokePath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The second reader of a drawing: a network that reads the pen's path ({@link StrokePath},
 * {@link StrokeNet}) rather than the picture. It ships with the app beside the picture model and
 * needs strokes, so it serves the pad and pen-data benchmarks, not MNIST images. Owns its DJL
 * model; predictions are serialized, as a Predictor is not thread-safe.
 *
 * <p>File format ({@value #EXTENSION}): a header line, the layout and path size, then the network's
 * parameters ({@code Block.saveParameters}), checked against the network before DJL reads them.
 */
public final class StrokeReader implements PathClassifier, AutoCloseable {
    public static final String EXTENSION = ".dpstrokes";
    /** The stroke reader shipped inside the app (from {@code assets/models}). */
    public static final String BUNDLED_RESOURCE = "/digitpad/models/stroke-reader" + EXTENSION;
    private static final String HEADER = "DigitPad stroke reader";
    static final int MAX_FILE_BYTES = 4 << 20;

    private final Model model;
    private final int layout;
    private final int classes;
    private final Predictor<float[], float[][]> predictor;

    /** Takes ownership of {@code model}, whose block is a {@link StrokeNet} of {@code layout}. */
    private StrokeReader(Model model, int layout) {
        this.model = model;
        this.layout = layout;
        this.classes = StrokeNet.classes(layout);
        this.predictor = model.newPredictor(new PathTranslator(classes));
    }

    /** A new, untrained reader (to train), its parameters initialized. */
    public static StrokeReader untrained() {
        return untrained(StrokeNet.LAYOUT);
    }

    private static StrokeReader untrained(int layout) {
        Model model = Model.newInstance("stroke-reader");
        try {
            model.setBlock(StrokeNet.build(StrokeNet.classes(layout)));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, StrokeNet.INPUT_SHAPE);
            return new StrokeReader(model, layout);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public Model model() {
        return model;
    }

    /** Its outputs: {@link StrokeNet#CLASSES}, or 10 for a reader saved before it learnt "not a digit". */
    public int classes() {
        return classes;
    }

    /** The {@link StrokeNet#LAYOUT} it was saved with, or will be. */
    public int layout() {
        return layout;
    }

    /** Writes the path of {@code strokes} into {@code paths} at {@code offset} as this reader learnt to read it. */
    public void writePath(List<Stroke> strokes, float[] paths, int offset) {
        if (StrokeNet.readsHooks(layout)) {
            StrokePath.writeAsDrawn(strokes, paths, offset);
        } else {
            StrokePath.write(strokes, paths, offset);
        }
    }

    /**
     * The probabilities of each drawing: the digits, then "not a digit" if it {@link #classes knows} it.
     * The drawings may be in pad units or any other: the path is scale-free.
     */
    @Override
    public float[][] probabilities(List<List<Stroke>> drawings) throws TranslateException {
        float[] paths = new float[drawings.size() * StrokePath.LENGTH];
        for (int i = 0; i < drawings.size(); i++) {
            writePath(drawings.get(i), paths, i * StrokePath.LENGTH);
        }
        return probabilities(paths);
    }

    /** @param paths paths one after another, each as {@link #writePath} writes it */
    public synchronized float[][] probabilities(float[] paths) throws TranslateException {
        if (paths.length == 0) {
            return new float[0][];
        }
        return predictor.predict(paths);
    }

    public synchronized void save(Path target) throws IOException {
        AtomicWrite.write(target, this::writeTo);
    }

    /** An independent reader with this one's weights (to adapt without touching this one); the caller owns it. */
    public StrokeReader copy() throws IOException {
        // built outside the lock: the pad keeps reading with this one meanwhile
        return read(new ByteArrayInputStream(toBytes()), "a copy of a stroke reader");
    }

    /** This reader as a {@link #EXTENSION} file's bytes. */
    synchronized byte[] toBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTo(bytes);
        return bytes.toByteArray();
    }

    private void writeTo(java.io.OutputStream file) throws IOException {
        DataOutputStream out = new DataOutputStream(file);
        out.writeUTF(HEADER);
        out.writeInt(layout);
        out.writeInt(StrokePath.POINTS);
        out.writeInt(StrokePath.CHANNELS);
        model.getBlock().saveParameters(out);
        out.flush();
    }

    public static StrokeReader load(Path file) throws ModelFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("Stroke reader file " + file + " does not exist.", e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("Stroke reader file " + file + " cannot be read (" + ModelZip.oneLine(e.getMessage()) + ").", e);
        }
    }

    /**
     * The stroke reader saved inside a model file with the model it was adapted with (teach mode
     * adapts both readers), or empty if the model has none and reads with the bundled one.
     */
    public static java.util.Optional<StrokeReader> inModel(Path modelFile) throws ModelFormatException {
        byte[] bytes = ModelFiles.strokeReaderBytes(modelFile);
        if (bytes == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(read(new ByteArrayInputStream(bytes), "the stroke reader in " + modelFile));
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("The stroke reader in " + modelFile + " cannot be read (" + ModelZip.oneLine(e.getMessage()) + ").", e);
        }
    }

    public static StrokeReader loadBundled() throws ModelFormatException {
        InputStream in = StrokeReader.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new ModelFormatException("The bundled stroke reader " + BUNDLED_RESOURCE + " is missing from the application.");
        }
        try (in) {
            return read(in, "bundled stroke reader " + BUNDLED_RESOURCE);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("The bundled stroke reader cannot be read (" + e.getMessage() + ").", e);
        }
    }

    static StrokeReader read(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ModelFormatException(source + " is larger than any stroke reader (" + MAX_FILE_BYTES / (1 << 20) + " MB).");
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            throw new ModelFormatException(source + " is a zip file, such as a model (" + ModelFiles.EXTENSION
                    + "), not a stroke reader (" + EXTENSION + ").");
        }
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes));
        String header;
        int layout;
        int points;
        int channels;
        try {
            header = data.readUTF();
            layout = data.readInt();
            points = data.readInt();
            channels = data.readInt();
        } catch (IOException e) {
            throw new ModelFormatException(source + " is not a DigitPad stroke reader (its header is cut short).", e);
        }
        if (!HEADER.equals(header)) {
            throw new ModelFormatException(source + " is not a DigitPad stroke reader.");
        }
        int classes = StrokeNet.classes(layout);
        if (classes < 0 || points != StrokePath.POINTS || channels != StrokePath.CHANNELS) {
            throw new ModelFormatException(source + " was made for another stroke reader (layout " + layout + ", " + points
                    + " points of " + channels + " channels; this version reads layouts " + StrokeNet.DIGITS_ONLY_LAYOUT + " to "
                    + StrokeNet.LAYOUT + " of " + StrokePath.POINTS + " points of " + StrokePath.CHANNELS + " channels).");
        }
        byte[] parameters = data.readAllBytes();
        StrokeReader reader = untrained(layout);
        try {
            Block block = reader.model.getBlock();
            ParameterCheck.check(StrokeNet.build(classes), ParameterCheck.template(block), parameters);
            block.loadParameters(reader.model.getNDManager(), new DataInputStream(new ByteArrayInputStream(parameters)));
            requireFiniteOutput(reader, source);
            return reader;
        } catch (MalformedModelException | IOException | TranslateException | RuntimeException e) {
            reader.close();
            if (e instanceof ModelFormatException format) {
                throw format;
            }
            throw new ModelFormatException(source + " does not hold a valid stroke reader; it may be corrupt ("
                    + ModelZip.oneLine(e.getMessage()) + ").", e);
        }
    }

    private static void requireFiniteOutput(StrokeReader reader, String source) throws TranslateException, ModelFormatException {
        float[][] rows = reader.probabilities(new float[StrokePath.LENGTH]);
        for (float p : rows[0]) {
            if (!Float.isFinite(p)) {
                throw new ModelFormatException(source + " answers " + p + ": its weights are broken.");
            }
        }
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }

    /** Scale-free paths in, softmax rows out; DJL gives each call its own NDManager. */
    private static final class PathTranslator implements NoBatchifyTranslator<float[], float[][]> {
        private final int classes;

        PathTranslator(int classes) {
            this.classes = classes;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, float[] paths) {
            NDManager manager = ctx.getNDManager();
            int count = paths.length / StrokePath.LENGTH;
            return new NDList(manager.create(paths, new Shape(count, StrokePath.CHANNELS, StrokePath.POINTS)));
        }

        @Override
        public float[][] processOutput(TranslatorContext ctx, NDList list) {
            NDArray probabilities = list.singletonOrThrow().softmax(1);
            int count = Math.toIntExact(probabilities.getShape().get(0));
            float[] flat = probabilities.toFloatArray();
            float[][] rows = new float[count][classes];
            for (int i = 0; i < count; i++) {
                System.arraycopy(flat, i * classes, rows[i], 0, classes);
            }
            return rows;
        }
    }
}
