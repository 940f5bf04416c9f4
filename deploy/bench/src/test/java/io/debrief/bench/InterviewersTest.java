package io.debrief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class InterviewersTest {

    @Test
    void theSeedScriptSplitsIntoItsStatementsWithoutComments() throws IOException {
        String script;
        try (InputStream in = Interviewers.class.getResourceAsStream("interviewers-seed.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = Interviewers.statements(script);
        // seed, the scratch table, emptying, the indexes dropped and made again around the bulk insert, the two inserts
        assertThat(statements).hasSize(12);
        assertThat(statements).filteredOn(sql -> sql.startsWith("DO $$")).hasSize(2).allMatch(sql -> sql.endsWith("END $$"));
        assertThat(statements.get(0)).isEqualTo("SELECT setseed(0.15)");
        assertThat(statements).filteredOn(sql -> sql.startsWith("INSERT INTO interviewer_")).hasSize(2);
        assertThat(statements).noneMatch(sql -> sql.contains("--") || sql.endsWith(";"));
        assertThat(String.join("\n", statements)).contains(":interviewers", ":loops");
    }

    @Test
    void aStatementEndsOnlyWhereASemicolonEndsALine() {
        assertThat(Interviewers.statements("-- a comment; not a statement\nSELECT 'a;b'\n  FROM t;\nSELECT 2;\n"))
                .containsExactly("SELECT 'a;b'\n  FROM t", "SELECT 2");
    }
}
