package com.videocall.admin.directory.web;

import com.videocall.admin.account.AccountUser;
import com.videocall.admin.directory.AdministratorScope;
import com.videocall.admin.directory.AdministratorScopes;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a handler method's {@link AdministratorScope} parameter the signed-in account's
 * scope, computed once per request (one SQL statement) and kept as a request attribute:
 * every use within the request, however many handlers or parameters ask, sees the same
 * scope. Controllers never compute a scope themselves.
 */
class AdministratorScopeArgumentResolver implements HandlerMethodArgumentResolver {

	static final String ATTRIBUTE = AdministratorScope.class.getName();

	private final AdministratorScopes scopes;

	AdministratorScopeArgumentResolver(AdministratorScopes scopes) {
		this.scopes = scopes;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == AdministratorScope.class;
	}

	@Override
	public AdministratorScope resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof AdministratorScope resolved) {
			return resolved;
		}
		AdministratorScope scope = this.scopes.forAccount(signedIn().accountId());
		request.setAttribute(ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
		return scope;
	}

	/**
	 * The signed-in account. Security lets only administrators reach a page that takes a
	 * scope; should one be mapped without that, anonymous visitors are sent to sign in.
	 */
	private static AccountUser signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountUser account) {
			return account;
		}
		throw new AuthenticationCredentialsNotFoundException("An administrator scope needs a signed-in account");
	}

}
