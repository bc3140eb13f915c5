package io.archforge.torch.online;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copies the weights a child network shares with its parent, as network morphism and
 * weight-inheriting evolution do. Every parameter of the child whose name and shape
 * equal those of a parent parameter takes a copy of the parent's values. Every other
 * parameter keeps its fresh initialisation. DJL names a parameter by its path of
 * child blocks, so blocks that two architectures build alike share names.
 */
public final class WeightInheritance {

    private WeightInheritance() {
    }

    /**
     * Copies the matching parameters of {@code parent} into {@code child}. Both blocks
     * must be initialised; the child's arrays are overwritten in place, so the copies do
     * not share memory with the parent.
     *
     * @return the names of the copied and of the freshly initialised parameters
     */
    public static Inheritance inherit(Block parent, Block child) {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
        Map<String, Parameter> inherited = parent.getParameters().toMap();
        List<String> copied = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (Pair<String, Parameter> pair : child.getParameters()) {
            Parameter source = inherited.get(pair.getKey());
            NDArray target = pair.getValue().getArray();
            if (source != null && source.isInitialized()
                    && source.getArray().getShape().equals(target.getShape())
                    && source.getArray().getDataType() == target.getDataType()) {
                target.set(source.getArray().toByteBuffer());
                copied.add(pair.getKey());
            } else {
                fresh.add(pair.getKey());
            }
        }
        return new Inheritance(copied, fresh);
    }

    /**
     * The outcome of one inheritance.
     *
     * @param copied the child's parameters that took the parent's values
     * @param fresh the child's parameters that kept their initialisation
     */
    public record Inheritance(List<String> copied, List<String> fresh) {
        public Inheritance {
            copied = List.copyOf(copied);
            fresh = List.copyOf(fresh);
        }

        /** Returns the share of the child's parameters that were copied, from 0 to 1. */
        public double share() {
            int total = copied.size() + fresh.size();
            return total == 0 ? 0 : (double) copied.size() / total;
        }
    }
}
