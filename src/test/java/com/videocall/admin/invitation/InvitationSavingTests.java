package com.videocall.admin.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

/**
 * An {@link Invitation}'s change gets its history and its emails when
 * {@link InvitationChanges} saves it (and its events reach other listeners when the
 * repository it calls saves it). A change saved any other way, or not at all, would still
 * reach the database when the transaction flushes, but silently, without history or
 * email. So every method of the application that changes an invitation saves it through
 * {@link InvitationChanges}, and nothing else calls the repository's save.
 */
class InvitationSavingTests {

	private static final JavaClasses application = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.videocall.admin");

	@Test
	void everyMethodThatChangesAnInvitationSavesItThroughInvitationChanges() {
		Set<String> changes = changesOfTheInvitation();
		assertThat(changes).as("the Invitation's methods that announce a change")
			.containsExactlyInAnyOrder("invite", "offer", "remind", "removeRoles", "accept", "requestNewLink",
					"restore", "changeRoles", "decline", "expire", "changeAccessUntil");

		List<JavaMethod> changing = application.stream()
			.filter((owner) -> !owner.isEquivalentTo(Invitation.class))
			.flatMap((owner) -> owner.getMethods().stream())
			.filter((method) -> method.getMethodCallsFromSelf().stream().anyMatch((call) -> changes(call, changes)))
			.toList();
		assertThat(changing).as("methods that change an invitation").isNotEmpty();
		assertThat(changing).as("methods that change an invitation without saving it")
			.filteredOn((method) -> method.getMethodCallsFromSelf().stream().noneMatch(InvitationSavingTests::saves))
			.isEmpty();
	}

	@Test
	void onlyInvitationChangesCallsTheRepositorysSave() {
		List<JavaMethod> saving = application.stream()
			.flatMap((owner) -> owner.getMethods().stream())
			.filter((method) -> method.getMethodCallsFromSelf()
				.stream()
				.anyMatch((call) -> call.getTargetOwner().isAssignableTo(InvitationRepository.class)
						&& call.getName().startsWith("save")))
			.toList();
		assertThat(saving).extracting((method) -> method.getOwner().getSimpleName() + "." + method.getName())
			.containsExactly("InvitationChanges.save");
	}

	/**
	 * The Invitation's methods that register an event: those that touch its list of
	 * events, apart from the two through which Spring Data publishes and clears it.
	 */
	private static Set<String> changesOfTheInvitation() {
		JavaClass invitation = application.get(Invitation.class);
		return invitation.getMethods()
			.stream()
			.filter((method) -> method.getFieldAccesses()
				.stream()
				.anyMatch((access) -> access.getTarget().getName().equals("events")))
			.filter((method) -> !method.isAnnotatedWith(DomainEvents.class)
					&& !method.isAnnotatedWith(AfterDomainEventPublication.class))
			.map(JavaMethod::getName)
			.collect(Collectors.toSet());
	}

	private static boolean changes(JavaMethodCall call, Set<String> changes) {
		return call.getTargetOwner().isEquivalentTo(Invitation.class) && changes.contains(call.getName());
	}

	private static boolean saves(JavaMethodCall call) {
		return call.getTargetOwner().isEquivalentTo(InvitationChanges.class) && call.getName().equals("save");
	}

}
