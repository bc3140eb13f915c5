package io.archforge.predictors.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spells operation labels such as {@code nor_conv_3x3} or {@code conv3x3-bn-relu} as
 * words, such as {@code 3x3 conv} or {@code 3x3 conv batch norm relu}.
 *
 * <p>The label is split at underscores, hyphens, dots and spaces, and between letters
 * and a kernel size. Abbreviations become whole words where that costs no more than
 * one extra word piece, kernel sizes move to the front, and other pieces are kept as
 * they are. The MiniLM vocabulary has no whole word for "convolution" or "pooling"
 * (it splits them into 4 and 2 pieces), so {@code conv} and {@code pool} stay.
 * {@code nor_conv_3x3} then costs 5 word pieces instead of 8, and a DARTS-sized cell
 * fits the model's 128 pieces.
 */
final class OperationWords {

    /** Abbreviations in operation labels of NAS-Bench-101, NAS-Bench-201 and DARTS. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("nor", ""),
            Map.entry("avg", "average"),
            Map.entry("maxpool", "max pool"),
            Map.entry("avgpool", "average pool"),
            Map.entry("sep", "separable"),
            Map.entry("dil", "dilated"),
            Map.entry("connect", "connection"),
            Map.entry("none", "zero"),
            Map.entry("bn", "batch norm"));

    private static final Pattern SEPARATORS = Pattern.compile("[_\\-.\\s]+");
    private static final Pattern KERNEL = Pattern.compile("\\d+x\\d+");
    /** The boundary between a letter and a kernel size, as in {@code conv3x3}. */
    private static final Pattern GLUED_KERNEL = Pattern.compile("(?<=[A-Za-z])(?=\\d+x\\d+)");

    private OperationWords() {
    }

    /** Spells {@code label} as words; a label with no words left is returned unchanged. */
    static String of(String label) {
        List<String> kernels = new ArrayList<>();
        List<String> words = new ArrayList<>();
        String spaced = GLUED_KERNEL.matcher(label).replaceAll(" ");
        for (String piece : SEPARATORS.split(spaced.strip())) {
            if (KERNEL.matcher(piece).matches()) {
                kernels.add(piece);
                continue;
            }
            String word = WORDS.getOrDefault(piece.toLowerCase(Locale.ROOT), piece);
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        List<String> spelled = new ArrayList<>(kernels);
        spelled.addAll(words);
        return spelled.isEmpty() ? label : String.join(" ", spelled);
    }
}
