/**
 * Email that is never lost (X6): a transactional outbox written in the same transaction
 * as the state change that causes it, a dispatcher that delivers it through Spring Mail
 * with retry and back-off, templates for multipart emails, and the "Sent Emails" page.
 */
@ApplicationModule(allowedDependencies = { "account", "web" })
package com.videocall.admin.mail;

import org.springframework.modulith.ApplicationModule;
