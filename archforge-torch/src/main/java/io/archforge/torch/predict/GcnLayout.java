package io.archforge.torch.predict;

/**
 * The shape of a {@link GcnNetwork}: what its input looks like and how wide it is.
 *
 * @param labels the node labels of the graph form, the length of a node's features
 * @param cells the cell graphs per architecture
 * @param nodes the nodes of every padded graph
 * @param layers the graph convolution layers
 * @param hiddenUnits the features per node after each graph convolution layer
 * @param headUnits the units of the head's hidden layer
 */
record GcnLayout(int labels, int cells, int nodes, int layers, int hiddenUnits,
        int headUnits) {

    /** Returns the layout of networks for {@code batch} with the widths of {@code settings}. */
    static GcnLayout of(GraphBatch batch, GcnPredictor.Settings settings) {
        return new GcnLayout(batch.labels(), batch.cells(), batch.nodes(), settings.layers(),
                settings.hiddenUnits(), settings.headUnits());
    }
}
