package app.digitpad.ml.data;

import ai.djl.basicdataset.cv.classification.Mnist;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.Pipeline;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Loads MNIST into a {@link MnistData}. The bundled files (and a folder of them) are read as the
 * bytes they are; DJL's basicdataset {@link Mnist} loads the remote source, through float tensors
 * of the whole set (188 MB for the training images, converted twice), which for the local files
 * cost a third of a second and most of a training run's peak memory.
 */
public final class MnistLoader {
    private final MnistSource source;

    public MnistLoader(MnistSource source) {
        this.source = source;
    }

    public MnistData train() throws IOException {
        return load(Dataset.Usage.TRAIN);
    }

    public MnistData test() throws IOException {
        return load(Dataset.Usage.TEST);
    }

    public MnistSource source() {
        return source;
    }

    private MnistData load(Dataset.Usage usage) throws IOException {
        BundledMnistRepository repository =
                source.kind() == MnistSource.Kind.REMOTE ? null : new BundledMnistRepository(source);
        return repository != null ? readIdx(repository, usage) : throughDjl(usage, null);
    }

    /**
     * One split through DJL's {@link Mnist} dataset: from DJL's repository (download and cache) when
     * {@code repository} is null, else from the given one. Tests compare it with the byte reading.
     */
    public static MnistData throughDjl(Dataset.Usage usage, BundledMnistRepository repository) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Mnist.Builder builder = Mnist.builder()
                    .optUsage(usage)
                    .optManager(manager)
                    .optPipeline(new Pipeline()) // raw 0-255 pixels; normalization is ours
                    .setSampling(1, false);
            if (repository != null) {
                builder.optRepository(repository);
            }
            Mnist mnist = builder.build();
            mnist.prepare();
            int size = Math.toIntExact(mnist.size());
            try (Batch all = mnist.getByRange(manager, 0, size)) {
                NDArray images = all.getData().head();
                NDArray labels = all.getLabels().head();
                byte[] pixels = images.toType(DataType.UINT8, false).toByteArray();
                float[] labelValues = labels.toFloatArray();
                byte[] labelBytes = new byte[labelValues.length];
                for (int i = 0; i < labelValues.length; i++) {
                    labelBytes[i] = (byte) labelValues[i];
                }
                return new MnistData(pixels, labelBytes, repository == null ? "" : repository.sha256());
            }
        } catch (DatasetException e) {
            throw e;
        } catch (IOException | TranslateException | RuntimeException e) {
            throw new DatasetException("Could not load MNIST " + usage.name().toLowerCase() + " data from "
                    + (repository == null ? MnistSource.remote() : repository.getBaseUri()) + ": " + e.getMessage(), e);
        }
    }

    /** Images and labels of one split, after the repository has checked both files and that their counts agree. */
    private static MnistData readIdx(BundledMnistRepository repository, Dataset.Usage usage) throws IOException {
        String split = usage == Dataset.Usage.TRAIN ? "train" : "test";
        byte[] images = repository.content(split + "_data");
        byte[] labels = repository.content(split + "_labels");
        return new MnistData(Arrays.copyOfRange(images, IdxFormat.IMAGES_HEADER, images.length),
                Arrays.copyOfRange(labels, IdxFormat.LABELS_HEADER, labels.length), repository.sha256());
    }
}
