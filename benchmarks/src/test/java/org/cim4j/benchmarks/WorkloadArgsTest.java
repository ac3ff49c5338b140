package org.cim4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadArgsTest {

    @Test
    void parse_allOptions() {
        Workload.Args a = Workload.Args.parse("--suite", "lookup,create", "--db", "h2,pg,mariadb", "--warmup", "2s",
                "--measure", "500ms", "--seed", "7", "--smoke", "--param", "customers=100000", "--out", "x/r.md");

        assertThat(a.suites()).containsExactly("lookup", "create");
        assertThat(a.targets()).isEqualTo(Set.of(BenchDatabase.Target.H2, BenchDatabase.Target.POSTGRESQL,
                BenchDatabase.Target.MARIADB));
        assertThat(a.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(a.measure()).isEqualTo(Duration.ofMillis(500));
        assertThat(a.seed()).isEqualTo(7);
        assertThat(a.smoke()).isTrue();
        assertThat(a.params()).isEqualTo(Map.of("customers", "100000"));
        assertThat(a.out()).isEqualTo(Path.of("x/r.md"));
        assertThat(a.help()).isFalse();
    }

    @Test
    void parse_oneStringAsMavenPassesIt() {
        Workload.Args a = Workload.Args.parse("--suite cache --db pg  --measure 1m");

        assertThat(a.suites()).containsExactly("cache");
        assertThat(a.targets()).containsExactly(BenchDatabase.Target.POSTGRESQL);
        assertThat(a.measure()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void parse_defaults() {
        Workload.Args a = Workload.Args.parse();

        assertThat(a.suites()).isEmpty();
        assertThat(a.targets()).containsExactly(BenchDatabase.Target.H2);
        assertThat(a.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(a.measure()).isEqualTo(Duration.ofSeconds(10));
        assertThat(a.seed()).isEqualTo(42);
        assertThat(Workload.Args.parse("--smoke").measure()).isEqualTo(Duration.ofMillis(200));
        assertThat(Workload.Args.parse("--out", "-").out()).isNull();
    }

    @Test
    void parse_rejectsNonsense() {
        assertThatThrownBy(() -> Workload.Args.parse("--bogus")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> Workload.Args.parse("--db", "oracle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oracle");
        assertThatThrownBy(() -> Workload.Args.parse("--warmup", "soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--warmup");
        assertThatThrownBy(() -> Workload.Args.parse("--param", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name=value");
        assertThatThrownBy(() -> Workload.Args.parse("--seed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--seed needs a value");
        assertThatThrownBy(() -> Workload.choose(java.util.List.of("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lookup");
    }

    @Test
    void usage_listsEverySuite() {
        String usage = Workload.usage();

        for (Suite s : Workload.suites()) {
            assertThat(usage).contains(s.name()).contains(s.description());
        }
    }
}
