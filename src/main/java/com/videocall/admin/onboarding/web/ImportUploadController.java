package com.videocall.admin.onboarding.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AreaSummary;
import com.videocall.admin.directory.Areas;
import com.videocall.admin.directory.web.AreaPages;
import com.videocall.admin.onboarding.BadFileException;
import com.videocall.admin.onboarding.ImportManagement;
import com.videocall.admin.web.ErrorSummary;
import com.videocall.admin.web.UploadForms;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Import Users" (IM1): the page that takes a CSV file, its template, and "Preview",
 * which stores the file's rows with what each would do and leads to the preview (IM2); a
 * file that cannot be imported comes back with an error summary, and nothing is stored
 * (IM4).
 */
@Controller
class ImportUploadController {

	static final String PATH = "/users/import";

	private static final String FORM = "imports/upload";

	private final ImportManagement imports;

	private final Areas areas;

	private final MessageSource messages;

	ImportUploadController(ImportManagement imports, Areas areas, MessageSource messages) {
		this.imports = imports;
		this.areas = areas;
		this.messages = messages;
	}

	/**
	 * The page; with {@code upload=too-large}, the page a file past the servlet's
	 * multipart limits is sent back to ({@link UploadForms}), with the summary of a file
	 * over 5 MB.
	 */
	@GetMapping(PATH)
	String form(AdministratorScope scope, @RequestParam(required = false) Long area,
			@RequestParam(name = UploadForms.PARAMETER, required = false) String upload, Model model) {
		ErrorSummary errors = UploadForms.TOO_LARGE.equals(upload) ? error("import.file.tooLarge")
				: ErrorSummary.none();
		return show(scope, area, errors, model);
	}

	/** "Download template": the header line alone. */
	@GetMapping(PATH + "/template.csv")
	ResponseEntity<byte[]> template() {
		byte[] header = "email,name,area,roles,access until,message\r\n".getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("import-users.csv").build().toString())
			.body(header);
	}

	@PostMapping(PATH)
	String preview(AdministratorScope scope, @RequestParam(required = false) Long area,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		AreaSummary from = (area != null) ? this.areas.get(scope, area) : null;
		if (file == null || (file.isEmpty() && isBlank(file.getOriginalFilename()))) {
			return show(scope, area, error("import.file.required"), model);
		}
		try {
			long id = this.imports.preview(scope, (from != null) ? from.id() : null, file.getOriginalFilename(),
					file.getBytes());
			return "redirect:" + PATH + "/" + id;
		}
		catch (BadFileException bad) {
			return show(scope, area, error(bad.code(), bad.arguments()), model);
		}
	}

	private String show(AdministratorScope scope, Long area, ErrorSummary errors, Model model) {
		AreaSummary from = (area != null) ? this.areas.get(scope, area) : null;
		model.addAttribute("errorSummary", errors);
		model.addAttribute("area", from);
		model.addAttribute("backUrl", backUrl(from));
		return FORM;
	}

	static String backUrl(AreaSummary area) {
		return (area != null) ? AreaPages.peopleUrl(area, "") : "/users";
	}

	private ErrorSummary error(String code, Object... arguments) {
		return ErrorSummary.none().and("file", this.messages.getMessage(code, arguments, Locale.ROOT));
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
