package io.archforge.torch.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.ZeroCostTableFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZeroCostProxiesTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final Nb201Input CIFAR10 = Nb201Input.of("cifar10");
    private static final Nb201Input IMAGENET16 = Nb201Input.of("imagenet16-120");
    private static final String MIXED = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+"
            + "|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    @Test
    void registryHasNineNames() {
        assertThat(ZeroCostProxies.names()).containsExactly("params", "flops", "synflow",
                "snip", "grad_norm", "fisher", "grasp", "jacov", "nwot");
        for (String name : ZeroCostProxies.names()) {
            assertThat(ZeroCostProxies.byName(name).name()).isEqualTo(name);
        }
    }

    @Test
    void unknownNameListsAllowed() {
        assertThatThrownBy(() -> ZeroCostProxies.byName("zen"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zen'").hasMessageContaining("synflow, snip");
    }

    @Test
    void everyProxyIsFiniteAndRepeatable() {
        ProxyInput input = new ProxyInput(SPACE.parse(MIXED),
                ProxyBatches.noise(IMAGENET16, 8, 3), 11);
        List<ZeroCostProxy> proxies = ZeroCostProxies.names().stream()
                .map(ZeroCostProxies::byName).toList();
        try (ProxyRunner runner = new ProxyRunner()) {
            List<ProxyScore> first = runner.scoreAll(proxies, input);
            List<ProxyScore> second = runner.scoreAll(proxies, input);
            for (int i = 0; i < first.size(); i++) {
                ProxyScore score = first.get(i);
                assertThat(score.value()).as(score.proxy()).isFinite();
                assertThat(second.get(i).value()).as(score.proxy())
                        .isCloseTo(score.value(), within(Math.abs(score.value()) * 1e-5));
            }
        }
    }

    @Test
    void dataDependentProxiesSeeTheBatch() {
        Architecture cell = SPACE.parse(MIXED);
        ProxyInput noise = new ProxyInput(cell, ProxyBatches.noise(IMAGENET16, 8, 3), 11);
        ProxyInput images = new ProxyInput(cell, ProxyBatches.fromImages(
                DataSources.shippedFashionMnistSubset().train(), "fashion-mnist", IMAGENET16,
                8, 3), 11);
        try (ProxyRunner runner = new ProxyRunner()) {
            for (String name : ZeroCostProxies.names()) {
                ZeroCostProxy proxy = ZeroCostProxies.byName(name);
                double a = runner.score(proxy, noise).value();
                double b = runner.score(proxy, images).value();
                if (proxy.dataDependent()) {
                    assertThat(a).as(name).isNotEqualTo(b);
                } else {
                    assertThat(a).as(name).isEqualTo(b);
                }
            }
        }
    }

    @Test
    void synflowOfDisconnectedCellIsZero() {
        Architecture cell = SPACE.parse("|none~0|+|skip_connect~0|avg_pool_3x3~1|+"
                + "|none~0|skip_connect~1|none~2|");
        try (ProxyRunner runner = new ProxyRunner()) {
            ProxyScore score = runner.score(ZeroCostProxies.byName("synflow"),
                    new ProxyInput(cell, ProxyBatches.noise(CIFAR10, 2, 1), 5));
            assertThat(score.value()).isZero();
        }
    }

    @Test
    void synflowRanksLikeStoredValues() throws IOException {
        List<Map<String, String>> rows = ZeroCostTableFile.rows("cifar10");
        List<Double> ours = new ArrayList<>();
        List<Double> stored = new ArrayList<>();
        ZeroCostProxy synflow = ZeroCostProxies.byName("synflow");
        try (ProxyRunner runner = new ProxyRunner()) {
            for (int row = 0; row < rows.size(); row += 18) {
                String value = rows.get(row).get("synflow");
                if (value.isEmpty()) {
                    continue;
                }
                Architecture cell = SPACE.parse(rows.get(row).get("arch_str"));
                ours.add(runner.score(synflow,
                        new ProxyInput(cell, ProxyBatches.noise(CIFAR10, 2, 1), row)).value());
                stored.add(Double.parseDouble(value));
            }
        }
        assertThat(ours).hasSizeGreaterThanOrEqualTo(40);
        assertThat(spearman(ours, stored)).isGreaterThan(0.95);
    }

    @Test
    void resizeKeepsConstantImage() {
        float[] image = new float[28 * 28];
        java.util.Arrays.fill(image, 0.25f);
        float[] resized = ProxyBatches.resize(image, 28, 28, 16);
        assertThat(resized).hasSize(256).containsOnly(0.25f);
    }

    @Test
    void batchRejectsLabelOutsideClasses() {
        assertThatThrownBy(() -> new ProxyBatch(IMAGENET16,
                new float[2 * IMAGENET16.imageSize()], new int[] {0, 120}, "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 120");
    }

    private static double spearman(List<Double> a, List<Double> b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElseThrow();
        double mb = Arrays.stream(rb).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** Ranks with ties averaged. */
    private static double[] ranks(List<Double> values) {
        Integer[] order = new Integer[values.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values.get(x), values.get(y)));
        double[] ranks = new double[order.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length
                    && values.get(order[j + 1]).equals(values.get(order[i]))) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return ranks;
    }
}
