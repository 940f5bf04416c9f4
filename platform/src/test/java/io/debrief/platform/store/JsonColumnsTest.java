package io.debrief.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class JsonColumnsTest {

    private final JsonColumns columns = new JsonColumns(new ObjectMapper());

    @Test
    void whatIsWrittenReadsBackAsItsType() {
        String text = columns.write(Map.of("SYSTEM_DESIGN", List.of(3, 4)));

        assertThat(text).isEqualTo("{\"SYSTEM_DESIGN\":[3,4]}");
        assertThat(columns.read(text, new TypeReference<Map<String, List<Integer>>>() { }))
                .containsExactly(Map.entry("SYSTEM_DESIGN", List.of(3, 4)));
    }

    @Test
    void storedTextThatIsNotTheTypeIsABugNotInput() {
        assertThatThrownBy(() -> columns.read("{\"scores\":", new TypeReference<Map<String, Integer>>() { }))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot read stored JSON");
    }
}
