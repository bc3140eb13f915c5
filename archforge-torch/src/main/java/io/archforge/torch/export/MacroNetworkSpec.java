package io.archforge.torch.export;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import io.archforge.space.MacroSpace.StageSpec;
import io.archforge.space.RecipeSpace;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.train.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The network of a {@code macro} architecture as {@link MacroNetworkBuilder} builds it.
 *
 * @param channels image channels
 * @param height image height in pixels
 * @param width image width in pixels
 * @param classes output logits
 * @param stemStride the stride of the stem convolution, 1 or 2
 */
public record MacroNetworkSpec(int channels, int height, int width, int classes,
        int stemStride) implements NetworkSpec {

    /** The space name. */
    public static final String SPACE = MacroSpace.NAME;

    public MacroNetworkSpec {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("invalid macro input " + channels + "x" + height
                    + "x" + width + ": channels, height and width must be at least 1");
        }
        // The builder checks the class count and the stem stride.
        new MacroNetworkBuilder(classes, stemStride);
    }

    @Override
    public String space() {
        return SPACE;
    }

    @Override
    public Shape inputShape(long size) {
        return new Shape(size, channels, height, width);
    }

    @Override
    public String inputDescription() {
        return String.format(Locale.ROOT, "float32 images of shape [N, %d, %d, %d], pixel"
                + " values scaled from [0, 255] to [-1, 1] (value / 127.5 - 1) as in training",
                channels, height, width);
    }

    @Override
    public String describe() {
        return "macro network of MobileNetV2 inverted-bottleneck blocks: stem convolution"
                + " with stride " + stemStride + ", three stages, global average pooling and"
                + " a linear layer to " + classes + " classes";
    }

    @Override
    public String pythonClassName() {
        return "MacroNetwork";
    }

    /**
     * Parses a {@code macro} architecture, or the macro part of a {@code macro+recipe}
     * one: its recipe choices change training only, and its dropout is the identity at
     * inference, so the exported network is that of the macro part.
     *
     * @throws IllegalArgumentException when the text is not an architecture of either space
     */
    @Override
    public Architecture parse(String text) {
        return MacroSpace.create().parse(RecipeSpace.macroText(text));
    }

    @Override
    public SequentialBlock build(Architecture architecture) {
        return new MacroNetworkBuilder(classes, stemStride).build(architecture);
    }

    @Override
    public SequentialBlock buildFromSeed(Architecture architecture, NDManager manager,
            long seed) {
        SequentialBlock network = build(architecture);
        Trainer.initialize(network, manager, inputShape(1), seed);
        return network;
    }

    @Override
    public List<String> childNames(Architecture architecture) {
        List<String> names = new ArrayList<>();
        names.add("stem");
        List<StageSpec> stages = MacroSpace.stages(architecture);
        for (int stage = 0; stage < stages.size(); stage++) {
            for (int block = 0; block < stages.get(stage).depth(); block++) {
                names.add("stage" + (stage + 1) + "_block" + (block + 1));
            }
        }
        names.add("head");
        return names;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("space", SPACE);
        json.put("input_shape", List.of(channels, height, width));
        json.put("classes", classes);
        json.put("stem_stride", stemStride);
        return json;
    }
}
