package io.archforge.torch.export;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpaces;
import java.util.List;
import java.util.Map;

/**
 * What, besides the architecture, fixes the network of an export: the input shape, the
 * class count and the builder's settings. {@code architecture.json} stores it under
 * {@code network}, and the weights file stores it in its metadata.
 */
public sealed interface NetworkSpec permits MacroNetworkSpec, Nb201NetworkSpec {

    /** The search space name. */
    String space();

    /** The number of output logits. */
    int classes();

    /** The shape of a batch of {@code size} inputs, channels first. */
    Shape inputShape(long size);

    /** A sentence on the expected input, for the model card and model.py. */
    String inputDescription();

    /** A sentence on the network the builder makes, for the model card. */
    String describe();

    /** The name of the generated PyTorch class. */
    String pythonClassName();

    /**
     * Parses an architecture of this space.
     *
     * @throws IllegalArgumentException when the text is not an architecture of the space
     */
    default Architecture parse(String text) {
        return SearchSpaces.byName(space()).parse(text);
    }

    /** Builds the uninitialized DJL network of {@code architecture} with the space's builder. */
    SequentialBlock build(Architecture architecture);

    /**
     * Builds the network and initializes its parameters in {@code manager} from {@code
     * seed}, as the space's evaluator does before training.
     */
    SequentialBlock buildFromSeed(Architecture architecture, NDManager manager, long seed);

    /** The PyTorch attribute names of the network's top-level blocks, in order. */
    List<String> childNames(Architecture architecture);

    /** The settings as JSON-ready values, {@code space} first. */
    Map<String, Object> toJson();
}
