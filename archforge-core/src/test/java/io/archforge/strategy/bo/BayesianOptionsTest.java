package io.archforge.strategy.bo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.encoding.Encoding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BayesianOptionsTest {

    @Test
    void emptyMapGivesDefaults() {
        assertThat(BananasOptions.parse(Map.of())).isEqualTo(BananasOptions.defaults());
        assertThat(GaussianProcessOptions.parse(Map.of()))
                .isEqualTo(GaussianProcessOptions.defaults());
    }

    @Test
    void mapRoundTrips() {
        BananasOptions bananas = BananasOptions.parse(Map.of("acquisition", "ucb",
                "ensemble_size", "3", "learning_rate", "0.003", "random_share", "0.25"));
        GaussianProcessOptions gp = GaussianProcessOptions.parse(Map.of("max_history", "50",
                "patience", "4", "encoding", "path", "transform", "none"));

        assertThat(bananas.search().acquisition()).isEqualTo(Acquisition.UCB);
        assertThat(bananas.network().members()).isEqualTo(3);
        assertThat(BananasOptions.parse(bananas.toMap())).isEqualTo(bananas);
        assertThat(gp.maxHistory()).isEqualTo(50);
        assertThat(gp.search().encoding()).isEqualTo(Encoding.PATH);
        assertThat(gp.search().transform()).isEqualTo(TargetTransform.NONE);
        assertThat(GaussianProcessOptions.parse(gp.toMap())).isEqualTo(gp);
    }

    @Test
    void outOfRangeNamesOptionValueAndRange() {
        assertThatThrownBy(() -> BananasOptions.parse(Map.of("candidates", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candidates")
                .hasMessageContaining("from 1 to 100000")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> GaussianProcessOptions.parse(Map.of("random_share", "1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("random_share")
                .hasMessageContaining("got 1.5");
        assertThatThrownBy(() -> BananasOptions.parse(Map.of("ensemble_size", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }

    @Test
    void unknownOrMalformedOptionsAreRejected() {
        assertThatThrownBy(() -> GaussianProcessOptions.parse(Map.of("epochs", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown gp-bo options [epochs]");
        assertThatThrownBy(() -> BananasOptions.parse(Map.of("patience", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bananas option patience must be an integer");
        assertThatThrownBy(() -> BananasOptions.parse(Map.of("acquisition", "pi")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acquisition");
        assertThatThrownBy(() -> BananasOptions.parse(Map.of("encoding", "graph")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path, one_hot and adjacency");
    }

    @Test
    void predictorDefaultsToOwnModel() {
        assertThat(BananasOptions.defaults().search().predictor()).isEmpty();
        assertThat(GaussianProcessOptions.defaults().search().predictor()).isEmpty();
        assertThat(BananasOptions.defaults().toMap()).doesNotContainKey("predictor");
    }

    @Test
    void predictorRoundTrips() {
        List<String> names = List.of("gp", "xgboost");
        BananasOptions bananas = BananasOptions.parse(Map.of("predictor", " xgboost "), names);
        GaussianProcessOptions gp = GaussianProcessOptions.parse(Map.of("predictor", "gp"));

        assertThat(bananas.search().predictor()).isEqualTo(Optional.of("xgboost"));
        assertThat(bananas.toMap()).containsEntry("predictor", "xgboost");
        assertThat(BananasOptions.parse(bananas.toMap(), names)).isEqualTo(bananas);
        assertThat(gp.search().predictor()).isEqualTo(Optional.of("gp"));
        assertThat(GaussianProcessOptions.parse(gp.toMap())).isEqualTo(gp);
    }

    @Test
    void unknownPredictorListsValidOnes() {
        assertThatThrownBy(() -> GaussianProcessOptions.parse(Map.of("predictor", "svm"),
                List.of("gp", "mlp-ensemble", "gcn")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gp-bo option predictor")
                .hasMessageContaining("unknown predictor 'svm'")
                .hasMessageContaining("valid predictors are gp, mlp-ensemble, gcn");
        assertThatThrownBy(() -> BananasOptions.parse(Map.of("predictor", "gcn")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown predictor 'gcn'")
                .hasMessageContaining("valid predictors are gp, mlp-ensemble");
    }
}
