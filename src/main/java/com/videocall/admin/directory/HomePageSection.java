package com.videocall.admin.directory;

/**
 * Something another module shows on an administrator's home page (for example what needs
 * attention among the pending invitations, P5): the home page puts {@link #of} into its
 * model under {@link #name()}, for every administrator and in their scope only.
 */
public interface HomePageSection {

	/** The model attribute the home page's template reads. */
	String name();

	/** What to show to the administrator with this scope. */
	Object of(AdministratorScope scope);

}
