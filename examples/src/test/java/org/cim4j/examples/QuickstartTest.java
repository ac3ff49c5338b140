package org.cim4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The quickstart a newcomer runs first must tell its whole story without failing. */
class QuickstartTest {

    @Test
    void main_printsTheWholeStory() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Quickstart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("phone +8613800138000, e-mail xiaoming.wang@example.com")
                .contains("e-shop login matches existing customer: true")
                .contains("a second profile is refused")
                .contains("2 orders across POS and e-shop, net spend 2077.80 CNY")
                .contains("tagged VIP and moved to stage ACTIVE")
                .contains("invalid input rejected")
                .contains("active VIPs with shoe size 40-44: 1");
    }
}
