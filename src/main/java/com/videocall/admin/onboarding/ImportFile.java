package com.videocall.admin.onboarding;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded file as spreadsheets save CSV (IM1): UTF-8 with or without a byte
 * order mark, comma or semicolon between cells (whichever the header line uses more),
 * quoted cells with line breaks, CRLF or LF. The header names the columns in any order
 * and case; others are ignored. Anything that is not such a file is refused as a whole
 * (IM4) with a {@link BadFileException}.
 */
final class ImportFile {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_ROWS = 5000;

	static final int MAX_CELL = 1000;

	static final List<String> COLUMNS = List.of("email", "name", "area", "roles", "access until", "message");

	static final List<String> REQUIRED = List.of("email", "area", "roles");

	/** Control characters other than tab and line breaks: no spreadsheet saves them. */
	private static final Pattern BINARY = Pattern.compile("[\\p{Cc}&&[^\\t\\r\\n]]");

	private ImportFile() {
	}

	static List<ImportRow> read(byte[] content) {
		if (content.length == 0) {
			throw new BadFileException("import.file.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new BadFileException("import.file.tooLarge");
		}
		String text = text(content);
		if (text.isBlank()) {
			throw new BadFileException("import.file.empty");
		}
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true).get();
		try (CSVParser parser = format.parse(new StringReader(text))) {
			return rows(parser);
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			// An unterminated quote, or a character after a closing quote.
			throw new BadFileException("import.file.notCsv");
		}
	}

	private static List<ImportRow> rows(CSVParser parser) {
		List<ImportRow> rows = new ArrayList<>();
		Map<String, Integer> columns = null;
		for (CSVRecord record : parser) {
			if (columns == null) {
				columns = header(record);
				continue;
			}
			if (blank(record)) {
				continue;
			}
			if (rows.size() == MAX_ROWS) {
				throw new BadFileException("import.file.tooManyRows", MAX_ROWS);
			}
			int line = (int) record.getRecordNumber();
			for (String cell : record) {
				if (cell.length() > MAX_CELL) {
					throw new BadFileException("import.file.cellTooLong", line, MAX_CELL);
				}
			}
			rows.add(new ImportRow(line, cell(record, columns, "email"), cell(record, columns, "name"),
					cell(record, columns, "area"), cell(record, columns, "roles"),
					cell(record, columns, "access until"), cell(record, columns, "message")));
		}
		if (rows.isEmpty()) {
			throw new BadFileException("import.file.noRows");
		}
		return rows;
	}

	private static Map<String, Integer> header(CSVRecord record) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < record.size(); i++) {
			String name = record.get(i).strip().toLowerCase(Locale.ROOT);
			if (COLUMNS.contains(name) && columns.putIfAbsent(name, i) != null) {
				throw new BadFileException("import.file.repeatedColumn", name);
			}
		}
		if (columns.isEmpty()) {
			throw new BadFileException("import.file.noHeader", String.join(", ", COLUMNS));
		}
		List<String> missing = REQUIRED.stream().filter((name) -> !columns.containsKey(name)).toList();
		if (!missing.isEmpty()) {
			throw new BadFileException("import.file.missingColumns", String.join(", ", missing));
		}
		return columns;
	}

	private static String cell(CSVRecord record, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name);
		return (index != null && index < record.size()) ? record.get(index).strip() : "";
	}

	private static boolean blank(CSVRecord record) {
		return record.stream().allMatch(String::isBlank);
	}

	/** Strict UTF-8 without a byte order mark; anything else is not a text file. */
	private static String text(byte[] content) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new BadFileException("import.file.notText");
		}
		if (BINARY.matcher(text).find()) {
			throw new BadFileException("import.file.notText");
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/** A semicolon when the header line holds more of them than commas. */
	private static char delimiter(String text) {
		int end = text.indexOf('\n');
		String header = (end >= 0) ? text.substring(0, end) : text;
		long semicolons = header.chars().filter((c) -> c == ';').count();
		long commas = header.chars().filter((c) -> c == ',').count();
		return (semicolons > commas) ? ';' : ',';
	}

}
