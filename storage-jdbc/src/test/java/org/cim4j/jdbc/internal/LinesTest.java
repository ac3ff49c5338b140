package org.cim4j.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LinesTest {
    @Property(tries = 300)
    void encodeDecode_roundTrips(@ForAll List<String> lines) {
        assertThat(Lines.decode(Lines.encode(lines))).isEqualTo(lines);
    }

    @Test
    void emptyList_isNull_andSingleEmptyLineIsNot() {
        assertThat(Lines.encode(List.of())).isNull();
        assertThat(Lines.decode(Lines.encode(List.of("")))).containsExactly("");
    }
}
