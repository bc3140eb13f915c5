package io.archforge.eval.cache;

import java.nio.file.Path;

/** The cache contract for the in-memory cache; every handle shares one map, as in one process. */
class InMemoryEvaluationCacheTest extends EvaluationCacheContractTest {

    private final InMemoryEvaluationCache shared = new InMemoryEvaluationCache();

    @Override
    protected EvaluationCache openCache(Path dir) {
        return shared;
    }

    @Override
    protected boolean persistsAcrossReopen() {
        return false;
    }
}
