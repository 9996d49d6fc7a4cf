package app.retone.ui.editor;

import app.retone.core.render.Recipe;
import java.util.function.Supplier;

/**
 * The recipe the photo on screen is rendered with now (its look, strength, adjustments and
 * regrain; null without a look): what the preview, the detail and the export all render by.
 */
final class ScreenRecipe implements Supplier<Recipe> {

    private final LookViewModel look;
    private final Adjustments adjustments;
    private final DevelopViewModel develop;

    ScreenRecipe(LookViewModel look, Adjustments adjustments, DevelopViewModel develop) {
        this.look = look;
        this.adjustments = adjustments;
        this.develop = develop;
    }

    @Override
    public Recipe get() {
        Look shown = look.lookProperty().get();
        return shown == null ? null : new Recipe(shown.lut(), adjustments.strength(), develop.develop(), adjustments.regrain());
    }
}
