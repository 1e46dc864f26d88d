package app.digitpad.ml.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import app.digitpad.ml.io.AtomicWrite;
import app.digitpad.ml.net.Architecture;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes DigitPad model files: a zip with {@code metadata.json}, the DJL block
 * parameters ({@code Block.saveParameters} format) and, for models trained since run logs exist,
 * {@code training.json} (a {@link TrainingLog}; files without it load as before). Writes go to a temporary file beside the target
 * and are then moved into place, so a crash never leaves a half-written model.
 */
public final class ModelFiles {
    public static final String EXTENSION = ".dpmodel";
    /** The pretrained model shipped inside the app (from {@code assets/models}). */
    public static final String BUNDLED_RESOURCE = "/digitpad/models/digitpad-default" + EXTENSION;

    private static final String METADATA_ENTRY = "metadata.json";
    private static final String PARAMETERS_ENTRY = "parameters.djl";
    private static final String LOG_ENTRY = "training.json";

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

    static void save(Block block, ModelMetadata metadata, TrainingLog log, Path target) throws IOException {
        AtomicWrite.write(target, file -> {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file))) {
                zip.putNextEntry(new ZipEntry(METADATA_ENTRY));
                zip.write(metadata.toJson().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                if (log != null) {
                    zip.putNextEntry(new ZipEntry(LOG_ENTRY));
                    zip.write(log.toJson().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(PARAMETERS_ENTRY));
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
            throw new ModelFormatException("Model file " + file + " cannot be read (" + e.getMessage() + ").", e);
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
        return describe(file).metadata();
    }

    /**
     * Reads a model file's metadata and training log without loading the network. A log that cannot
     * be read is left out rather than making the model unreadable: the network and its metadata are
     * what matter.
     */
    public static Description describe(Path file) throws ModelFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), false).description();
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("Model file " + file + " does not exist.", e);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("Model file " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /** {@link #describe} for the model shipped with the app. */
    public static Description describeBundled() throws ModelFormatException {
        InputStream in = ModelFiles.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new ModelFormatException("The bundled model " + BUNDLED_RESOURCE + " is missing from the application.");
        }
        try (in) {
            return read(in, "bundled model " + BUNDLED_RESOURCE, false).description();
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException("The bundled model cannot be read (" + e.getMessage() + ").", e);
        }
    }

    static DigitClassifier load(InputStream in, String source) throws ModelFormatException {
        Contents contents = read(in, source, true);
        Architecture architecture = contents.metadata().architecture();
        Model model = Model.newInstance(contents.metadata().name());
        try {
            Block block = architecture.build();
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
            try (DataInputStream parameters = new DataInputStream(new ByteArrayInputStream(contents.parameters()))) {
                block.loadParameters(model.getNDManager(), parameters);
                if (parameters.read() != -1) {
                    throw new MalformedModelException("unexpected data after the parameters");
                }
            }
            return new DigitClassifier(model, contents.metadata());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelFormatException(source + " does not hold valid " + architecture.id()
                    + " parameters; it may be corrupt or made for another architecture (" + e.getMessage() + ").", e);
        }
    }

    private record Contents(ModelMetadata metadata, byte[] parameters, String logJson) {
        Description description() {
            if (logJson == null) {
                return new Description(metadata, Optional.empty());
            }
            try {
                return new Description(metadata, Optional.of(TrainingLog.fromJson(logJson)));
            } catch (IllegalArgumentException e) {
                return new Description(metadata, Optional.empty());
            }
        }
    }

    /** @param keepParameters false: only check that the parameters are there (describing a file needs no network) */
    private static Contents read(InputStream in, String source, boolean keepParameters) throws ModelFormatException {
        String metadataJson = null;
        String logJson = null;
        byte[] parameters = null;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(in))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (METADATA_ENTRY.equals(entry.getName())) {
                    metadataJson = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                } else if (LOG_ENTRY.equals(entry.getName())) {
                    logJson = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                } else if (PARAMETERS_ENTRY.equals(entry.getName())) {
                    parameters = keepParameters ? zip.readAllBytes() : new byte[0];
                    if (!keepParameters) {
                        zip.transferTo(OutputStream.nullOutputStream()); // still inflated: a truncated file fails here
                    }
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFormatException(source + " is corrupt or truncated (" + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new ModelFormatException(source + " cannot be read (" + e.getMessage() + ").", e);
        }
        if (metadataJson == null || parameters == null) {
            throw new ModelFormatException(source + " is not a DigitPad model file (expected a zip with "
                    + METADATA_ENTRY + " and " + PARAMETERS_ENTRY + ").");
        }
        return new Contents(ModelMetadata.fromJson(metadataJson, source), parameters, logJson);
    }
}
