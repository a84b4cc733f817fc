package com.videocall.admin.onboarding;

import static com.videocall.admin.onboarding.ImportFiles.csv;
import static com.videocall.admin.onboarding.ImportFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import com.videocall.admin.support.AdministratorPagesTest;
import com.videocall.admin.support.Browser;
import com.videocall.admin.support.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files Import Users cannot import (IM4) come back with an error summary, and nothing is
 * stored or changed.
 */
@IntegrationTest
class BadImportFilesIntegrationTests extends AdministratorPagesTest {

	private static final String VALID = "ann@test.invalid,Ann,Clinic,Receptionist,,";

	@Autowired
	JdbcClient jdbc;

	static Stream<Arguments> badFiles() {
		byte[] sixMegabytes = new byte[6 * 1024 * 1024];
		Arrays.fill(sixMegabytes, (byte) 'a');
		return Stream.of(
				Arguments.of("binary", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 },
						"The file is not a CSV text file."),
				Arguments.of("empty", new byte[0], "The file is empty."),
				Arguments.of("blank", "\uFEFF\r\n \r\n".getBytes(StandardCharsets.UTF_8), "The file is empty."),
				Arguments.of("header only", (ImportFiles.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8),
						"The file has a header line but no rows."),
				Arguments.of("no header", (VALID + "\n" + VALID).getBytes(StandardCharsets.UTF_8),
						"The file has no header line."),
				Arguments.of("missing columns", "email,name\nann@test.invalid,Ann\n".getBytes(StandardCharsets.UTF_8),
						"The header line lacks these columns: area, roles."),
				Arguments.of("5,001 rows", ImportFileTests.rows(5001), "The file has more than 5,000 rows."),
				Arguments.of("6 MB", sixMegabytes, "The file is larger than 5 MB."),
				Arguments.of("a row of 100,000 characters",
						(ImportFiles.HEADER + "\n" + VALID + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8),
						"Row 2 has a cell longer than 1,000 characters."),
				Arguments.of("invalid UTF-8",
						(ImportFiles.HEADER + "\nann@test.invalid,Ann\u00e9").getBytes(StandardCharsets.ISO_8859_1),
						"The file is not a CSV text file."),
				Arguments.of("NUL", (ImportFiles.HEADER + "\n" + VALID.replace("Ann", "A\u0000nn"))
					.getBytes(StandardCharsets.UTF_8), "The file is not a CSV text file."));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badFiles")
	void refusesTheFileWithAnErrorSummaryAndStoresNothing(String what, byte[] file, String message) throws Exception {
		Document page = Browser.page(this.admin.upload("/users/import", what + ".csv", file));

		assertThat(Browser.errorSummary(page)).singleElement().asString().startsWith(message);
		assertThat(page.select("#file-error").text()).startsWith(message);
		assertThat(page.select("input#file").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.title()).startsWith("Error: Import Users");
		assertThat(uploads()).isZero();
	}

	@Test
	void asksForAFileWhenNoneWasChosen() throws Exception {
		Document page = Browser.page(this.admin.upload("/users/import", "", new byte[0]));

		assertThat(Browser.errorSummary(page)).containsExactly("Choose a CSV file to import.");
	}

	@Test
	void keepsCellsAsTextAndShowsMarkupAsItIs() throws Exception {
		Document preview = this.admin.follow(this.admin.upload("/users/import", "markup.csv",
				csv(row(this.clinic.email("markup"), "<script>alert(1)</script>", this.clinic.waitingAreaName(),
						"Receptionist", "", "=HYPERLINK(\"http://evil\")"))));

		assertThat(preview.select("script:containsData(alert)")).isEmpty();
		assertThat(preview.text()).contains("<script>alert(1)</script>");
	}

	private long uploads() {
		return this.jdbc.sql("select count(*) from user_import where administrator_id = ?")
			.param(this.clinic.admin())
			.query(Long.class)
			.single();
	}

}
