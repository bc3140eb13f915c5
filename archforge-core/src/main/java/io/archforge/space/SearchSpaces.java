package io.archforge.space;

import java.util.List;

/** The built-in search spaces, looked up by the name given to {@code --space}. */
public final class SearchSpaces {

    private SearchSpaces() {
    }

    /** The names of the built-in spaces. */
    public static List<String> names() {
        return List.of("nb201", MacroSpace.NAME, Nb101Space.NAME, DartsSpace.NAME,
                TransNas101Space.NAME, NasBenchGraphSpace.NAME, FbnetSpace.NAME,
                RecipeSpace.NAME, ForecastingSpace.NAME, TinyGptSpace.NAME,
                GnnSpace.NAME, "hwgpt-s", "hwgpt-m", "hwgpt-l");
    }

    /**
     * Looks up the built-in space named {@code name}.
     *
     * @throws IllegalArgumentException naming the valid spaces when there is none of that name
     */
    public static SearchSpace byName(String name) {
        return switch (name) {
            case "nb201" -> CellSpace.nb201();
            case MacroSpace.NAME -> MacroSpace.create();
            case Nb101Space.NAME -> Nb101Space.create();
            case DartsSpace.NAME -> DartsSpace.create();
            case TransNas101Space.NAME -> TransNas101Space.create();
            case NasBenchGraphSpace.NAME -> NasBenchGraphSpace.create();
            case FbnetSpace.NAME -> FbnetSpace.create();
            case RecipeSpace.NAME -> RecipeSpace.create();
            case ForecastingSpace.NAME -> ForecastingSpace.create();
            case TinyGptSpace.NAME -> TinyGptSpace.create();
            case GnnSpace.NAME -> GnnSpace.create();
            case "hwgpt-s", "hwgpt-m", "hwgpt-l" ->
                    HwGptMeasuredSpaces.of(HwGptSpace.sizeOf(name));
            default -> throw new IllegalArgumentException(
                    "unknown search space '" + name + "'; valid spaces are " + names());
        };
    }
}
