package com.videocall.admin.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application and the parameters it reads, found in the handler
 * mappings (so a new route is fuzzed without anyone listing it), plus the sign-in form
 * that Spring Security handles itself.
 */
final class FuzzRoutes {

	/** A path variable, {@code {name}} or {@code {name:regex}}. */
	static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

	private FuzzRoutes() {
	}

	/** What a parameter holds, which decides its valid and malformed values. */
	enum Kind {

		TEXT, NUMBER, BOOLEAN, ROLE, TOKEN, AREA_KIND,

		/** Where the answer redirects to: a path of this application, sent back. */
		REDIRECT

	}

	record Param(String name, Kind kind, boolean inPath) {
	}

	record Route(String method, String pattern, List<Param> params) {

		boolean isPost() {
			return "POST".equals(this.method);
		}

		boolean redirectsToAValueItIsSent() {
			return this.params.stream().anyMatch((param) -> param.kind() == Kind.REDIRECT);
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	static List<Route> of(RequestMappingHandlerMapping mappings) {
		List<Route> routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				for (String method : methods(info)) {
					routes.add(new Route(method, pattern, params(pattern, handler)));
				}
			}
		});
		routes.add(new Route("GET", "/readyz", List.of(new Param("extra", Kind.TEXT, false))));
		routes.add(new Route("POST", "/sign-in", List.of(new Param("email", Kind.TEXT, false),
				new Param("password", Kind.TEXT, false), new Param("extra", Kind.TEXT, false))));
		routes.sort(Comparator.comparing(Route::toString));
		return routes;
	}

	private static List<String> methods(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() ? List.of("GET") : methods.stream().map(RequestMethod::name).sorted().toList();
	}

	private static List<Param> params(String pattern, HandlerMethod handler) {
		List<Param> params = new ArrayList<>();
		Matcher variables = VARIABLE.matcher(pattern);
		while (variables.find()) {
			String name = variables.group(1);
			params.add(new Param(name, switch (name) {
				case "token" -> Kind.TOKEN;
				case "kind" -> Kind.AREA_KIND;
				default -> Kind.NUMBER;
			}, true));
		}
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			Class<?> type = parameter.getParameterType();
			if (requestParam != null) {
				String name = requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name();
				params.add(new Param(name, kind(name, type), false));
			}
			else if (parameter.hasParameterAnnotation(ModelAttribute.class) && type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					params.add(new Param(component.getName(), kind(component.getName(), component.getType()), false));
				}
			}
		}
		// A parameter no handler reads.
		params.add(new Param("extra", Kind.TEXT, false));
		return params;
	}

	/** Collections hold numbers here (role ids), except the roles of Add Users. */
	private static Kind kind(String name, Class<?> type) {
		if ("roles".equals(name)) {
			return Kind.ROLE;
		}
		if ("back".equals(name)) {
			return Kind.REDIRECT;
		}
		if (type == boolean.class || type == Boolean.class) {
			return Kind.BOOLEAN;
		}
		if (type == String.class) {
			return Kind.TEXT;
		}
		return Kind.NUMBER;
	}

}
