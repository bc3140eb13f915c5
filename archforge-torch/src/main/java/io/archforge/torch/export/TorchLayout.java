package io.archforge.torch.export;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.util.Pair;
import io.archforge.torch.export.TorchModule.FunctionKind;
import io.archforge.torch.nb201.Nb201Cell;
import io.archforge.torch.nb201.ParameterFreeOp;
import io.archforge.torch.nb201.ResidualReduction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The PyTorch form of a DJL network: the module tree that rebuilds it and each DJL
 * parameter under the name that the PyTorch module's {@code state_dict} gives it, such
 * as {@code stem.1.running_mean}.
 *
 * <p>{@link #of} maps the blocks that {@code MacroNetworkBuilder} and {@code
 * Nb201NetworkBuilder} use and rejects any other block by class. It drops the probe
 * points ({@code LAYER_OUTPUT}) of the NAS-Bench-201 network, which pass their input
 * through, and dropout layers, which do so at inference and have no parameters, so a
 * network trained with dropout gets the names of the same network without it. A
 * sequential block left with one child becomes that child.
 *
 * @param root the network, with the given names for its top-level children
 * @param parameters every parameter, in network order
 */
public record TorchLayout(TorchModule.Sequential root, List<ParameterBinding> parameters) {

    /** DJL's names of parameters, mapped to PyTorch's. */
    private static final Map<String, String> PARAMETER_NAMES = Map.of(
            "weight", "weight", "bias", "bias", "gamma", "weight", "beta", "bias",
            "runningMean", "running_mean", "runningVar", "running_var");

    public TorchLayout {
        Objects.requireNonNull(root, "root");
        parameters = List.copyOf(parameters);
    }

    /**
     * One DJL parameter and its PyTorch {@code state_dict} name.
     *
     * @param name the PyTorch name, such as {@code stage1_block1.body.0.weight}
     * @param parameter the DJL parameter
     */
    public record ParameterBinding(String name, Parameter parameter) {
        public ParameterBinding {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(parameter, "parameter");
        }
    }

    /**
     * Maps a network whose top-level children get {@code names}. The network may be
     * uninitialized: the names depend only on its structure.
     *
     * @throws IllegalArgumentException when the number of names differs from the number
     *     of children, or the network contains a block this class cannot map
     */
    public static TorchLayout of(SequentialBlock network, List<String> names) {
        List<Block> children = List.copyOf(network.getChildren().values());
        if (children.size() != names.size()) {
            throw new IllegalArgumentException("the network has " + children.size()
                    + " top-level blocks but " + names.size() + " names were given");
        }
        List<TorchModule> modules = new ArrayList<>();
        for (Block child : children) {
            TorchModule module = module(child);
            if (module == null) {
                throw new IllegalArgumentException("a top-level block of the network is a"
                        + " probe point, which has no PyTorch module");
            }
            modules.add(module);
        }
        TorchModule.Sequential root = new TorchModule.Sequential(names, modules);
        List<ParameterBinding> bindings = new ArrayList<>();
        bind("", root, bindings);
        return new TorchLayout(root, bindings);
    }

    /** Returns the module of {@code block}, or null for a probe point or dropout layer. */
    private static TorchModule module(Block block) {
        if (block instanceof Dropout) {
            return null;
        }
        if (block instanceof ParameterFreeOp op) {
            return parameterFree(op.kind());
        }
        if (block instanceof Conv2d convolution) {
            return new TorchModule.Convolution(convolution);
        }
        if (block instanceof BatchNorm batchNorm) {
            return new TorchModule.BatchNorm2d(batchNorm);
        }
        if (block instanceof Linear linear) {
            return new TorchModule.FullyConnected(linear);
        }
        if (block instanceof LambdaBlock lambda) {
            return new TorchModule.Function(lambda(lambda.getName()));
        }
        if (block instanceof ParallelBlock parallel) {
            return residual(parallel);
        }
        if (block instanceof Nb201Cell cell) {
            List<TorchModule> operations = cell.operations().stream()
                    .map(TorchLayout::module)
                    .map(m -> m == null ? new TorchModule.Function(FunctionKind.IDENTITY) : m)
                    .toList();
            return new TorchModule.Cell(cell.nodes(), cell.edges(), operations);
        }
        if (block instanceof ResidualReduction) {
            List<Block> paths = List.copyOf(block.getChildren().values());
            return new TorchModule.Reduction(module(paths.get(0)), module(paths.get(1)));
        }
        if (block instanceof SequentialBlock sequential) {
            return sequential(sequential);
        }
        throw new IllegalArgumentException("cannot export block " + block.getClass().getName()
                + ": it has no PyTorch counterpart here");
    }

    private static TorchModule sequential(SequentialBlock block) {
        List<TorchModule> children = new ArrayList<>();
        for (Block child : block.getChildren().values()) {
            TorchModule module = module(child);
            if (module != null) {
                children.add(module);
            }
        }
        if (children.size() == 1) {
            return children.get(0);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            names.add(Integer.toString(i));
        }
        return new TorchModule.Sequential(names, children);
    }

    /** Maps the skip connection of {@code MacroNetworkBuilder}: the body and an identity. */
    private static TorchModule residual(ParallelBlock block) {
        List<Block> branches = List.copyOf(block.getChildren().values());
        boolean skip = branches.size() == 2 && branches.get(1) instanceof LambdaBlock lambda
                && lambda.getName().equals("identity");
        if (!skip) {
            throw new IllegalArgumentException("cannot export a parallel block other than a"
                    + " body with an identity skip connection");
        }
        return new TorchModule.Residual(module(branches.get(0)));
    }

    private static TorchModule parameterFree(ParameterFreeOp.Kind kind) {
        FunctionKind function = switch (kind) {
            case RELU -> FunctionKind.RELU;
            case ZERO -> FunctionKind.ZERO;
            case IDENTITY -> FunctionKind.IDENTITY;
            case AVG_POOL_3X3 -> FunctionKind.AVG_POOL_3X3;
            case AVG_POOL_2X2 -> FunctionKind.AVG_POOL_2X2;
            case GLOBAL_AVG_POOL -> FunctionKind.SPATIAL_MEAN;
            case LAYER_OUTPUT -> null;
        };
        return function == null ? null : new TorchModule.Function(function);
    }

    /** Maps DJL's named lambda blocks (names as DJL 0.36 gives them). */
    private static FunctionKind lambda(String name) {
        return switch (name) {
            case "ReLU" -> FunctionKind.RELU;
            case "identity" -> FunctionKind.IDENTITY;
            case "globalAvgPool2d" -> FunctionKind.ADAPTIVE_AVG_POOL;
            case "batchFlatten" -> FunctionKind.FLATTEN;
            default -> throw new IllegalArgumentException("cannot export lambda block '" + name
                    + "': supported are ReLU, identity, globalAvgPool2d and batchFlatten");
        };
    }

    /** Adds the parameters of {@code module} and its children, named under {@code prefix}. */
    private static void bind(String prefix, TorchModule module, List<ParameterBinding> out) {
        if (module instanceof TorchModule.Sequential sequential) {
            for (int i = 0; i < sequential.children().size(); i++) {
                bind(prefix + sequential.names().get(i) + ".", sequential.children().get(i),
                        out);
            }
        } else if (module instanceof TorchModule.Residual residual) {
            bind(prefix + "body.", residual.body(), out);
        } else if (module instanceof TorchModule.Reduction reduction) {
            bind(prefix + "main.", reduction.main(), out);
            bind(prefix + "shortcut.", reduction.shortcut(), out);
        } else if (module instanceof TorchModule.Cell cell) {
            for (int i = 0; i < cell.operations().size(); i++) {
                bind(prefix + "ops." + i + ".", cell.operations().get(i), out);
            }
        } else if (module instanceof TorchModule.Convolution convolution) {
            bindLayer(prefix, convolution.layer(), out);
        } else if (module instanceof TorchModule.BatchNorm2d batchNorm) {
            bindLayer(prefix, batchNorm.layer(), out);
        } else if (module instanceof TorchModule.FullyConnected linear) {
            bindLayer(prefix, linear.layer(), out);
        }
    }

    private static void bindLayer(String prefix, Block layer, List<ParameterBinding> out) {
        for (Pair<String, Parameter> parameter : layer.getDirectParameters()) {
            String name = PARAMETER_NAMES.get(parameter.getKey());
            if (name == null) {
                throw new IllegalArgumentException("cannot export parameter '"
                        + parameter.getKey() + "' of " + layer.getClass().getSimpleName());
            }
            out.add(new ParameterBinding(prefix + name, parameter.getValue()));
        }
    }
}
