package io.archforge.torch.export;

import io.archforge.space.RecipeSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code model_card.md}: what the exported network is, its metrics with units,
 * where it comes from and how to load it in PyTorch and in Java.
 */
final class ModelCard {

    /** Units and meaning of the metrics Archforge's evaluators return. */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("accuracy", "% validation accuracy at the end of training"),
            Map.entry("robust_accuracy", "% validation accuracy on images perturbed by the"
                    + " attack named under Provenance"),
            Map.entry("test_accuracy", "% test accuracy after 200 epochs (NAS-Bench-201)"),
            Map.entry("test_accuracy_12ep", "% test accuracy after 12 epochs (NAS-Bench-201)"),
            Map.entry("valid_accuracy_12ep",
                    "% validation accuracy after 12 epochs (NAS-Bench-201)"),
            Map.entry("params", "millions of parameters"),
            Map.entry("flops", "millions of multiply-accumulates per image"),
            Map.entry("latency_ms", "ms, median batch-1 inference latency"),
            Map.entry("latency_p90_ms", "ms, 90th percentile of batch-1 latency"),
            Map.entry("memory_mb", "MB (10^6 bytes), estimated peak memory of batch-1"
                    + " inference"),
            Map.entry("energy_mj", "mJ, model-based energy estimate of batch-1 inference"),
            Map.entry("training_epochs", "epochs of training this result cost"));

    /** The trial attributes the card lists under provenance, when present. */
    private static final List<String> PROVENANCE_ATTRIBUTES = List.of("data_source",
            "recipe", "network", "split_seed", "djl_version", "engine", "engine_version",
            "cpus");

    private ModelCard() {
    }

    /** Renders the card of an export. */
    static String render(ExportManifest manifest, ExportProvenance provenance) {
        StringBuilder card = new StringBuilder();
        NetworkSpec network = manifest.network();
        card.append("# ").append(manifest.space()).append(" network of trial ")
                .append(provenance.trial()).append(", study ").append(provenance.study())
                .append("\n\n");
        card.append("A ").append(network.describe()).append(", exported by Archforge ")
                .append(provenance.archforgeVersion()).append(".\n\n");
        if (!manifest.trained()) {
            card.append("**The weights are untrained.** They are the initial weights of the"
                    + " network, drawn from the trial seed ").append(provenance.seed())
                    .append(". The metrics below come from the trial's evaluation, not from"
                            + " these weights, and the network does not reach them until it"
                            + " is trained.\n\n");
        }
        architecture(card, manifest);
        metrics(card, manifest);
        provenance(card, manifest, provenance);
        loading(card, manifest);
        return card.toString();
    }

    private static void architecture(StringBuilder card, ExportManifest manifest) {
        NetworkSpec network = manifest.network();
        card.append("## Architecture\n\n");
        card.append("- Space: `").append(manifest.space()).append("`\n");
        card.append("- Architecture: `").append(manifest.architecture()).append("`\n");
        card.append("- Input: ").append(network.inputDescription()).append("\n");
        card.append("- Output: ").append(network.classes()).append(" class logits\n");
        card.append("- Weights: ").append(manifest.tensorCount()).append(" tensors, ")
                .append(manifest.valueCount()).append(" float32 values (parameters and"
                        + " batch-norm running statistics), ")
                .append(manifest.trained() ? "trained" : "untrained").append("\n\n");
    }

    private static void metrics(StringBuilder card, ExportManifest manifest) {
        card.append("## Metrics\n\n");
        if (manifest.metrics().isEmpty()) {
            card.append("The trial has no metrics.\n\n");
            return;
        }
        if (!manifest.trained()) {
            card.append("The trial's values for this architecture, not measurements of"
                    + " these untrained weights.\n\n");
        }
        card.append("| metric | value | unit |\n|---|---|---|\n");
        new TreeMap<>(manifest.metrics()).forEach((name, value) -> card.append("| ")
                .append(name).append(" | ").append(String.format(Locale.ROOT, "%.6g", value))
                .append(" | ").append(unit(name)).append(" |\n"));
        card.append("\n");
    }

    private static void provenance(StringBuilder card, ExportManifest manifest,
            ExportProvenance provenance) {
        card.append("## Provenance\n\n");
        card.append("- Study: ").append(provenance.study()).append(", trial ")
                .append(provenance.trial()).append(", seed ").append(provenance.seed())
                .append("\n");
        card.append("- Data set: ").append(provenance.dataset()).append("\n");
        if (provenance.training().isEmpty()) {
            card.append("- Training: none (initial weights)\n");
        } else {
            Map<String, String> recipe = trialRecipe(provenance.attributes());
            card.append(recipe.isEmpty() ? "- Training settings: "
                    : "- Training settings (the trial's tuned recipe): ");
            Map<String, String> merged = new LinkedHashMap<>(provenance.training());
            merged.putAll(recipe);
            List<String> settings = merged.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList();
            card.append(String.join(", ", settings)).append("\n");
            // A scheduler may have trained the trial for fewer epochs than the settings give
            Double epochs = manifest.metrics().get("training_epochs");
            if (epochs != null) {
                card.append("- Epochs this trial trained: ")
                        .append(String.format(Locale.ROOT, "%.6g", epochs)).append("\n");
            }
        }
        attack(card, provenance.attributes());
        for (String key : PROVENANCE_ATTRIBUTES) {
            String value = provenance.attributes().get(key);
            if (value != null) {
                card.append("- ").append(key).append(": ").append(value).append("\n");
            }
        }
        provenance.trialFinished().ifPresent(
                finished -> card.append("- Trial finished: ").append(finished).append("\n"));
        card.append("- Exported: ").append(manifest.exported()).append(" by Archforge ")
                .append(provenance.archforgeVersion()).append("\n\n");
    }

    /**
     * Returns the trial's own recipe choices, its {@code recipe.NAME} attributes by NAME in
     * alphabetical order, which replace the study's settings of the same name. A trial
     * of a study that does not tune the recipe has none.
     */
    private static Map<String, String> trialRecipe(Map<String, String> attributes) {
        Map<String, String> recipe = new TreeMap<>();
        attributes.forEach((key, value) -> {
            if (key.startsWith(RecipeSpace.PREFIX)) {
                recipe.put(key.substring(RecipeSpace.PREFIX.length()), value);
            }
        });
        return recipe;
    }

    /** Appends the attack that robust_accuracy was measured under, when there is one. */
    private static void attack(StringBuilder card, Map<String, String> attributes) {
        String attack = attributes.get("attack");
        if (attack == null) {
            return;
        }
        card.append("- Attack for robust_accuracy: ").append(attack);
        String epsilon = attributes.get("attack_epsilon");
        if (epsilon != null) {
            card.append(", epsilon ").append(epsilon).append(" on the [0, 1] pixel scale");
        }
        String steps = attributes.get("attack_steps");
        if (steps != null) {
            card.append(", ").append(steps).append(" steps");
        }
        card.append("\n");
    }

    private static void loading(StringBuilder card, ExportManifest manifest) {
        NetworkSpec network = manifest.network();
        String shape = network.inputShape(1).toString();
        card.append("## Loading in PyTorch\n\n");
        card.append("`model.py` needs only torch. It reads the weights with the"
                + " `safetensors` package when that is installed, and with its own reader"
                + " otherwise.\n\n");
        card.append("```python\nimport sys\nimport torch\n\n"
                + "sys.path.insert(0, \"path/to/export\")\nimport model\n\n"
                + "network = model.load(\"path/to/export\")  # in eval mode\n"
                + "images = torch.zeros(1, ").append(shapeTail(network)).append(")\n"
                + "with torch.no_grad():\n    logits = network(images)\n```\n\n");
        card.append("The tensor names in `weights.safetensors` are the `state_dict` names"
                + " of the module, so `safetensors.torch.load_file` and"
                + " `load_state_dict` work too.\n\n");
        card.append("## Loading in Java\n\n");
        card.append("With archforge-torch on the class path, `ExportedModel` rebuilds the"
                + " DJL network with the same builder and weights:\n\n");
        card.append("```java\nDjlRuntime.configure();\n"
                + "try (ExportedModel model = ExportedModel.load(Path.of(\"path/to/export\"));\n"
                + "        NDManager manager = NDManager.newBaseManager()) {\n"
                + "    NDArray images = manager.zeros(model.inputShape(1)); // ")
                .append(shape).append("\n"
                + "    NDArray logits = model.predict(images);\n}\n```\n");
    }

    private static String shapeTail(NetworkSpec network) {
        long[] shape = network.inputShape(1).getShape();
        return shape[1] + ", " + shape[2] + ", " + shape[3];
    }

    private static String unit(String metric) {
        String unit = UNITS.get(metric);
        if (unit != null) {
            return unit;
        }
        int at = metric.indexOf('@');
        if (at > 0 && metric.startsWith("latency_ms@")) {
            return "ms, batch-1 latency on " + metric.substring(at + 1)
                    + " (NAS-Bench-201 table)";
        }
        return "";
    }
}
