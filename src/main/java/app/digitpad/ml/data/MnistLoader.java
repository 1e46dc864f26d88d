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

/** Loads MNIST through DJL's basicdataset {@link Mnist} and copies it into a {@link MnistData}. */
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
            throw new DatasetException("Could not load MNIST " + usage.name().toLowerCase() + " data from " + source
                    + ": " + e.getMessage(), e);
        }
    }
}
