package app.digitpad.ui.evaluate;

import app.digitpad.ml.inspect.OcclusionSaliency;
import app.digitpad.ui.LiveModel;
import app.digitpad.ui.evaluate.EvaluateViewModel.GalleryItem;
import app.digitpad.ui.network.Why;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The "why" maps of the gallery's inspected image: its prediction against its true digit (or, when
 * the prediction is right, against the runner-up), worked out on a worker thread; only the newest
 * request's answer is shown. Methods are for the FX thread.
 */
public final class GalleryWhy {
    /**
     * Explains a test image: saliency for {@code first} (what the model predicted) against
     * {@code second}. Empty while no model is live. Called on a worker thread.
     */
    @FunctionalInterface
    public interface Explainer {
        Explainer NONE = (image, first, second) -> Optional.empty();

        Optional<Why> explain(float[] image, int first, int second) throws Exception;
    }

    private final Explainer explainer;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<Why> why = new ReadOnlyObjectWrapper<>(this, "why");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private long generation;

    GalleryWhy(Explainer explainer, Executor background, Executor fx) {
        this.explainer = explainer;
        this.background = background;
        this.fx = fx;
    }

    /** Occlusion saliency with the live model. */
    static Explainer explainerFor(LiveModel live) {
        return (image, first, second) -> {
            Optional<LiveModel.Lease> lease = live.acquire();
            if (lease.isEmpty()) {
                return Optional.empty();
            }
            try (LiveModel.Lease borrowed = lease.get()) {
                return Optional.of(borrowed.classifier().inspect(pass -> Why.of(image, first, second,
                        OcclusionSaliency.compute(pass, image))));
            }
        };
    }

    void explain(GalleryItem item) {
        long mine = ++generation;
        why.set(null);
        if (item == null) {
            text.set("");
            return;
        }
        boolean wrong = item.prediction() != item.label();
        int second = wrong ? item.label() : item.top3()[1];
        text.set(String.format("Working out why #%d was read as %d…", item.index(), item.prediction()));
        background.execute(() -> {
            try {
                Optional<Why> answer = explainer.explain(item.pixels(), item.prediction(), second);
                String done = answer.isEmpty() ? "" : wrong
                        ? String.format("Why #%d was read as %d and not %d, its true digit:", item.index(), item.prediction(),
                                item.label())
                        : String.format("Why #%d is a %d and not a %d, the runner-up:", item.index(), item.prediction(), second);
                fx.execute(() -> {
                    if (mine == generation) {
                        why.set(answer.orElse(null));
                        text.set(done);
                    }
                });
            } catch (Exception | LinkageError e) {
                String message = e.getMessage() != null ? e.getMessage() : e.toString();
                fx.execute(() -> {
                    if (mine == generation) {
                        text.set("Could not work out why: " + message);
                    }
                });
            }
        });
    }

    /** Saliency of the inspected image; null while it is worked out or when nothing is inspected. */
    public ReadOnlyObjectProperty<Why> whyProperty() {
        return why.getReadOnlyProperty();
    }

    /** What the maps show, that they are being worked out, or why they could not be. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
