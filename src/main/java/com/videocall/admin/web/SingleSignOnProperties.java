package com.videocall.admin.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with the organisation's OpenID Connect provider (SI5), beside the
 * provider's registration in Spring Boot's {@code spring.security.oauth2.client.*}.
 *
 * @param twoFactorAcr the ID token's {@code acr} values that count as two factors, as the
 * provider names its multi-factor sign-in (an {@code amr} of {@code mfa}, {@code hwk},
 * {@code swk} or {@code otp} always does)
 * @param requiredForDomains email domains (such as {@code example.org}) whose people may
 * only sign in with the provider, never with a password
 */
@ConfigurationProperties("app.sso")
public record SingleSignOnProperties(@DefaultValue List<String> twoFactorAcr,
		@DefaultValue List<String> requiredForDomains) {

}
