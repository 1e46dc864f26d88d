package app.digitpad.ui.network;

import app.digitpad.ml.inspect.ClassNames;
import app.digitpad.ml.inspect.SaliencyMaps;

/**
 * Saliency for one image: why the network gave {@code first} (for the pad, its answer; in Evaluate,
 * its prediction) and not {@code second} (the runner-up; in Evaluate, the true digit).
 */
public record Why(float[] image, int first, int second, SaliencyMaps maps, float[] probabilities) {
    /** From occlusion results, with the image's probabilities read from them. */
    public static Why of(float[] image, int first, int second, SaliencyMaps maps) {
        float[] logP = maps.logProbabilities();
        float[] p = new float[logP.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.exp(logP[i]);
        }
        return new Why(image, first, second, maps, p);
    }

    public float[] firstMap() {
        return maps.evidence(first);
    }

    public float[] secondMap() {
        return maps.evidence(second);
    }

    /** Per pixel: how much its ink raises log p(first) - log p(second). */
    public float[] contrast() {
        return maps.contrast(first, second);
    }

    /** One colour scale for the three maps, so they compare: the largest magnitude among them. */
    public float scale() {
        return SaliencyMaps.maxMagnitude(firstMap(), secondMap(), contrast());
    }

    public String firstName() {
        return ClassNames.of(first);
    }

    public String secondName() {
        return ClassNames.of(second);
    }
}
