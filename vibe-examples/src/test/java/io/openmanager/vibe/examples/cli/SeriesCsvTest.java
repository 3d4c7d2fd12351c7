package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the series reader accepts, one promise of its javadoc each. */
class SeriesCsvTest {
    private record Row(int series, long millis, double value, boolean duplicate) {
    }

    private static List<Row> rows(String text) throws IOException {
        List<Row> rows = new ArrayList<>();
        SeriesCsv.read(Path.of("t.csv"), new StringReader(text), (s, m, v, d, ts, vs) -> rows.add(new Row(s, m, v, d)));
        return rows;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1396310400000|1396310400000",
        "-5|-5",
        "2014-04-01 00:00:00|1396310400000",
        "2014-04-01T00:00:00Z|1396310400000",
        "2014-04-01T00:00:00|1396310400000",
        "2014-04-01T09:00:00+09:00|1396310400000",
        "2014-04-01T09:00:00+0900|1396310400000",
        "2014-04-01T09:00:00+09|1396310400000",
        "2014-04-01 00:00:00.5|1396310400500",
        "2014-04-01 00:00:00.123000|1396310400123",
        "2016-02-29 00:00:00|1456704000000"})
    void timestampsInEveryAcceptedForm(String text, long millis) {
        assertThat(CsvTimestamps.epochMillis(text)).isEqualTo(millis);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2014-04-01 00:00:00.1234", "2015-02-29 00:00:00", "2014-13-01 00:00:00",
        "2014-04-01 24:00:00", "2014-04-01", "yesterday", "2014-04-01T00:00:00+19:00", "2014-04-01 00:00:00ZZ",
        "99999999999999999999", "2014-04-01x00:00:00"})
    void notTimestamps(String text) {
        assertThat(CsvTimestamps.epochMillis(text)).isEqualTo(CsvTimestamps.INVALID);
    }

    @Test
    void gapsAreNaNAndDuplicatesAreFlagged() throws IOException {
        assertThat(rows("timestamp,value\n1,\n2,NaN\n2,null\n3, na \n4,1e3\n")).containsExactly(
                new Row(0, 1, Double.NaN, false), new Row(0, 2, Double.NaN, false), new Row(0, 2, Double.NaN, true),
                new Row(0, 3, Double.NaN, false), new Row(0, 4, 1000, false));
    }

    @Test
    void longAndWideLayoutsHaveOneSeriesPerServerAndMetric() throws IOException {
        assertThat(rows("timestamp,server,metric,value\n1,a,cpu,1\n1,b,cpu,2\n2,a,cpu,3\n")).extracting(Row::series)
                .containsExactly(0, 1, 0);
        assertThat(rows("timestamp,server,environment,role,status,cpu,mem\r\n1,\"a,1\",aws,web,healthy,1,\r\n"
                + "2,\"a,1\",aws,web,healthy,3,4\r\n")).extracting(Row::series).containsExactly(0, 1, 0, 1);
    }

    @Test
    void aWideFileCountsValuesAndABadRowSkipsAValueOfEachMetric() throws IOException {
        SeriesCsv csv = SeriesCsv.read(Path.of("t.csv"), new StringReader("timestamp,server,cpu,mem\n1,a,1,2\n"
                + "yesterday,a,3,4\n2,a,x,5\n"), (s, m, v, d, ts, vs) -> { });
        assertThat(csv.report().describe("kept", "kept")).startsWith("3 of 6 values skipped: 2 with a timestamp not"
                + " understood (first at line 3, column 1: 'yesterday'), 1 with a value that is not a finite number");
    }

    @Test
    void javaNumberSyntaxThatIsNotCsvIsABadValue() throws IOException {
        assertThat(rows("timestamp,value\n1,1.5d\n2,0x10\n3,Infinity\n4,1e999\n5,7\n")).containsExactly(
                new Row(0, 5, 7, false));
    }

    @Test
    void aHeaderThatNamesNoSeriesFailsTheFileWithItsLine() {
        assertThatThrownBy(() -> rows("\n\ntime,value\n1,2\n")).isInstanceOf(SeriesCsv.SeriesFileException.class)
                .hasMessage("t.csv:3: the header has no 'timestamp' column: 'time,value' (expected 'timestamp,value',"
                        + " 'timestamp,server,metric,value' or the CSV of 'vibe simulate --format csv')");
        assertThatThrownBy(() -> rows("")).hasMessageStartingWith("t.csv:1: the file is empty");
        assertThatThrownBy(() -> SeriesCsv.read(Path.of("no-such.csv"), (s, m, v, d, ts, vs) -> { }))
                .isInstanceOf(SeriesCsv.SeriesFileException.class)
                .hasMessage("no-such.csv: cannot be read: no such file or directory");
    }
}
