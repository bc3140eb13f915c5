package io.archforge.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SparkMasterTest {

    @Test
    void localFormsGiveThreadsAndAttempts() {
        assertThat(new SparkMaster("local").localThreads()).hasValue(1);
        assertThat(new SparkMaster("local").localAttempts()).hasValue(1);
        assertThat(new SparkMaster("local[4]").localThreads()).hasValue(4);
        assertThat(new SparkMaster("local[4]").localAttempts()).hasValue(1);
        assertThat(new SparkMaster("local[2,3]").localThreads()).hasValue(2);
        assertThat(new SparkMaster("local[2,3]").localAttempts()).hasValue(3);
        assertThat(new SparkMaster("local[*,2]").localThreads())
                .hasValue(Runtime.getRuntime().availableProcessors());
        assertThat(new SparkMaster("local[*,2]").localAttempts()).hasValue(2);
    }

    @Test
    void clusterMastersAreNotLocal() {
        for (String url : new String[] {"spark://cluster.example:7077", "yarn",
                "k8s://https://cluster.example:6443", "local-cluster[2,1,1024]"}) {
            SparkMaster master = new SparkMaster(url);
            assertThat(master.isLocal()).as(url).isFalse();
            assertThat(master.localThreads()).as(url).isEmpty();
            assertThat(master.localAttempts()).as(url).isEmpty();
        }
    }

    @Test
    void unknownMastersAreRejected() {
        for (String url : new String[] {"garbage", "http://cluster.example:7077", "spark:/x"}) {
            assertThatThrownBy(() -> new SparkMaster(url)).as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid Spark master '" + url + "'");
        }
    }

    @Test
    void malformedLocalMastersAreRejected() {
        for (String url : new String[] {"local[0]", "local[2,0]", "local[two]", "local[2,3",
                "local[1234567]", " "}) {
            assertThatThrownBy(() -> new SparkMaster(url)).as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("master");
        }
    }

    @Test
    void localFactoryWritesBothNumbers() {
        assertThat(SparkMaster.local(3, 4).url()).isEqualTo("local[3,4]");
        assertThatThrownBy(() -> SparkMaster.local(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
