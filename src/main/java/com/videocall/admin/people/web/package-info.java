/**
 * The Users list's and the area people lists' pages. {@link UsersListState} is offered to
 * other modules' pages shown over the Users list (the Manage Invitation dialog), so that
 * they carry the list's search, filter and page along as this module does.
 */
@NamedInterface("web")
package com.videocall.admin.people.web;

import org.springframework.modulith.NamedInterface;
