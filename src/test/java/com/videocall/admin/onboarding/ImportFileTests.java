package com.videocall.admin.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** How Import Users reads a file (IM1, IM4), without Spring. */
class ImportFileTests {

	@Test
	void readsAFileAsASpreadsheetSavesItWithByteOrderMarkSemicolonsQuotedLineBreaksAndCrlf() {
		String file = "\uFEFFEmail;Name;Area;Roles;Access until;Message\r\n"
				+ "ann@test.invalid;\"Ann; the first\";Clinic A;\"Service Provider;Receptionist\";28/02/2027;"
				+ "\"Welcome,\r\nsee you \"\"soon\"\"\"\r\n" + ";;;;;\r\n"
				+ "  bob@test.invalid ;Bob;Clinic B;Receptionist;;\r\n";

		assertThat(ImportFile.read(file.getBytes(StandardCharsets.UTF_8))).containsExactly(
				new ImportRow(2, "ann@test.invalid", "Ann; the first", "Clinic A", "Service Provider;Receptionist",
						"28/02/2027", "Welcome,\r\nsee you \"soon\""),
				new ImportRow(4, "bob@test.invalid", "Bob", "Clinic B", "Receptionist", "", ""));
	}

	@Test
	void readsColumnsInAnyOrderIgnoresOthersAndLetsOptionalOnesOut() {
		String file = "roles,extra,AREA,email\nReceptionist,x,Clinic A,ann@test.invalid\n";

		assertThat(ImportFile.read(file.getBytes(StandardCharsets.UTF_8)))
			.containsExactly(new ImportRow(2, "ann@test.invalid", "", "Clinic A", "Receptionist", "", ""));
	}

	@Test
	void takesFiveThousandRowsAndRefusesOneMore() {
		assertThat(ImportFile.read(rows(5000))).hasSize(5000);
		assertThatExceptionOfType(BadFileException.class).isThrownBy(() -> ImportFile.read(rows(5001)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import.file.tooManyRows"));
	}

	@Test
	void refusesAnUnclosedQuote() {
		assertThatExceptionOfType(BadFileException.class).isThrownBy(
				() -> ImportFile.read("email,area,roles\n\"ann@test.invalid,A,B\n".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("import.file.notCsv"));
	}

	static byte[] rows(int count) {
		StringBuilder file = new StringBuilder(ImportFiles.HEADER).append("\r\n");
		for (int i = 0; i < count; i++) {
			file.append("person").append(i).append("@test.invalid,,Clinic,Receptionist,,\r\n");
		}
		return file.toString().getBytes(StandardCharsets.UTF_8);
	}

}
