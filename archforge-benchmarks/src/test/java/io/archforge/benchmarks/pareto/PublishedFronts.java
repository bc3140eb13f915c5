package io.archforge.benchmarks.pareto;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The published NAS-Bench-201 fronts of test error against FLOPs from the LOMONAS
 * repository (ELO-Lab/LOMONAS, {@code data/POF}), flattened into
 * {@code pareto_fronts.csv}. The directory is the system property
 * {@code archforge.nb201.source}; by default the data folder beside the project
 * directory. Tests that need the file skip when it is missing.
 */
final class PublishedFronts {

    private static final String FILE = "pareto_fronts.csv";
    private static final String DEFAULT_DIRECTORY = Path.of(
            System.getProperty("archforge.project.dir", "."), "..", "shared", "data", "nb201")
            .normalize().toString();
    private static final Map<Nb201Dataset, String> BENCHMARKS = Map.of(
            Nb201Dataset.CIFAR10, "NAS201_CIFAR-10",
            Nb201Dataset.CIFAR100, "NAS201_CIFAR-100",
            Nb201Dataset.IMAGENET16_120, "NAS201_ImageNet16-120");

    private PublishedFronts() {
    }

    /**
     * A published point.
     *
     * @param error the test error, percent
     * @param flops the FLOPs as the publishers counted them, millions
     */
    record Point(double error, double flops) {
    }

    /** Reads the test-accuracy front of {@code dataset}, or skips the calling test. */
    static List<Point> testAccuracyFront(Nb201Dataset dataset) throws IOException {
        Path file = Path.of(System.getProperty("archforge.nb201.source", DEFAULT_DIRECTORY))
                .resolve(FILE);
        assumeTrue(Files.isRegularFile(file), () -> "assumes the published fronts " + file
                + " exist; set -Darchforge.nb201.source=DIR to point at them");
        List<Point> points = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            // front_file,metric_pair,benchmark,point,obj1_error,obj2_cost
            String[] cells = line.split(",");
            if (cells[1].equals("TestAcc_FLOPs") && cells[2].equals(BENCHMARKS.get(dataset))) {
                points.add(new Point(Double.parseDouble(cells[4]), Double.parseDouble(cells[5])));
            }
        }
        return points;
    }
}
