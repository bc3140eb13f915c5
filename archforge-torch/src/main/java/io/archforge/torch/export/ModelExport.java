package io.archforge.torch.export;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.archforge.space.Architecture;
import io.archforge.torch.train.DjlRuntime;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a trial's network as a directory that loads without Archforge:
 * <ul>
 *   <li>{@value #ARCHITECTURE_FILE}: the space, the architecture, the network settings,
 *       the metrics and the provenance ({@link ExportManifest});</li>
 *   <li>{@value #WEIGHTS_FILE}: every parameter and batch-norm statistic under its
 *       PyTorch {@code state_dict} name ({@link NetworkWeights});</li>
 *   <li>{@value #PYTHON_FILE}: the PyTorch module and its loader ({@link PythonSource});</li>
 *   <li>{@value #CARD_FILE}: the model card.</li>
 * </ul>
 * Untrained weights come from the trial seed, as the space's evaluator initializes the
 * network. The files are written to a temporary directory next to the target and moved
 * into place at the end, so a failed export leaves no partial directory behind.
 */
public final class ModelExport {

    /** The manifest file. */
    public static final String ARCHITECTURE_FILE = "architecture.json";
    /** The weights file, also the name of the trial artifact that contains trained weights. */
    public static final String WEIGHTS_FILE = "weights.safetensors";
    /** The PyTorch module file. */
    public static final String PYTHON_FILE = "model.py";
    /** The model card file. */
    public static final String CARD_FILE = "model_card.md";

    private static final Logger LOG = LoggerFactory.getLogger(ModelExport.class);

    private ModelExport() {
    }

    /**
     * The files and the manifest of a finished export.
     *
     * @param directory the export directory
     * @param files the files written, in the order of the class documentation
     * @param manifest the content of {@value #ARCHITECTURE_FILE}
     * @param weightsBytes the size of {@value #WEIGHTS_FILE}
     */
    public record ExportResult(Path directory, List<Path> files, ExportManifest manifest,
            long weightsBytes) {
        public ExportResult {
            files = List.copyOf(files);
        }
    }

    /**
     * Writes the export of {@code request} to {@code directory}, which must not exist or
     * be empty. Starts the DJL engine if needed.
     *
     * @throws IllegalArgumentException when the directory is not empty, the architecture
     *     is not of the network's space, or the weights do not fit the network
     * @throws IOException when a file cannot be written
     */
    public static ExportResult write(ExportRequest request, Path directory) throws IOException {
        requireNewDirectory(directory);
        NetworkSpec spec = request.network();
        Architecture architecture = spec.parse(request.architecture());

        // Rebuild the network with its weights, then capture them under PyTorch names
        TensorFile weights;
        String python;
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            long seed = request.provenance().seed();
            SequentialBlock network = request.weights()
                    .map(file -> NetworkWeights.load(spec, architecture, file, manager))
                    .orElseGet(() -> spec.buildFromSeed(architecture, manager, seed));
            weights = NetworkWeights.capture(network, spec, architecture, request.trained(),
                    seed);
            TorchLayout layout = TorchLayout.of(network, spec.childNames(architecture));
            python = PythonSource.render(layout, spec, architecture.text(),
                    request.provenance().archforgeVersion());
        }
        ExportManifest manifest = manifest(request, architecture, weights);

        // Write everything next to the target, then move it into place
        Path target = directory.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
        try {
            manifest.write(staging.resolve(ARCHITECTURE_FILE));
            byte[] encoded = Safetensors.encode(weights);
            Files.write(staging.resolve(WEIGHTS_FILE), encoded);
            Files.writeString(staging.resolve(PYTHON_FILE), python);
            Files.writeString(staging.resolve(CARD_FILE),
                    ModelCard.render(manifest, request.provenance()));
            moveIntoPlace(staging, target);
            LOG.info("Exported trial {} of study '{}' ({} network, {} weights) to {}",
                    manifest.trial(), manifest.study(), manifest.space(),
                    manifest.trained() ? "trained" : "untrained", target);
            List<Path> files = Stream.of(ARCHITECTURE_FILE, WEIGHTS_FILE, PYTHON_FILE,
                    CARD_FILE).map(target::resolve).toList();
            return new ExportResult(target, files, manifest, encoded.length);
        } finally {
            deleteIfPresent(staging);
        }
    }

    /**
     * Checks that {@code directory} does not exist or is an empty directory.
     *
     * @throws IllegalArgumentException naming the directory and the fix
     */
    public static void requireNewDirectory(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("output " + directory + " exists and is not a"
                    + " directory; choose a new directory");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            if (entries.iterator().hasNext()) {
                throw new IllegalArgumentException("output directory " + directory
                        + " exists and is not empty; choose a new directory");
            }
        }
    }

    private static ExportManifest manifest(ExportRequest request, Architecture architecture,
            TensorFile weights) {
        ExportProvenance provenance = request.provenance();
        return new ExportManifest(architecture.text(), request.network(), request.trained(),
                provenance.seed(), weights.tensors().size(), weights.elementCount(),
                request.metrics(), provenance.study(), provenance.trial(),
                provenance.archforgeVersion(), provenance.exported());
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        // An existing target is an empty directory, checked before any work
        Files.deleteIfExists(target);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
    }

    private static void deleteIfPresent(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
