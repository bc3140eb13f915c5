package io.archforge.torch.supernet;

import java.util.Arrays;

/**
 * The operation index that each cell edge forwards now. Every cell of a supernet reads
 * the same selection, so all cells compute the same cell architecture.
 */
final class PathSelection {

    private final int[] operations;

    PathSelection(int edges) {
        this.operations = new int[edges];
    }

    /** Returns the operation index selected on {@code edge}. */
    int operation(int edge) {
        return operations[edge];
    }

    /** Selects {@code indices}, one operation index per edge in gene order. */
    void set(int[] indices) {
        if (indices.length != operations.length) {
            throw new IllegalArgumentException("expected " + operations.length
                    + " operation indices, got " + indices.length);
        }
        System.arraycopy(indices, 0, operations, 0, indices.length);
    }

    @Override
    public String toString() {
        return Arrays.toString(operations);
    }
}
