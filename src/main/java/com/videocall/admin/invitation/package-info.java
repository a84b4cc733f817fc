/**
 * Pending invitations: the roles offered to a person who has not set up their account
 * yet, the emailed links that let them do so, and the history of what administrators did.
 */
package com.videocall.admin.invitation;
