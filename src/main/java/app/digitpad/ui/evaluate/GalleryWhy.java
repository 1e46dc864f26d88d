package app.digitpad.ui.evaluate;

import app.digitpad.ml.inspect.OcclusionSaliency;
import app.digitpad.ui.LiveModel;
import app.digitpad.ui.evaluate.EvaluateViewModel.GalleryItem;
import app.digitpad.ui.network.Why;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

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
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", false);
    private long generation;

    private GalleryItem item;
    private GalleryItem explained;

    GalleryWhy(Explainer explainer, Executor background, Executor fx) {
        this.explainer = explainer;
        this.background = background;
        this.fx = fx;
        shown.addListener((obs, was, is) -> refresh());
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

    /** The inspected image changed; its maps are worked out while they are on show. */
    void explain(GalleryItem next) {
        item = next;
        refresh();
    }

    private void refresh() {
        if (item == explained && (item == null || why.get() != null || !text.get().isEmpty())) {
            return; // already shown or under way
        }
        if (!shown.get() && item != null) {
            return;
        }
        GalleryItem target = item;
        explained = target;
        long mine = ++generation;
        why.set(null);
        if (target == null) {
            text.set("");
            return;
        }
        boolean wrong = target.prediction() != target.label();
        int second = wrong ? target.label() : target.top3()[1];
        text.set(String.format("Working out why #%d was read as %d…", target.index(), target.prediction()));
        background.execute(() -> {
            try {
                Optional<Why> answer = explainer.explain(target.pixels(), target.prediction(), second);
                String done = answer.isEmpty() ? "" : wrong
                        ? String.format("Why #%d was read as %d and not %d, its true digit:", target.index(),
                                target.prediction(), target.label())
                        : String.format("Why #%d is a %d and not a %d, the runner-up:", target.index(), target.prediction(),
                                second);
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

    /** Whether the gallery shows the maps (true) or the page of images (false). */
    public BooleanProperty shownProperty() {
        return shown;
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
