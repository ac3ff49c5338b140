package org.cim4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart a newcomer runs first must tell its whole story, and find its data again when re-run. */
class QuickstartTest {

    @Test
    void main_printsTheWholeStory_andDataSurvivesARestart(@TempDir Path dir) {
        String first = run(dir);
        assertThat(first)
                .contains("embedded H2, data in " + dir.toAbsolutePath())
                .contains("phone +8613800138000, e-mail xiaoming.wang@example.com")
                .contains("e-shop login matches existing customer: true")
                .contains("a second profile is refused")
                .contains("2 orders across POS and e-shop, net spend 2077.80 CNY")
                .contains("tagged VIP and moved to stage ACTIVE")
                .contains("invalid input rejected")
                .contains("active VIPs with shoe size 40-44: 1 (of 1 customers)")
                .contains("Run it again");

        String second = run(dir);
        assertThat(second)
                .contains("2 orders across POS and e-shop, net spend 2077.80 CNY")
                .contains("active VIPs with shoe size 40-44: 1 (of 1 customers)")
                .contains("Found the previous run's data");
    }

    private static String run(Path dir) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Quickstart.main(new String[] {dir.toString()});
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
