package io.archforge.torch.data;

import io.archforge.provenance.DataInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and reads the training data named by {@code --dataset} and {@code --data}.
 *
 * <p>Two dataset names are understood:
 * <ul>
 *   <li>{@code fashion-mnist}: the directory given as {@code --data} if any; otherwise
 *       {@value #SYSTEM_FASHION_MNIST}, where Debian's {@code dataset-fashion-mnist}
 *       package installs the full set; otherwise the stratified subset shipped in this
 *       jar (6,000 training and 1,000 test images).</li>
 *   <li>{@code idx:DIR}: the four IDX files in {@code DIR}.</li>
 * </ul>
 * A directory must contain {@code train-images-idx3-ubyte}, {@code
 * train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code
 * t10k-labels-idx1-ubyte}, each optionally ending in {@code .gz}. The result's
 * {@link TrainTestData#source()} names the files that were read. Fashion-MNIST labels
 * must be 0 to 9 and the data always has ten classes; the labels of {@code idx:DIR}
 * must number the classes 0 to N-1, each with a training image, and test labels must
 * be among them.
 */
public final class DataSources {
    /** The directory where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final String SYSTEM_FASHION_MNIST = "/usr/share/datasets/fashion-mnist";

    private static final Logger LOG = LoggerFactory.getLogger(DataSources.class);
    private static final String SUBSET_RESOURCE = "fashion-mnist-subset/";
    private static final String IDX_PREFIX = "idx:";
    private static final String[] FILE_NAMES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    private DataSources() {
    }

    /**
     * Reads the dataset named {@code dataset}.
     *
     * @param dataset {@code fashion-mnist} or {@code idx:DIR}
     * @param dataDir the directory given with {@code --data}, or null
     * @throws IllegalArgumentException when the name is unknown
     * @throws DataFileException when a file is missing or corrupt
     */
    public static TrainTestData load(String dataset, Path dataDir) {
        return load(dataset, dataDir, Path.of(SYSTEM_FASHION_MNIST));
    }

    /**
     * Lists the files that {@link #load} reads for the same arguments, without reading
     * them: the four IDX files of the directory it picks, or the four resources of the
     * shipped subset.
     *
     * @param dataset {@code fashion-mnist} or {@code idx:DIR}
     * @param dataDir the directory given with {@code --data}, or null
     * @throws IllegalArgumentException when the name is unknown
     * @throws DataFileException when the directory lacks a file
     */
    public static List<DataInput> inputs(String dataset, Path dataDir) {
        return inputs(dataset, dataDir, Path.of(SYSTEM_FASHION_MNIST));
    }

    static List<DataInput> inputs(String dataset, Path dataDir, Path systemDir) {
        Path directory;
        if (dataset.startsWith(IDX_PREFIX)) {
            directory = Path.of(dataset.substring(IDX_PREFIX.length()));
        } else if (!dataset.toLowerCase(Locale.ROOT).equals("fashion-mnist")) {
            throw new IllegalArgumentException("unknown dataset '" + dataset
                    + "'; use fashion-mnist or idx:DIR");
        } else if (dataDir != null) {
            directory = dataDir;
        } else if (hasAllFiles(systemDir)) {
            directory = systemDir;
        } else {
            return Arrays.stream(FILE_NAMES).map(name ->
                    DataInput.resource(DataSources.class, SUBSET_RESOURCE + name + ".gz")).toList();
        }
        List<DataInput> files = new ArrayList<>();
        for (String name : FILE_NAMES) {
            files.add(DataInput.file(findFile(directory, name)
                    .orElseThrow(() -> missing(directory))));
        }
        return files;
    }

    static TrainTestData load(String dataset, Path dataDir, Path systemDir) {
        TrainTestData data = resolve(dataset, dataDir, systemDir);
        LOG.info("Read {}: {} training and {} test images of {}x{}, {} classes", data.source(),
                data.train().size(), data.test().size(), data.train().rows(),
                data.train().columns(), data.classCount());
        return data;
    }

    private static TrainTestData resolve(String dataset, Path dataDir, Path systemDir) {
        if (dataset.startsWith(IDX_PREFIX)) {
            if (dataDir != null) {
                throw new IllegalArgumentException("--data is not used with " + dataset
                        + "; the directory follows 'idx:'");
            }
            return fromDirectory(Path.of(dataset.substring(IDX_PREFIX.length())), "IDX files");
        }
        if (!dataset.toLowerCase(Locale.ROOT).equals("fashion-mnist")) {
            throw new IllegalArgumentException("unknown dataset '" + dataset
                    + "'; use fashion-mnist or idx:DIR");
        }
        if (dataDir != null) {
            return readDirectory(dataDir, "Fashion-MNIST", LabelRules.FASHION_MNIST);
        }
        if (hasAllFiles(systemDir)) {
            return readDirectory(systemDir, "Fashion-MNIST", LabelRules.FASHION_MNIST);
        }
        LOG.info("No Fashion-MNIST files in {}; using the subset shipped in the jar", systemDir);
        return shippedFashionMnistSubset();
    }

    /**
     * Reads the four IDX files in {@code directory}. The training labels must number
     * the classes 0 to N-1 with every class present, and each test label must be one of
     * those classes.
     *
     * @param label what the files hold, for the source description
     * @throws DataFileException when a file is missing or corrupt, or a label breaks
     *     those rules
     */
    public static TrainTestData fromDirectory(Path directory, String label) {
        return readDirectory(directory, label, LabelRules.IDX);
    }

    private static TrainTestData readDirectory(Path directory, String label, LabelRules rules) {
        Path[] files = new Path[FILE_NAMES.length];
        for (int i = 0; i < files.length; i++) {
            files[i] = findFile(directory, FILE_NAMES[i]).orElseThrow(() -> missing(directory));
        }
        ImageDataset train = IdxReader.read(files[0], files[1]);
        ImageDataset test = IdxReader.read(files[2], files[3]);
        TrainTestData data =
                new TrainTestData(train, test, label + " from " + directory.toAbsolutePath());
        return rules.apply(data, files[1].toString(), files[3].toString());
    }

    /** Reads the stratified Fashion-MNIST subset shipped in this jar. */
    public static TrainTestData shippedFashionMnistSubset() {
        ImageDataset train = readResource(FILE_NAMES[0], FILE_NAMES[1]);
        ImageDataset test = readResource(FILE_NAMES[2], FILE_NAMES[3]);
        String source = "Fashion-MNIST subset shipped with archforge-torch"
                + " (stratified, " + train.size() + " training and " + test.size()
                + " test images)";
        return LabelRules.FASHION_MNIST.apply(new TrainTestData(train, test, source),
                "resource " + SUBSET_RESOURCE + FILE_NAMES[1] + ".gz",
                "resource " + SUBSET_RESOURCE + FILE_NAMES[3] + ".gz");
    }

    private static ImageDataset readResource(String images, String labels) {
        String imageName = SUBSET_RESOURCE + images + ".gz";
        String labelName = SUBSET_RESOURCE + labels + ".gz";
        return IdxReader.read("resource " + imageName,
                DataSources.class.getResourceAsStream(imageName),
                "resource " + labelName,
                DataSources.class.getResourceAsStream(labelName));
    }

    private static boolean hasAllFiles(Path directory) {
        for (String name : FILE_NAMES) {
            if (findFile(directory, name).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Path> findFile(Path directory, String name) {
        Path plain = directory.resolve(name);
        if (Files.isRegularFile(plain)) {
            return Optional.of(plain);
        }
        Path gzipped = directory.resolve(name + ".gz");
        return Files.isRegularFile(gzipped) ? Optional.of(gzipped) : Optional.empty();
    }

    private static DataFileException missing(Path directory) {
        StringBuilder absent = new StringBuilder();
        for (String name : FILE_NAMES) {
            if (findFile(directory, name).isEmpty()) {
                absent.append(absent.length() == 0 ? "" : ", ").append(name).append("[.gz]");
            }
        }
        return new DataFileException(directory.toAbsolutePath() + " lacks " + absent
                + "; it must contain the four IDX files of a training and a test split");
    }
}
