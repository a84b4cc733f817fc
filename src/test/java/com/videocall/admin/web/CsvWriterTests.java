package com.videocall.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * P4, in every export: a cell a spreadsheet would read as a formula starts with an
 * apostrophe, also when white space or an invisible character comes first (spreadsheets
 * trim some of them) and when its first sign is a full-width one.
 */
class CsvWriterTests {

	@ParameterizedTest
	@ValueSource(strings = { "=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1+2", "   @x", "\u00A0=1", "\u200B=1",
			"\uFEFF=1", "\u2060+1", "\u3000=1", "\uFF1D1+2", "\uFF0B1", "\uFF0D1", "\uFF20x", "\uFE66x",
			"\u200B\u00A0 \uFF1Dcmd" })
	void neutralisesCellsAFormulaCouldStartIn(String value) {
		assertThat(CsvWriter.cell(value)).isEqualTo("\"'" + value + "\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Priya Walker", "priya@example.org", "a=b", "2026-12-06T00:00:00Z", " Priya", "\u200B",
			"x-1" })
	void leavesEveryOtherCellAsItIs(String value) {
		assertThat(CsvWriter.cell(value)).isEqualTo("\"" + value + "\"");
	}

	@Test
	void doublesQuotesInsideTheCell() {
		assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(CsvWriter.cell("=\"x\"")).isEqualTo("\"'=\"\"x\"\"\"");
		assertThat(CsvWriter.cell(null)).isEqualTo("\"\"");
	}

}
