package io.archforge.torch.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Starts the engine, adds two numbers and prints the engine version; run in a child JVM. */
public final class EngineStartProbe {
    private EngineStartProbe() {
    }

    public static void main(String[] args) {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDArray sum = manager.create(new float[] {1, 2}).sum();
            System.out.println("sum=" + sum.getFloat() + " engine="
                    + DjlRuntime.versions().get("engine_version"));
        }
    }
}
