package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellWithoutTrailingSpaces() {
        StringWriter text = new StringWriter();
        new TextTable("A", "LONG HEADER", "C")
                .addRow("wide cell", 1, "")
                .addRow("x", null, "last")
                .print(new PrintWriter(text, true));

        assertThat(text.toString().lines()).containsExactly(
                "A          LONG HEADER  C",
                "wide cell  1",
                "x          null         last");
    }

    @Test
    void rowMustHaveOneCellPerColumn() {
        TextTable table = new TextTable("A", "B");

        assertThatIllegalArgumentException().isThrownBy(() -> table.addRow("only one"))
                .withMessage("a row needs 2 cells: got 1");
    }
}
