package com.videocall.admin.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;

/**
 * What the sign-in module adds to Spring Security's OpenID Connect login when a provider
 * is registered (SI5): how the authorization request is made, and what a provider's
 * answer leads to. The shell owns the filter chain; this keeps what is signed in out of
 * it. (Not a {@code Customizer} bean: Spring Security applies those to every chain.)
 */
public interface SingleSignOnLogin {

	void configure(OAuth2LoginConfigurer<HttpSecurity> login);

}
