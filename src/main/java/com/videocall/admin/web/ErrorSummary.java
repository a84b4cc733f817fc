package com.videocall.admin.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * What is wrong with a submitted form, field by field, in the order the fields appear:
 * shown once as the summary at the top of the page (each item links to its field) and
 * again beside each field. A form page shows its errors this way only.
 */
public record ErrorSummary(List<Item> items) {

	/**
	 * One message about one field; {@code fieldId} is the id of the control to link to.
	 */
	public record Item(String field, String fieldId, String text) {
	}

	public static ErrorSummary none() {
		return new ErrorSummary(List.of());
	}

	/**
	 * The binding errors of the given fields, in that order. Each field name is also its
	 * control's id, except where {@code fieldIds} says otherwise (a group of checkboxes
	 * links to its first box).
	 */
	public static ErrorSummary of(BindingResult result, MessageSource messages, List<String> fields,
			Map<String, String> fieldIds) {
		List<Item> items = new ArrayList<>();
		result.getFieldErrors()
			.stream()
			.sorted(Comparator.comparingInt((error) -> fields.indexOf(error.getField())))
			.forEach((error) -> items
				.add(new Item(error.getField(), fieldIds.getOrDefault(error.getField(), error.getField()),
						messages.getMessage(error, LocaleContextHolder.getLocale()))));
		return new ErrorSummary(List.copyOf(items));
	}

	public ErrorSummary and(String field, String text) {
		List<Item> more = new ArrayList<>(this.items);
		more.add(new Item(field, field, text));
		return new ErrorSummary(List.copyOf(more));
	}

	public boolean isEmpty() {
		return this.items.isEmpty();
	}

	public boolean has(String field) {
		return this.items.stream().anyMatch((item) -> item.field().equals(field));
	}

	/** The messages about one field, as one text to show beside it. */
	public String on(String field) {
		return String.join(" ",
				this.items.stream().filter((item) -> item.field().equals(field)).map(Item::text).toList());
	}

}
