# The helper modules that model_template.py takes for the networks that use them.

# begin Residual
class Residual(nn.Module):
    """A skip connection: the output of body plus the input."""

    def __init__(self, body):
        super().__init__()
        self.body = body

    def forward(self, x):
        return self.body(x) + x
# end Residual

# begin ResidualReduction
class ResidualReduction(nn.Module):
    """The sum of a main path and a shortcut, both of which halve the side."""

    def __init__(self, main, shortcut):
        super().__init__()
        self.main = main
        self.shortcut = shortcut

    def forward(self, x):
        return self.main(x) + self.shortcut(x)
# end ResidualReduction

# begin Cell
class Cell(nn.Module):
    """A NAS-Bench-201 cell, a DAG of nodes.

    Node 0 is the input. Every later node is the sum of its incoming edges, each edge's
    operation applied to its source node, in edge order. The last node is the output.
    The avg_pool_3x3 operation counts the padding in its mean (count_include_pad=True)
    because the DJL network does, although NAS-Bench-201 defines it without.
    """

    def __init__(self, nodes, edges, ops):
        super().__init__()
        self.nodes = nodes
        self.edges = list(edges)
        self.ops = nn.ModuleList(ops)

    def forward(self, x):
        values = [x] + [None] * (self.nodes - 1)
        for (source, target), op in zip(self.edges, self.ops):
            out = op(values[source])
            values[target] = out if values[target] is None else values[target] + out
        return values[-1]
# end Cell

# begin Zero
class Zero(nn.Module):
    """The NAS-Bench-201 'none' operation: the input times 0."""

    def forward(self, x):
        return x * 0.0
# end Zero

# begin SpatialMean
class SpatialMean(nn.Module):
    """Global average pooling: the mean over width, then height, [N, C, H, W] to [N, C]."""

    def forward(self, x):
        return x.mean(3).mean(2)
# end SpatialMean
