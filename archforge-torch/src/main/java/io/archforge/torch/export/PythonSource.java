package io.archforge.torch.export;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import io.archforge.space.CellSpace.Edge;
import io.archforge.torch.export.TorchModule.FunctionKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes {@code model.py}: a PyTorch {@code nn.Module} that rebuilds an exported DJL
 * network layer for layer, and a {@code load(directory)} function that reads
 * {@code weights.safetensors} into it and returns it in eval mode.
 *
 * <p>The file needs only torch. It reads the weights with the {@code safetensors}
 * package when that imports, and otherwise with a reader of its own (json, struct and
 * {@code torch.frombuffer}). The fixed parts of the file are the resource
 * {@code model_template.py}, into which this class writes the network and the helper
 * classes it uses from {@code model_helpers.py}.
 *
 * <p>Batch norm: DJL 0.36's {@code BatchNorm} has no getter for its epsilon and
 * momentum, so this class writes the builder defaults, epsilon 1e-5 and momentum 0.9.
 * Both network builders use the defaults. DJL's PyTorch engine passes {@code 1 -
 * momentum} to libtorch, so PyTorch's momentum is 0.1. Eval mode reads only epsilon and
 * the running statistics.
 */
public final class PythonSource {

    /** DJL 0.36's default batch-norm epsilon. */
    static final double BATCH_NORM_EPSILON = 1e-5;
    /** PyTorch's momentum for DJL 0.36's default batch-norm momentum of 0.9. */
    static final double BATCH_NORM_MOMENTUM = 0.1;

    private static final String TEMPLATE = "model_template.py";
    private static final String HELPERS = "model_helpers.py";
    private static final String INDENT = "    ";

    /** The helper classes of the template, each used by some module kinds. */
    private enum Helper {
        RESIDUAL("Residual"),
        RESIDUAL_REDUCTION("ResidualReduction"),
        CELL("Cell"),
        ZERO("Zero"),
        SPATIAL_MEAN("SpatialMean");

        private final String className;

        Helper(String className) {
            this.className = className;
        }
    }

    private final Set<Helper> helpers = EnumSet.noneOf(Helper.class);

    private PythonSource() {
    }

    /**
     * Renders model.py for an initialized network.
     *
     * @param layout the PyTorch form of the network
     * @param spec the network settings, for the docstring and the class name
     * @param architecture the architecture text
     * @param version the Archforge version, for the docstring
     */
    public static String render(TorchLayout layout, NetworkSpec spec, String architecture,
            String version) {
        PythonSource source = new PythonSource();
        List<String> body = source.topLevel(layout.root());
        return resource(TEMPLATE)
                .replace("{{space}}", spec.space())
                .replace("{{version}}", version)
                .replace("{{architecture}}", architecture)
                .replace("{{input}}", spec.inputDescription())
                .replace("{{classes}}", Integer.toString(spec.classes()))
                .replace("{{class_name}}", spec.pythonClassName())
                .replace("{{helpers}}", source.helperClasses())
                .replace("{{network}}", String.join("\n", indent(body, 2)));
    }

    /** Renders the top-level children as an {@code OrderedDict} of named modules. */
    private List<String> topLevel(TorchModule.Sequential root) {
        List<String> lines = new ArrayList<>();
        lines.add("super().__init__(OrderedDict([");
        for (int i = 0; i < root.children().size(); i++) {
            String name = root.names().get(i);
            lines.addAll(indent(wrap("(\"" + name + "\", ", lines(root.children().get(i)),
                    "),"), 1));
        }
        lines.add("]))");
        return lines;
    }

    /** Renders the Python expression of {@code module}, over one or more lines. */
    private List<String> lines(TorchModule module) {
        if (module instanceof TorchModule.Sequential sequential) {
            List<String> lines = new ArrayList<>();
            lines.add("nn.Sequential(");
            for (TorchModule child : sequential.children()) {
                lines.addAll(indent(wrap("", lines(child), ","), 1));
            }
            lines.add(")");
            return lines;
        }
        if (module instanceof TorchModule.Residual residual) {
            helpers.add(Helper.RESIDUAL);
            return wrap("Residual(", lines(residual.body()), ")");
        }
        if (module instanceof TorchModule.Reduction reduction) {
            helpers.add(Helper.RESIDUAL_REDUCTION);
            List<String> lines = new ArrayList<>();
            lines.add("ResidualReduction(");
            lines.addAll(indent(wrap("main=", lines(reduction.main()), ","), 1));
            lines.addAll(indent(wrap("shortcut=", lines(reduction.shortcut()), ","), 1));
            lines.add(")");
            return lines;
        }
        if (module instanceof TorchModule.Cell cell) {
            return cell(cell);
        }
        return List.of(leaf(module));
    }

    private List<String> cell(TorchModule.Cell cell) {
        helpers.add(Helper.CELL);
        List<String> edges = new ArrayList<>();
        for (Edge edge : cell.edges()) {
            edges.add("(" + edge.from() + ", " + edge.to() + ")");
        }
        List<String> lines = new ArrayList<>();
        lines.add("Cell(" + cell.nodes() + ", [" + String.join(", ", edges) + "], [");
        for (TorchModule operation : cell.operations()) {
            lines.addAll(indent(wrap("", lines(operation), ","), 1));
        }
        lines.add("])");
        return lines;
    }

    private String leaf(TorchModule module) {
        if (module instanceof TorchModule.Convolution convolution) {
            return convolution(convolution.layer());
        }
        if (module instanceof TorchModule.BatchNorm2d batchNorm) {
            long channels = shape(batchNorm.layer(), "gamma").get(0);
            return String.format(Locale.ROOT, "nn.BatchNorm2d(%d, eps=%.0e, momentum=%s)",
                    channels, BATCH_NORM_EPSILON, BATCH_NORM_MOMENTUM);
        }
        if (module instanceof TorchModule.FullyConnected linear) {
            Shape weight = shape(linear.layer(), "weight");
            boolean bias = linear.layer().getDirectParameters().contains("bias");
            return "nn.Linear(" + weight.get(1) + ", " + weight.get(0)
                    + (bias ? ")" : ", bias=False)");
        }
        if (module instanceof TorchModule.Function function) {
            return function(function.kind());
        }
        throw new IllegalArgumentException("no Python form for " + module);
    }

    private String convolution(Conv2d layer) {
        Shape weight = shape(layer, "weight");
        for (long dilation : layer.getDilation().getShape()) {
            if (dilation != 1) {
                throw new IllegalArgumentException("cannot export a dilated convolution");
            }
        }
        StringBuilder text = new StringBuilder("nn.Conv2d(")
                .append(weight.get(1) * layer.getGroups()).append(", ")
                .append(layer.getFilters())
                .append(", kernel_size=").append(pair(layer.getKernelShape()))
                .append(", stride=").append(pair(layer.getStride()))
                .append(", padding=").append(pair(layer.getPadding()));
        if (layer.getGroups() != 1) {
            text.append(", groups=").append(layer.getGroups());
        }
        if (!layer.isIncludeBias()) {
            text.append(", bias=False");
        }
        return text.append(")").toString();
    }

    private String function(FunctionKind kind) {
        return switch (kind) {
            case RELU -> "nn.ReLU()";
            case IDENTITY -> "nn.Identity()";
            case ZERO -> {
                helpers.add(Helper.ZERO);
                yield "Zero()";
            }
            case ADAPTIVE_AVG_POOL -> "nn.AdaptiveAvgPool2d(1)";
            case FLATTEN -> "nn.Flatten()";
            case SPATIAL_MEAN -> {
                helpers.add(Helper.SPATIAL_MEAN);
                yield "SpatialMean()";
            }
            case AVG_POOL_3X3 -> "nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=True)";
            case AVG_POOL_2X2 -> "nn.AvgPool2d(2, stride=2, padding=0, count_include_pad=False)";
        };
    }

    /**
     * Returns the helper classes that the network uses, in the order of {@link Helper},
     * each followed by two blank lines.
     */
    private String helperClasses() {
        String library = resource(HELPERS);
        StringBuilder classes = new StringBuilder();
        for (Helper helper : helpers) {
            classes.append(section(library, helper.className)).append("\n\n");
        }
        return classes.toString();
    }

    /** Returns the text between the begin and end markers of {@code name}. */
    private static String section(String library, String name) {
        String begin = "# begin " + name + "\n";
        String end = "# end " + name + "\n";
        int start = library.indexOf(begin);
        int stop = library.indexOf(end);
        if (start < 0 || stop < start) {
            throw new IllegalStateException(HELPERS + " has no section " + name);
        }
        return library.substring(start + begin.length(), stop).strip() + "\n";
    }

    private static Shape shape(Block layer, String parameterName) {
        Parameter parameter = layer.getDirectParameters().get(parameterName);
        if (parameter == null || parameter.getShape() == null) {
            throw new IllegalStateException("parameter " + parameterName + " of "
                    + layer.getClass().getSimpleName() + " has no shape; initialize the"
                    + " network first");
        }
        return parameter.getShape();
    }

    /** Formats a 2-D size as one int when both sides agree, else as a tuple. */
    private static String pair(Shape shape) {
        long first = shape.get(0);
        long second = shape.get(1);
        return first == second ? Long.toString(first) : "(" + first + ", " + second + ")";
    }

    private static List<String> wrap(String before, List<String> lines, String after) {
        List<String> wrapped = new ArrayList<>(lines);
        wrapped.set(0, before + wrapped.get(0));
        int last = wrapped.size() - 1;
        wrapped.set(last, wrapped.get(last) + after);
        return wrapped;
    }

    private static List<String> indent(List<String> lines, int levels) {
        String prefix = INDENT.repeat(levels);
        return lines.stream().map(line -> prefix + line).toList();
    }

    private static String resource(String name) {
        try (InputStream in = PythonSource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
