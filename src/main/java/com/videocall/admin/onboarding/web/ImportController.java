package com.videocall.admin.onboarding.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.Areas;
import com.videocall.admin.directory.AreaNotFoundException;
import com.videocall.admin.onboarding.ImportManagement;
import com.videocall.admin.onboarding.ImportProperties;
import com.videocall.admin.onboarding.ImportSummary;
import com.videocall.admin.onboarding.StoredRow;
import com.videocall.admin.web.Banner;
import com.videocall.admin.web.Banner.Kind;
import com.videocall.admin.web.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One upload's page (IM2, IM3): the preview with "Import [N] rows" and "Cancel"; while it
 * imports, how far it got (the page refreshes itself, without script); then the summary
 * and "Download results".
 */
@Controller
class ImportController {

	private static final String PAGE = ImportUploadController.PATH + "/{id:[0-9]{1,18}}";

	static final int ROWS_PER_PAGE = 100;

	private final ImportManagement imports;

	private final Areas areas;

	private final MessageSource messages;

	private final ImportProperties properties;

	ImportController(ImportManagement imports, Areas areas, MessageSource messages, ImportProperties properties) {
		this.imports = imports;
		this.areas = areas;
		this.messages = messages;
		this.properties = properties;
	}

	@GetMapping(PAGE)
	String show(AdministratorScope scope, @PathVariable long id, @RequestParam(defaultValue = "1") String page,
			Model model) {
		ImportSummary summary = this.imports.get(scope, id);
		ImportView view = new ImportView(summary, this.imports.counts(summary), pageNumber(page));
		model.addAttribute("view", view);
		List<StoredRow> rows = this.imports.rows(summary, view.offset(), ROWS_PER_PAGE);
		model.addAttribute("rows", rows);
		model.addAttribute("rowsPage",
				new PageImpl<>(rows, PageRequest.of(view.offset() / ROWS_PER_PAGE, ROWS_PER_PAGE), summary.rowCount()));
		model.addAttribute("backUrl", ImportUploadController.backUrl(area(scope, summary)));
		if (summary.isImporting()) {
			// Whole seconds, and never 0: that would reload the page without a pause.
			model.addAttribute("refreshSeconds", Math.max(1, this.properties.refreshEvery().toSeconds()));
		}
		return "imports/import";
	}

	@PostMapping(PAGE + "/start")
	String start(AdministratorScope scope, @PathVariable long id) {
		// A second press, or one on another instance, finds it claimed and shows how far
		// it got.
		this.imports.start(scope, id);
		return "redirect:" + ImportUploadController.PATH + "/" + id;
	}

	@PostMapping(PAGE + "/cancel")
	String cancel(AdministratorScope scope, @PathVariable long id, RedirectAttributes attributes) {
		ImportSummary summary = this.imports.get(scope, id);
		if (!summary.isPreview()) {
			return "redirect:" + ImportUploadController.PATH + "/" + id;
		}
		this.imports.cancel(scope, id);
		Banner.flash(attributes, Kind.INFORMATION, "import.cancelled", summary.fileName());
		return "redirect:" + ImportUploadController.backUrl(area(scope, summary));
	}

	/**
	 * "Download results": every row with what the preview or the import decided (P4's
	 * rules).
	 */
	@GetMapping(PAGE + "/results.csv")
	void results(AdministratorScope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
		ImportSummary summary = this.imports.get(scope, id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("import-results-" + id + ".csv").build().toString());
		PrintWriter writer = new PrintWriter(
				new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		CsvWriter csv = new CsvWriter(writer);
		ResultLines lines = new ResultLines(this.messages, Locale.ROOT);
		csv.line(lines.header());
		this.imports.eachRow(summary, (row) -> csv.line(lines.of(row)));
		writer.flush();
	}

	/** The area the import was started from, if the administrator still sees it. */
	private AreaSummary area(AdministratorScope scope, ImportSummary summary) {
		if (summary.areaId() == null) {
			return null;
		}
		try {
			return this.areas.get(scope, summary.areaId());
		}
		catch (AreaNotFoundException ex) {
			return null;
		}
	}

	private static int pageNumber(String page) {
		return page.matches("[1-9][0-9]{0,3}") ? Integer.parseInt(page) : 1;
	}

}
