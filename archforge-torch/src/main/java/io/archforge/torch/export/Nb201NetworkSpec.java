package io.archforge.torch.export;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.nb201.Nb201Skeleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The network of an {@code nb201} cell as {@link Nb201NetworkBuilder} builds it.
 *
 * @param input the image channels and side and the class count
 * @param skeleton the stem channels and the cells per stage
 */
public record Nb201NetworkSpec(Nb201Input input, Nb201Skeleton skeleton)
        implements NetworkSpec {

    /** The space name, that of {@link CellSpace#nb201()}. */
    public static final String SPACE = "nb201";

    public Nb201NetworkSpec {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(skeleton, "skeleton");
    }

    /** Returns the network the benchmark trained for a NAS-Bench-201 data set, such as cifar10. */
    public static Nb201NetworkSpec benchmark(String dataset) {
        return new Nb201NetworkSpec(Nb201Input.of(dataset), Nb201Skeleton.BENCHMARK);
    }

    @Override
    public String space() {
        return SPACE;
    }

    @Override
    public int classes() {
        return input.classes();
    }

    @Override
    public Shape inputShape(long size) {
        return input.batchShape(size);
    }

    @Override
    public String inputDescription() {
        return String.format(Locale.ROOT, "float32 images of shape [N, %d, %d, %d]",
                input.channels(), input.side(), input.side());
    }

    @Override
    public String describe() {
        return "NAS-Bench-201 network: stem of " + skeleton.channels() + " channels, three"
                + " stages of " + skeleton.cellsPerStage() + " cells with a residual"
                + " reduction block before the second and the third, then batch norm, ReLU,"
                + " global average pooling and a linear layer to " + input.classes()
                + " classes";
    }

    @Override
    public String pythonClassName() {
        return "Nb201Network";
    }

    @Override
    public SequentialBlock build(Architecture architecture) {
        return builder().build(architecture);
    }

    @Override
    public SequentialBlock buildFromSeed(Architecture architecture, NDManager manager,
            long seed) {
        Block network = builder().create(architecture, manager, DataType.FLOAT32, seed, false);
        if (!(network instanceof SequentialBlock sequential)) {
            throw new IllegalStateException("the NAS-Bench-201 builder returned a "
                    + network.getClass().getName() + ", not a sequential block");
        }
        return sequential;
    }

    @Override
    public List<String> childNames(Architecture architecture) {
        List<String> names = new ArrayList<>();
        names.add("stem");
        for (int stage = 1; stage <= Nb201Skeleton.STAGES; stage++) {
            if (stage > 1) {
                names.add("stage" + stage + "_reduction");
            }
            for (int cell = 1; cell <= skeleton.cellsPerStage(); cell++) {
                names.add("stage" + stage + "_cell" + cell);
            }
        }
        names.add("head");
        return names;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("space", SPACE);
        json.put("input_shape", List.of(input.channels(), input.side(), input.side()));
        json.put("classes", input.classes());
        json.put("stem_channels", skeleton.channels());
        json.put("cells_per_stage", skeleton.cellsPerStage());
        return json;
    }

    private Nb201NetworkBuilder builder() {
        return Nb201NetworkBuilder.forInput(input).withSkeleton(skeleton);
    }
}
