package com.videocall.admin.directory.web;

import java.util.List;

import com.videocall.admin.directory.AdministratorScopes;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets every module's controllers take the signed-in administrator's
 * {@link com.videocall.admin.directory.AdministratorScope} as a parameter (see
 * {@link AdministratorScopeArgumentResolver}).
 */
@Configuration(proxyBeanMethods = false)
class ScopeResolution implements WebMvcConfigurer {

	private final AdministratorScopes scopes;

	ScopeResolution(AdministratorScopes scopes) {
		this.scopes = scopes;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new AdministratorScopeArgumentResolver(this.scopes));
	}

}
